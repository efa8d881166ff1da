using Pgpm.Export.Writing;
using Xunit;

namespace Pgpm.Export.Tests.Writing;

public class PackageFilesTests
{
    [Fact]
    public void Control_file_matches_the_spec() =>
        Assert.Equal(
            "# acme extension\ncomment = 'acme extension'\ndefault_version = '0.0.1'\nmodule_pathname = '$libdir/acme'\n"
                + "requires = 'plpgsql,services'\nrelocatable = false\nsuperuser = false\n",
            PackageFiles.Control("acme", ["plpgsql", "services"])
        );

    [Fact]
    public void Makefile_matches_the_spec() =>
        Assert.Equal(
            "EXTENSION = acme\nDATA = sql/acme--0.0.1.sql\n\n"
                + "PG_CONFIG = pg_config\nPGXS := $(shell $(PG_CONFIG) --pgxs)\ninclude $(PGXS)\n",
            PackageFiles.Makefile("acme")
        );

    [Fact]
    public void Workspace_file_is_pretty_printed_json() =>
        Assert.Equal("{\n  \"packages\": [\n    \"packages/*\"\n  ]\n}\n", PackageFiles.WorkspaceJson);

    [Fact]
    public void Package_json_needs_no_network_and_keeps_the_author_readable()
    {
        var json = PackageFiles.PackageJson(
            new PackageMetadata("acme", "acme database schema for \"acme\"", [], PlanAuthor.Parse("Zoë <z@x.io>"))
        );
        Assert.Equal(
            "{\n  \"name\": \"acme\",\n  \"version\": \"0.0.1\",\n"
                + "  \"description\": \"acme database schema for \\\"acme\\\"\",\n  \"author\": \"Zoë <z@x.io>\"\n}\n",
            json
        );
    }

    [Fact]
    public void Merging_requires_keeps_the_users_entries_and_appends_the_missing_ones()
    {
        var existing = "# acme extension\ncomment = 'mine'\nrequires = 'plpgsql,my-extra'\nsuperuser = false\n";
        Assert.Equal(
            "# acme extension\ncomment = 'mine'\nrequires = 'plpgsql,my-extra,services'\nsuperuser = false\n",
            PackageFiles.MergeControlRequires(existing, ["plpgsql", "services"])
        );
    }
}
