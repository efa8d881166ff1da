using System.Text.RegularExpressions;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>Files of the repository the tests run from.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The one version of the build, from Directory.Build.props.</summary>
    public static string Version { get; } =
        Regex.Match(File.ReadAllText(Path("Directory.Build.props")), "<Version>([^<]+)</Version>").Groups[1].Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Pgpm.Export.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Pgpm.Export.sln not found above " + AppContext.BaseDirectory);
    }
}
