namespace Pgpm.Export.Writing;

/// <summary>The fixed files of a package and of the workspace, byte for byte as the spec gives them.</summary>
public static class PackageFiles
{
    public const string WorkspaceJson = "{\n  \"packages\": [\n    \"packages/*\"\n  ]\n}\n";

    public static string Control(string name, IEnumerable<string> requires) =>
        $"# {name} extension\ncomment = '{name} extension'\n"
        + $"default_version = '0.0.1'\nmodule_pathname = '$libdir/{name}'\nrequires = '{string.Join(",", requires)}'\n"
        + "relocatable = false\nsuperuser = false\n";

    public static string Makefile(string name) =>
        $"EXTENSION = {name}\nDATA = sql/{name}--0.0.1.sql\n\n"
        + "PG_CONFIG = pg_config\nPGXS := $(shell $(PG_CONFIG) --pgxs)\ninclude $(PGXS)\n";

    public static string PackageJson(PackageMetadata package)
    {
        static string S(string value) => JsonStringLiteral.QuoteRelaxed(value);
        return "{\n"
            + $"  \"name\": {S(package.Name)},\n"
            + "  \"version\": \"0.0.1\",\n"
            + $"  \"description\": {S(package.Description)},\n"
            + $"  \"author\": {S(package.Author.ToString())}\n"
            + "}\n";
    }

    /// <summary>
    /// An existing control file with any of <paramref name="requires"/> it lacks appended to its
    /// requires line; everything else in it is kept as the user left it.
    /// </summary>
    public static string MergeControlRequires(string existing, IEnumerable<string> requires)
    {
        var lines = existing.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (!line.TrimStart().StartsWith("requires", StringComparison.Ordinal))
                continue;
            var open = line.IndexOf('\'');
            var close = line.LastIndexOf('\'');
            if (open < 0 || close <= open)
                continue;
            var present = line[(open + 1)..close]
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ToList();
            present.AddRange(requires.Where(r => !present.Contains(r)).ToList());
            lines[i] = line[..(open + 1)] + string.Join(",", present) + line[close..];
            return string.Join('\n', lines);
        }
        var suffix = existing.EndsWith('\n') || existing.Length == 0 ? "" : "\n";
        return existing + suffix + $"requires = '{string.Join(",", requires)}'\n";
    }
}
