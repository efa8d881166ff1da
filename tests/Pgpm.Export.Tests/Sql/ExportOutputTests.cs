using System.Text;
using Pgpm.Export.Tests.Infrastructure;
using Pgpm.Export.Writing;
using Xunit;

namespace Pgpm.Export.Tests.Sql;

/// <summary>What the written packages contain, checked against the spec's rules on the real fixture.</summary>
[Collection(PostgresCollection.Name)]
public class ExportOutputTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Two_exports_of_the_same_data_are_byte_identical_even_from_different_databases()
    {
        var first = await postgres.NewFixtureDatabaseAsync("det_a");
        var second = await postgres.NewFixtureDatabaseAsync("det_b");
        using var one = new TempDirectory();
        using var two = new TempDirectory();
        using var three = new TempDirectory();
        await SqlExport.RunAsync(postgres, first, one.Path);
        await SqlExport.RunAsync(postgres, first, two.Path);
        await SqlExport.RunAsync(postgres, second, three.Path);

        WorkspaceAssert.Identical(one.Path, two.Path, minimumFiles: 40);
        WorkspaceAssert.Identical(one.Path, three.Path, minimumFiles: 40);
    }

    [Fact]
    public async Task Only_the_chosen_database_is_exported_and_target_supplied_columns_are_dropped()
    {
        var database = await postgres.NewFixtureDatabaseAsync("content");
        using var output = new TempDirectory();
        var log = new RecordingLog();
        var result = await SqlExport.RunAsync(postgres, database, output.Path, log);

        var files = TempDirectory.Snapshot(output.Path);
        var all = string.Join("\n", files.Values.Select(Encoding.UTF8.GetString));
        Assert.DoesNotContain("OTHER_DB_MARKER", all);
        Assert.DoesNotContain(SqlExport.Other.ToString(), all);
        Assert.DoesNotContain("source_db_name_must_not_be_exported", all);
        Assert.DoesNotContain("dbname", Text(output, "acme-crm-service/deploy/migrate/apis.sql"));
        Assert.DoesNotContain("dbname", Text(output, "acme-crm-service/deploy/migrate/sites.sql"));

        var fixture = Text(output, "acme-crm-service/deploy/migrate/export_value_fixture.sql");
        foreach (var dropped in new[] { "created_at", "updated_at", "stamp_ct", "stamp_clock" })
            Assert.DoesNotContain(dropped, fixture);
        Assert.Contains("  fixed_stamp\n) VALUES", fixture);
        Assert.Contains("  \"order\",\n  \"user\",\n  \"position\",\n  \"MixedCase\",\n  name,", fixture);
        Assert.Contains("\"current_role\"", Text(output, "acme-crm-service/deploy/migrate/rls_module.sql"));
        Assert.EndsWith(
            ") ON CONFLICT DO NOTHING;\n\n\nSET session_replication_role TO DEFAULT;\n\n\n",
            Text(output, "acme-crm-service/deploy/migrate/field.sql")
        );

        // Lossless values, as the spec lists them.
        Assert.Contains("9007199254740993, 9223372036854775807, 1.50, 12345678.1000, 'NaN', 0.1", fixture);
        Assert.Contains("'{\"b\" :  1, \"a\":[1 ,2], \"b\": 2}'", fixture); // json: exact text
        Assert.Contains(
            "E'{\"a\":[1,2.50,\"x\\\\\"y\"],\"e\":100000,\"f\":4.0,\"z\":null,\"big\":123456789012345678901234567890}'",
            fixture
        ); // jsonb: compact, digits kept
        Assert.Contains(
            "'1 year 2 mons -3 days +04:05:06.789', '2024-02-29T18:29:59.123456Z', '2024-02-29T12:34:56.700', '2024-02-29'",
            fixture
        );
        Assert.Contains("'-00:00:01.5', 'infinity', '-infinity', 'infinity'", fixture);
        Assert.Contains("E'\\\\x00ff5c27220a'", fixture);
        // JSON null is not SQL NULL; empty arrays stay arrays
        Assert.Contains("'NaN', -0.0001, '-Infinity', 1e+308, 'null', 'null', NULL, '{}', '{}', '{}', '{}'", fixture);
        Assert.Contains("'0044-03-15T12:00:00.000Z BC'", fixture);
        Assert.Contains("'2021-06-01T10:00:00.500Z'", fixture);
        Assert.Contains("'2024-02-29T18:29:59.123450Z'", fixture);

        // Schema renaming: whole identifiers only, everywhere, once.
        var schema = Text(output, "acme-crm-service/deploy/migrate/schema.sql");
        Assert.Contains("'acme_crm_public'", schema);
        Assert.Contains("'acme_crm_private'", schema);
        Assert.Contains("'acme_crm_reports_v_2'", schema);
        Assert.Contains("xacme_crm_1a2b_public", Text(output, "acme-crm-service/deploy/migrate/policy.sql"));
        Assert.Contains("'acme_crm_public.contacts and\tacme_crm_reports_v_2'", fixture);
        Assert.DoesNotContain("acme_crm_1a2b_public_private", Text(output, "acme-crm/deploy/schemas/acme_crm_private/schema.sql"));

        Assert.Contains(log.Warnings, w => w.Contains("metaschema_public.export_value_fixture is not in the manifest"));
        Assert.Equal(
            ["metaschema_public.export_value_fixture"],
            log.Warnings.Where(w => w.Contains("not in the manifest")).Select(w => w.Split(' ')[0])
        );
        Assert.Equal(6, result.Packages.Single(p => p.Is(PackageKind.Database)).Changes);
        Assert.Equal(24, result.Packages.Single(p => p.Is(PackageKind.Service)).Rows);
    }

    [Fact]
    public async Task Package_files_and_plans_follow_the_spec()
    {
        var database = await postgres.NewFixtureDatabaseAsync("files");
        using var output = new TempDirectory();
        await SqlExport.RunAsync(postgres, database, output.Path);

        Assert.Equal(PackageFiles.WorkspaceJson, Text(output, "../pgpm.json"));
        Assert.Equal(PackageFiles.Control("acme-crm", PackageMetadata.DatabaseRequires), Text(output, "acme-crm/acme-crm.control"));
        Assert.Equal(
            PackageFiles.Control("acme-crm-service", PackageMetadata.ServiceRequires),
            Text(output, "acme-crm-service/acme-crm-service.control")
        );
        Assert.Contains("\"description\": \"acme-crm database schema for acme-crm\"", Text(output, "acme-crm/package.json"));
        Assert.Contains(
            "\"description\": \"acme-crm-service service utilities for managing domains, APIs, and services\"",
            Text(output, "acme-crm-service/package.json")
        );

        var plan = Text(output, "acme-crm/pgpm.plan").Split('\n');
        Assert.Equal(
            "schemas/acme_crm_public/tables/contacts/table [schemas/acme_crm_public/schema schemas/acme_crm_private/schema "
                + "metaschema-schema:schemas/metaschema_public/schema] "
                + "2017-08-11T08:11:51Z Test Author <test@example.com> # add add contacts table",
            plan[7]
        );
        Assert.Equal(
            "schemas/acme_crm_public/procedures/v1.2-helper_fn [schemas/acme_crm_public/tables/contacts/table] "
                + "2017-08-11T08:11:51Z Test Author <test@example.com> # add schemas/acme_crm_public/procedures/v1.2-helper_fn",
            plan[8]
        );
        Assert.Equal(
            "-- Revert: schemas/acme_crm_public/procedures/v1.2-helper_fn\n\n\n\n\n\n",
            Text(output, "acme-crm/revert/schemas/acme_crm_public/procedures/v1.2-helper_fn.sql")
        );

        var service = Text(output, "acme-crm-service/pgpm.plan").Split('\n');
        Assert.Equal("migrate/database 2017-08-11T08:11:51Z Test Author <test@example.com> # add migrate/database", service[4]);
        Assert.Equal(
            "migrate/schema [migrate/database] 2017-08-11T08:11:51Z Test Author <test@example.com> # add migrate/schema",
            service[5]
        );
        Assert.Equal(
            "migrate/export_value_fixture [migrate/rls_module] 2017-08-11T08:11:51Z Test Author <test@example.com> "
                + "# add migrate/export_value_fixture",
            service[^2]
        );
        Assert.Equal("", service[^1]);

        Assert.Empty(Directory.GetDirectories(output.Combine("packages"), ".*"));
    }

    [Fact]
    public async Task Categories_can_be_excluded_and_schemas_selected()
    {
        var database = await postgres.NewFixtureDatabaseAsync("options");
        using var output = new TempDirectory();
        await SqlExport.RunAsync(postgres, database, output.Path, adjust: o => new()
            {
                OutputPath = o.OutputPath,
                DatabaseName = "acme-crm",
                ExtensionName = "crm",
                MetaExtensionName = "crm-meta",
                ExcludeCategories = ["seed", "app"],
                Schemas = ["public"],
            });
        var plan = Text(output, "crm/pgpm.plan");
        Assert.DoesNotContain("seed", plan);
        Assert.DoesNotContain("contacts", plan);
        Assert.Contains("schemas/acme_crm_1a2b_reports_v2/schema", plan); // NULL category kept; schema not selected, so not renamed
        Assert.Contains("schemas/crm_public/schema", plan);
        Assert.Contains("schemas/acme_crm_1a2b_public_private/schema", plan);
        Assert.Contains("'crm_public'", Text(output, "crm-meta/deploy/migrate/schema.sql"));
        Assert.Contains("%project=crm-meta", Text(output, "crm-meta/pgpm.plan"));
    }

    private static string Text(TempDirectory output, string path) =>
        File.ReadAllText(Path.GetFullPath(Path.Combine(output.Path, "packages", path)), Encoding.UTF8);
}
