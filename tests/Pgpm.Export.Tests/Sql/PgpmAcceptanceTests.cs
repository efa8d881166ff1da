using Pgpm.Export.Errors;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.Sql;

/// <summary>
/// Inputs a new user meets that used to give a package pgpm refuses (or a refusal of a valid one): each is exported
/// and then judged by pgpm itself, or refused before anything is written, naming what is wrong.
/// </summary>
[Collection(PostgresCollection.Name)]
public class PgpmAcceptanceTests(PostgresFixture postgres)
{
    private static readonly string Acme = SqlExport.Acme.ToString();

    [Fact]
    public async Task Dependencies_on_another_packages_tag_and_change_are_carried_and_pgpm_deploys_them()
    {
        // Both forms appear in the real @pgpm packages' plans (database-jobs depends on pgpm-verify:@0.1.0).
        var database = await postgres.NewFixtureDatabaseAsync("dep_forms");
        await postgres.Server.ExecuteAsync(
            database,
            $$"""
            SET session_replication_role TO replica;
            INSERT INTO db_migrate.sql_actions (name, database_id, deploy, deps, content, revert, verify) VALUES
              ('uses verify', '{{Acme}}', 'schemas/acme_crm_1a2b_public/uses_verify',
               '{pgpm-verify:@0.1.0,metaschema-schema:schemas/metaschema_public/tables/database/table,schemas/acme_crm_1a2b_public/schema}',
               'CREATE TABLE acme_crm_1a2b_public.uses_verify (x int);', 'DROP TABLE acme_crm_1a2b_public.uses_verify;',
               'SELECT x FROM acme_crm_1a2b_public.uses_verify WHERE FALSE;');
            """
        );
        using var output = new TempDirectory();
        await SqlExport.RunAsync(postgres, database, output.Path);

        var plan = await File.ReadAllTextAsync(output.Combine("packages", "acme-crm", "pgpm.plan"));
        Assert.Contains(
            "schemas/acme_crm_public/uses_verify [schemas/acme_crm_public/schema pgpm-verify:@0.1.0 "
                + "metaschema-schema:schemas/metaschema_public/tables/database/table] ",
            plan
        );
        var parsed = await PgpmPlan.ReadAsync(output.Combine("packages", "acme-crm"));
        Assert.Equal(
            ["schemas/acme_crm_public/schema", "pgpm-verify:@0.1.0", "metaschema-schema:schemas/metaschema_public/tables/database/table"],
            parsed.Changes.Single(c => c.Name == "schemas/acme_crm_public/uses_verify").Dependencies
        );

        await PgpmPackageDeployer.CycleAsync(postgres.Server, await postgres.NewDatabaseAsync("dep_forms_target"), Packages(output));
    }

    [Fact]
    public async Task A_dependency_on_another_packages_change_at_a_tag_is_carried_with_a_warning_that_pgpms_migrator_refuses_it()
    {
        var database = await postgres.NewFixtureDatabaseAsync("dep_change_at_tag");
        await postgres.Server.ExecuteAsync(
            database,
            $$"""
            INSERT INTO db_migrate.sql_actions (id, name, database_id, deploy, deps, content) VALUES
              (501, 'pinned', '{{Acme}}', 'pinned', '{pgpm-verify:procedures/verify_table@0.1.0}', 'SELECT 1;');
            """
        );
        using var output = new TempDirectory();
        var log = new RecordingLog();
        await SqlExport.RunAsync(postgres, database, output.Path, log);

        var plan = await PgpmPlan.ReadAsync(output.Combine("packages", "acme-crm"));
        Assert.Equal(["pgpm-verify:procedures/verify_table@0.1.0"], plan.Changes.Single(c => c.Name == "pinned").Dependencies);
        var warning = Assert.Single(log.Warnings, w => w.Contains("sql_actions row 501"));
        Assert.Contains("'pgpm-verify:procedures/verify_table' deploys", warning);
    }

    [Fact]
    public async Task A_row_that_depends_on_a_later_row_is_planned_after_it_and_pgpm_deploys_the_package()
    {
        var database = await postgres.NewFixtureDatabaseAsync("dep_order");
        // 'b' gets the smaller id but depends on 'a'; 'c' depends on nothing and stays where its id puts it.
        await postgres.Server.ExecuteAsync(
            database,
            $$"""
            SET session_replication_role TO replica;
            INSERT INTO db_migrate.sql_actions (id, name, database_id, deploy, deps, content, revert) VALUES
              (101, 'b', '{{Acme}}', 'b', '{a}', 'CREATE VIEW acme_crm_1a2b_public.b AS SELECT * FROM acme_crm_1a2b_public.a;',
               'DROP VIEW acme_crm_1a2b_public.b;'),
              (102, 'c', '{{Acme}}', 'c', NULL, 'SELECT 1;', 'SELECT 1;'),
              (103, 'a', '{{Acme}}', 'a', '{schemas/acme_crm_1a2b_public/schema}', 'CREATE TABLE acme_crm_1a2b_public.a (x int);',
               'DROP TABLE acme_crm_1a2b_public.a;');
            """
        );
        using var output = new TempDirectory();
        await SqlExport.RunAsync(postgres, database, output.Path);

        var changes = (await PgpmPlan.ReadAsync(output.Combine("packages", "acme-crm"))).Changes.Select(c => c.Name).ToList();
        Assert.Equal(["c", "a", "b"], changes[^3..]);
        await PgpmPackageDeployer.CycleAsync(postgres.Server, await postgres.NewDatabaseAsync("dep_order_target"), Packages(output));
    }

    [Fact]
    public async Task A_dependency_cycle_or_a_dependency_on_an_excluded_row_is_refused_naming_the_rows_and_nothing_is_written()
    {
        var database = await postgres.NewFixtureDatabaseAsync("dep_cycle");
        await postgres.Server.ExecuteAsync(
            database,
            $$"""
            SET session_replication_role TO replica;
            INSERT INTO db_migrate.sql_actions (id, name, database_id, deploy, deps, content) VALUES
              (201, 'x', '{{Acme}}', 'x', '{y}', 'SELECT 1;'),
              (202, 'y', '{{Acme}}', 'y', '{x}', 'SELECT 1;');
            """
        );
        using var output = new TempDirectory();
        var cycle = await Assert.ThrowsAsync<ExportException>(() => SqlExport.RunAsync(postgres, database, output.Path));
        Assert.Equal("DependencyCycle", cycle.ErrorId);
        Assert.Contains("sql_actions row 201 ('x')", cycle.Message);
        Assert.Contains("sql_actions row 202 ('y')", cycle.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path));

        // The seed row depends on the contacts table, whose row has the category 'app'.
        var fixture = await postgres.NewFixtureDatabaseAsync("dep_excluded");
        var excluded = await Assert.ThrowsAsync<ExportException>(() =>
            SqlExport.RunAsync(postgres, fixture, output.Path, adjust: o => o with { ExcludeCategories = ["app"] })
        );
        Assert.Equal("DependencyMissing", excluded.ErrorId);
        Assert.Contains("schemas/acme_crm_public/tables/contacts/seed", excluded.Message);
        Assert.Contains("'schemas/acme_crm_public/tables/contacts/table'", excluded.Message);
        Assert.Contains("excluded categories app", excluded.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path));
    }

    [Fact]
    public async Task Renamed_schema_names_over_63_bytes_are_refused_before_anything_is_written()
    {
        var database = await postgres.NewFixtureDatabaseAsync("long_names");
        await postgres.Server.ExecuteAsync(
            database,
            $$"""
            SET session_replication_role TO replica;
            INSERT INTO metaschema_public.schema (id, database_id, name, schema_name) VALUES
              ('a2000000-0000-4000-8000-0000000000a1', '{{Acme}}', 'reporting_analytics_private',
               'acme_crm_1a2b_reporting_analytics_private'),
              ('a2000000-0000-4000-8000-0000000000a2', '{{Acme}}', 'reporting_analytics_public',
               'acme_crm_1a2b_reporting_analytics_public');
            """
        );
        using var output = new TempDirectory();
        var error = await Assert.ThrowsAsync<ExportException>(() =>
            SqlExport.RunAsync(postgres, database, output.Path, adjust: o =>
                o with
                {
                    ExtensionName = "acme-customer-relationship-management-suite",
                }
            )
        );
        Assert.Equal(ExportErrorKind.InvalidData, error.Kind);
        Assert.Equal("SchemaNameTooLong", error.ErrorId);
        Assert.Contains("acme_crm_1a2b_reporting_analytics_private", error.Message);
        Assert.Contains("acme_customer_relationship_management_suite_reporting_analytics_private", error.Message);
        Assert.Contains("71 bytes", error.Message);
        Assert.Contains("--extension-name", Pgpm.Export.Errors.OptionName.Render(error.Message, Pgpm.Export.Errors.Vocabulary.CommandLine));
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path));
    }

    [Fact]
    public async Task A_schema_name_continued_by_a_non_ASCII_letter_is_another_identifier_and_is_not_renamed()
    {
        var database = await postgres.NewFixtureDatabaseAsync("boundary");
        await postgres.Server.ExecuteAsync(
            database,
            $$"""
            SET session_replication_role TO replica;
            INSERT INTO metaschema_public.schema (id, database_id, name, schema_name) VALUES
              ('a2000000-0000-4000-8000-0000000000b1', '{{Acme}}', 'app', 'zz_app');
            INSERT INTO db_migrate.sql_actions (id, name, database_id, deploy, content, revert, verify) VALUES
              (301, 'app schemas', '{{Acme}}', 'schemas/zz_app/schema',
               'CREATE SCHEMA zz_app; CREATE SCHEMA zz_appé; CREATE SCHEMA zz_app$x;',
               'DROP SCHEMA zz_app; DROP SCHEMA zz_appé; DROP SCHEMA zz_app$x;',
               'SELECT 1/count(*) FROM pg_namespace WHERE nspname = ''zz_appé'';');
            """
        );
        using var output = new TempDirectory();
        await SqlExport.RunAsync(postgres, database, output.Path);

        var deploy = await File.ReadAllTextAsync(output.Combine("packages", "acme-crm", "deploy", "schemas", "acme_crm_app", "schema.sql"));
        Assert.Contains("CREATE SCHEMA acme_crm_app; CREATE SCHEMA zz_appé; CREATE SCHEMA zz_app$x;", deploy);
        var target = await postgres.NewDatabaseAsync("boundary_target");
        await PgpmPackageDeployer.CycleAsync(postgres.Server, target, Packages(output));
        Assert.Equal(
            "acme_crm_app,zz_app$x,zz_appé",
            (
                await postgres.Server.QueryTextAsync(
                    target,
                    "SELECT string_agg(nspname, ',' ORDER BY nspname) FROM pg_namespace "
                        + "WHERE nspname IN ('acme_crm_app', 'zz_appé', 'zz_app$x', 'zz_app')"
                )
            ).Trim()
        );
    }

    [Fact]
    public async Task The_package_name_placeholder_becomes_the_name_of_the_package_being_written()
    {
        var database = await postgres.NewFixtureDatabaseAsync("placeholder");
        await postgres.Server.ExecuteAsync(
            database,
            $$"""
            SET session_replication_role TO replica;
            INSERT INTO db_migrate.sql_actions (id, name, database_id, deploy, deps, content, revert, verify) VALUES
              (401, 'add constructive-extension-name marker', '{{Acme}}', 'schemas/acme_crm_1a2b_public/marker',
               '{schemas/acme_crm_1a2b_public/schema}',
               'CREATE TABLE acme_crm_1a2b_public.marker AS SELECT ''constructive-extension-name''::text AS package;',
               'DROP TABLE acme_crm_1a2b_public.marker;',
               'SELECT 1/count(*) FROM acme_crm_1a2b_public.marker WHERE package = ''constructive-extension-name'';');
            UPDATE metaschema_public.schema SET description = 'made by constructive-extension-name'
             WHERE id = 'a2000000-0000-4000-8000-000000000001';
            """
        );
        using var output = new TempDirectory();
        await SqlExport.RunAsync(postgres, database, output.Path, adjust: o => o with { ExtensionName = "crm" });

        var deploy = await File.ReadAllTextAsync(output.Combine("packages", "crm", "deploy", "schemas", "crm_public", "marker.sql"));
        Assert.Contains("SELECT 'crm'::text AS package;", deploy);
        Assert.Contains("# add add crm marker", await File.ReadAllTextAsync(output.Combine("packages", "crm", "pgpm.plan")));
        Assert.Contains(
            "'made by acme-crm-service'",
            await File.ReadAllTextAsync(output.Combine("packages", "acme-crm-service", "deploy", "migrate", "schema.sql"))
        );
        foreach (var file in Directory.EnumerateFiles(output.Path, "*", SearchOption.AllDirectories))
            Assert.DoesNotContain("constructive-extension-name", await File.ReadAllTextAsync(file));

        var target = await postgres.NewDatabaseAsync("placeholder_target");
        await PgpmPackageDeployer.CycleAsync(
            postgres.Server,
            target,
            [output.Combine("packages", "crm"), output.Combine("packages", "acme-crm-service")]
        );
        Assert.Equal("crm", (await postgres.Server.QueryTextAsync(target, "SELECT package FROM crm_public.marker")).Trim());
    }

    private static string[] Packages(TempDirectory output) =>
        [output.Combine("packages", "acme-crm"), output.Combine("packages", "acme-crm-service")];
}
