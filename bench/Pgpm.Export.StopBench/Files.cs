namespace Pgpm.Export.StopBench;

/// <summary>What an export left in a folder.</summary>
internal static class Files
{
    public static int Count(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;

    public static string Describe(string folder)
    {
        if (!Directory.Exists(folder))
            return "nothing (no target folder)";
        var entries = Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).ToList();
        return entries.Count == 0
            ? "nothing (an empty target folder)"
            : $"{entries.Count} entries: {string.Join(", ", entries.Take(4).Select(e => Path.GetRelativePath(folder, e)))}";
    }
}
