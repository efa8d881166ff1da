using Pgpm.Export.Errors;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.Sql;

/// <summary>Exporting again into the same workspace replaces the plan and scripts and keeps what the user added.</summary>
[Collection(PostgresCollection.Name)]
public class ReExportTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Re_export_replaces_generated_files_and_keeps_user_files()
    {
        var database = await postgres.NewFixtureDatabaseAsync("reexport");
        using var output = new TempDirectory();
        await SqlExport.RunAsync(postgres, database, output.Path);
        var package = output.Combine("packages", "acme-crm");
        await File.WriteAllTextAsync(Path.Combine(package, "README.md"), "# mine\n");
        await File.WriteAllTextAsync(Path.Combine(package, "package.json"), "{ \"name\": \"acme-crm\", \"private\": true }\n");
        Directory.CreateDirectory(Path.Combine(package, "notes"));
        await File.WriteAllTextAsync(Path.Combine(package, "notes", "todo.txt"), "keep");
        await File.WriteAllTextAsync(
            Path.Combine(package, "acme-crm.control"),
            "# custom\ncomment = 'mine'\nrequires = 'plpgsql,my-extension'\n"
        );
        await File.WriteAllTextAsync(output.Combine("pgpm.json"), "{\"packages\":[\"packages/*\",\"extensions/*\"]}\n");

        await postgres.Server.ExecuteAsync(database, "DELETE FROM db_migrate.sql_actions WHERE name = 'seed rows'");
        await SqlExport.RunAsync(postgres, database, output.Path);

        Assert.Equal("# mine\n", await File.ReadAllTextAsync(Path.Combine(package, "README.md")));
        Assert.Equal("{ \"name\": \"acme-crm\", \"private\": true }\n", await File.ReadAllTextAsync(Path.Combine(package, "package.json")));
        Assert.Equal("keep", await File.ReadAllTextAsync(Path.Combine(package, "notes", "todo.txt")));
        Assert.Equal("{\"packages\":[\"packages/*\",\"extensions/*\"]}\n", await File.ReadAllTextAsync(output.Combine("pgpm.json")));
        var control = await File.ReadAllTextAsync(Path.Combine(package, "acme-crm.control"));
        Assert.StartsWith("# custom\ncomment = 'mine'\nrequires = 'plpgsql,my-extension,uuid-ossp,citext,", control);
        Assert.EndsWith(",pgpm-types'\n", control);

        Assert.DoesNotContain("seed", await File.ReadAllTextAsync(Path.Combine(package, "pgpm.plan")));
        Assert.False(File.Exists(Path.Combine(package, "deploy", "schemas", "acme_crm_public", "tables", "contacts", "seed.sql")));
        Assert.True(File.Exists(Path.Combine(package, "deploy", "schemas", "acme_crm_public", "tables", "contacts", "table.sql")));
        Assert.Empty(Directory.GetDirectories(output.Combine("packages"), ".*"));
    }

    [Fact]
    public async Task Without_permission_to_replace_an_existing_package_nothing_changes()
    {
        var database = await postgres.NewFixtureDatabaseAsync("noreplace");
        using var output = new TempDirectory();
        await SqlExport.RunAsync(postgres, database, output.Path);
        var before = TempDirectory.Snapshot(output.Path);
        await postgres.Server.ExecuteAsync(database, "DELETE FROM db_migrate.sql_actions WHERE name = 'seed rows'");

        var error = await Assert.ThrowsAsync<ExportException>(() => SqlExport.RunAsync(postgres, database, output.Path, adjust: o => new()
                {
                    OutputPath = o.OutputPath,
                    DatabaseId = o.DatabaseId,
                    Author = o.Author,
                    ReplaceExisting = false,
                }));
        Assert.Equal("PackageExists", error.ErrorId);
        var after = TempDirectory.Snapshot(output.Path);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (path, bytes) in before)
            Assert.Equal(bytes, after[path]);
    }
}
