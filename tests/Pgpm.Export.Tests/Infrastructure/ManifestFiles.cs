using Pgpm.Export.Manifest;
using Xunit;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>Compares a manifest derived from a real schema with the built-in one of its version.</summary>
public static class ManifestFiles
{
    /// <summary>
    /// Asserts the built-in manifest of <paramref name="derived"/>'s version is exactly it. On a difference the derived
    /// JSON is written to out/test-reports/manifest-&lt;version&gt;.derived.json, to review and copy into src/Pgpm.Export.Core/Resources.
    /// </summary>
    public static void AssertBuiltIn(ExportManifest derived)
    {
        var builtIn = ExportManifest.BuiltInVersions.FirstOrDefault(m => m.Version == derived.Version);
        var json = derived.ToJson();
        if (builtIn?.ToJson() == json)
            return;
        var reports = RepositoryFiles.Path("out", "test-reports");
        Directory.CreateDirectory(reports);
        var file = Path.Combine(reports, $"manifest-{derived.Version}.derived.json");
        File.WriteAllText(file, json);
        Assert.Fail(
            $"The built-in manifest of schema version {derived.Version} is "
                + $"{(builtIn is null ? "missing" : "not what the real schema derives")}; the derived one is in {file}."
        );
    }
}
