using System.Globalization;

namespace Pgpm.Export.Sandbox.Cli;

/// <summary>
/// The demo's list of the files a package holds, one line per file: its size in bytes, right-aligned to the widest
/// size of the list, then its path relative to the workspace. The path comes last so that no length of path can push
/// another column out of line (paths were padded to 70 characters, and a longer one shifted its size).
/// </summary>
internal static class FileListing
{
    /// <summary>One line per file, in the order given: <c>"  1234 bytes  packages/x/pgpm.plan"</c>.</summary>
    public static IEnumerable<string> Lines(IReadOnlyList<(string Path, long Bytes)> files)
    {
        var width = files.Count == 0 ? 0 : files.Max(f => f.Bytes.ToString(CultureInfo.InvariantCulture).Length);
        return files.Select(f => "  " + f.Bytes.ToString(CultureInfo.InvariantCulture).PadLeft(width) + " bytes  " + f.Path);
    }
}
