namespace Pgpm.Export.Sandbox;

/// <summary>
/// A private PostgreSQL installation tree that sees extra extension files, so a test can install packages by
/// CREATE EXTENSION without writing into the system's share directory. PostgreSQL finds its share and library
/// directories relative to its own executable (pg_config's paths less their common prefix), so the tree holds a
/// copy of the bin directory (copies, not links: PostgreSQL resolves links to its executable), a link to the
/// library directory, and a share directory of links to the real files plus the extra extension files.
/// </summary>
public static class PrivateInstallation
{
    /// <summary>Builds the tree under <paramref name="root"/> and returns its bin directory.</summary>
    /// <param name="realBin">The installed bin directory (with pg_config).</param>
    /// <param name="extensionFiles">Files (<c>name.control</c>, <c>name--version.sql</c>) to add to the extension directory.</param>
    public static async Task<string> CreateAsync(
        string root,
        string realBin,
        IEnumerable<string> extensionFiles,
        CancellationToken cancellationToken = default
    )
    {
        var result = await ProcessRunner
            .RunAsync(Path.Combine(realBin, "pg_config"), ["--bindir", "--sharedir", "--pkglibdir"], cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var (bin, share, lib) = (lines[0], lines[1], lines[2]);
        var prefix = CommonPrefix(bin, share, lib);
        string Mirror(string path) => Path.Combine(root, Path.GetRelativePath(prefix, path));

        var privateBin = Mirror(bin);
        Directory.CreateDirectory(privateBin);
        foreach (var file in Directory.GetFiles(bin))
        {
            var target = Path.Combine(privateBin, Path.GetFileName(file));
            File.Copy(file, target);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(target, File.GetUnixFileMode(file));
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Mirror(lib))!);
        Directory.CreateSymbolicLink(Mirror(lib), lib);

        var privateShare = Mirror(share);
        Directory.CreateDirectory(privateShare);
        foreach (var entry in Directory.GetFileSystemEntries(share).Where(e => Path.GetFileName(e) != "extension"))
            LinkTo(Path.Combine(privateShare, Path.GetFileName(entry)), entry);
        var extensions = Path.Combine(privateShare, "extension");
        Directory.CreateDirectory(extensions);
        foreach (var file in Directory.GetFiles(Path.Combine(share, "extension")))
            File.CreateSymbolicLink(Path.Combine(extensions, Path.GetFileName(file)), file);
        foreach (var file in extensionFiles)
        {
            var target = Path.Combine(extensions, Path.GetFileName(file));
            if (File.Exists(target))
                File.Delete(target);
            File.Copy(file, target);
        }
        return privateBin;
    }

    private static void LinkTo(string path, string target)
    {
        if (Directory.Exists(target))
            Directory.CreateSymbolicLink(path, target);
        else
            File.CreateSymbolicLink(path, target);
    }

    private static string CommonPrefix(params string[] paths)
    {
        var parts = paths.Select(p => p.TrimEnd('/').Split('/')).ToList();
        var common = new List<string>();
        for (var i = 0; parts.All(p => p.Length > i) && parts.All(p => p[i] == parts[0][i]); i++)
            common.Add(parts[0][i]);
        return string.Join('/', common) is { Length: > 0 } joined ? joined : "/";
    }
}
