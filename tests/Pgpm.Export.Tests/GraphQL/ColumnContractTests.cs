using Pgpm.Export.Errors;
using Pgpm.Export.Exporting;
using Pgpm.Export.Manifest;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Tests.Infrastructure;
using Pgpm.Export.Writing;
using Xunit;

namespace Pgpm.Export.Tests.GraphQL;

/// <summary>
/// The column contract against real PostGraphile servers configured as an operator would:
/// a hidden table is a warning listed in the summary (or a stop), a hidden column stops the export naming it (or, when
/// allowed, is a warning listed in the summary), a computed column is never exported as a column, a user's extra
/// column is, and enum values come back as the real labels.
/// </summary>
[Collection(PostgresCollection.Name)]
public class ColumnContractTests(PostgresFixture postgres)
{
    private static readonly Guid Pets = SampleDatabase.SampleId;

    /// <summary>The smart comment that hides a table or column from the API: v5's behaviour tag, v4's <c>@omit</c>.</summary>
    private static string HidingTag(GraphQLDialect dialect) => dialect == GraphQLDialect.PostGraphileV4 ? "@omit" : "@behavior -*";

    /// <summary>
    /// The built-in manifest, less database.schema_hash for v4, which honours the <c>@omit</c> the Constructive schema puts on
    /// it (so that only the column a test hides is missing); null elsewhere: the version closest to what the API shows.
    /// </summary>
    private static ExportManifest? ManifestFor(GraphQLDialect dialect) =>
        dialect == GraphQLDialect.PostGraphileV4
            ? new ExportManifest(ExportManifest.BuiltIn.Tables.Select(GraphQLExport.WithoutV4OmittedColumn).ToList())
            : null;

    public static TheoryData<GraphQLDialect> Dialects =>
        [GraphQLDialect.Default, GraphQLDialect.Constructive, GraphQLDialect.PostGraphileV4];

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_computed_column_is_not_exported_and_an_extra_real_column_is(GraphQLDialect dialect)
    {
        var database = await postgres.NewSampleDatabaseAsync("computed");
        await postgres.Server.ExecuteAsync(
            database,
            """
            ALTER TABLE metaschema_public.schema ADD COLUMN x text;
            UPDATE metaschema_public.schema SET x = 'extra ' || name;
            CREATE FUNCTION metaschema_public.schema_full_label(s metaschema_public.schema) RETURNS text
              LANGUAGE sql STABLE AS $$ SELECT s.schema_name || ':' || s.name $$;
            """
        );
        using var both = await BothSources.ExportAsync(postgres.Server, database, Pets, dialect);

        WorkspaceAssert.Identical(both.Sql.Path, both.GraphQL.Path, minimumFiles: 10);
        var schemaInserts = File.ReadAllText(
            Path.Combine(both.GraphQL.Path, "packages", "pets-service", "deploy", "migrate", "schema.sql")
        );
        Assert.Contains("'extra public'", schemaInserts);
        Assert.DoesNotContain("full_label", schemaInserts);
        Assert.Contains(both.Log.Warnings, w =>
            w.Contains("metaschema_public.schema") && w.Contains("fullLabel") && w.Contains("computed column")
        );
    }

    [Theory]
    [MemberData(nameof(GraphQLExport.DialectsWithAndWithoutIntrospection), MemberType = typeof(GraphQLExport))]
    public async Task A_table_hidden_by_a_smart_tag_is_a_warning_listed_in_the_summary_or_a_stop_when_asked(
        GraphQLDialect dialect,
        bool introspectionDisabled
    )
    {
        var database = await postgres.NewSampleDatabaseAsync("hiddentable");
        await postgres.Server.ExecuteAsync(
            database,
            """
            INSERT INTO services_public.site_metadata (id, database_id, site_id, title)
              VALUES ('5e7a000b-0000-4000-8000-000000000001', '5e7a0000-0000-4000-8000-000000000001',
                      '5e7a000a-0000-4000-8000-000000000001', 'Pets meta');
            """
        );
        await postgres.Server.ExecuteAsync(database, $"COMMENT ON TABLE services_public.site_metadata IS E'{HidingTag(dialect)}';");
        await using var server = await GraphQLExport.StartAsync(postgres, database, dialect, introspectionDisabled: introspectionDisabled);
        using var output = new TempDirectory();
        var log = new RecordingLog();
        var result = await GraphQLExport.RunAsync(server.Endpoint, output.Path, ManifestFor(dialect), log, databaseId: Pets);

        var omission = Assert.Single(result.Omissions);
        Assert.Equal(("services_public.site_metadata", null), (omission.Table.ToString(), omission.Column));
        Assert.Contains(log.Warnings, w => w.Contains("services_public.site_metadata") && w.Contains("hidden by the server"));
        Assert.Equal(result.Omissions, result.Packages.Single(p => p.Is(PackageKind.Service)).Omissions);

        using var strict = new TempDirectory();
        var error = await Assert.ThrowsAsync<ExportException>(() =>
            GraphQLExport.RunAsync(
                server.Endpoint,
                strict.Path,
                ManifestFor(dialect),
                new RecordingLog(),
                databaseId: Pets,
                adjustExport: o => o with { FailOnHiddenTables = true }
            )
        );
        Assert.Equal("TablesHidden", error.ErrorId);
        Assert.Contains("services_public.site_metadata", error.Message);
        Assert.False(Directory.Exists(Path.Combine(strict.Path, "packages", "pets-service")));
    }

    [Theory]
    [MemberData(nameof(GraphQLExport.DialectsWithAndWithoutIntrospection), MemberType = typeof(GraphQLExport))]
    public async Task A_hidden_column_stops_the_export_naming_it_unless_missing_columns_are_allowed(
        GraphQLDialect dialect,
        bool introspectionDisabled
    )
    {
        var database = await postgres.NewSampleDatabaseAsync("hiddencolumn");
        await postgres.Server.ExecuteAsync(database, $"COMMENT ON COLUMN metaschema_public.schema.label IS E'{HidingTag(dialect)}';");
        await using var server = await GraphQLExport.StartAsync(postgres, database, dialect, introspectionDisabled: introspectionDisabled);

        using var stopped = new TempDirectory();
        var error = await Assert.ThrowsAsync<ExportException>(() =>
            GraphQLExport.RunAsync(server.Endpoint, stopped.Path, ManifestFor(dialect), new RecordingLog(), databaseId: Pets)
        );
        Assert.Equal("ColumnsNotExported", error.ErrorId);
        Assert.Contains("metaschema_public.schema.label: hidden by the server", error.Message);
        Assert.Contains("--allow-missing-columns", OptionName.Render(error.Message, Vocabulary.CommandLine));
        Assert.DoesNotContain("metaschema_public.schema.module", error.Message);
        Assert.False(Directory.Exists(Path.Combine(stopped.Path, "packages", "pets-service")));

        using var allowed = new TempDirectory();
        var log = new RecordingLog();
        var result = await GraphQLExport.RunAsync(
            server.Endpoint,
            allowed.Path,
            ManifestFor(dialect),
            log,
            databaseId: Pets,
            adjustExport: o => o with { AllowMissingColumns = true }
        );
        var omission = Assert.Single(result.Omissions);
        Assert.Equal("metaschema_public.schema.label", omission.Name);
        Assert.Contains(log.Warnings, w => w.Contains("metaschema_public.schema.label"));
        Assert.Equal(result.Omissions, result.Packages.Single(p => p.Is(PackageKind.Service)).Omissions);
        var schemaInserts = File.ReadAllText(Path.Combine(allowed.Path, "packages", "pets-service", "deploy", "migrate", "schema.sql"));
        Assert.DoesNotContain("  label,", schemaInserts);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Enum_values_come_back_as_the_real_labels_or_the_column_is_named(GraphQLDialect dialect)
    {
        var database = await postgres.NewSampleDatabaseAsync("enumlabels");
        await GraphQLExport.AddReviewStateColumnAsync(postgres, database);
        // With a manifest that carries the enum's labels, every dialect gives the labels back byte for byte.
        var manifest = await GraphQLExport.DerivedManifestAsync(postgres, database);
        using (var both = await BothSources.ExportAsync(postgres.Server, database, Pets, dialect, manifest))
        {
            WorkspaceAssert.Identical(both.Sql.Path, both.GraphQL.Path, minimumFiles: 10);
            Assert.Contains(
                "'inReview'",
                File.ReadAllText(Path.Combine(both.GraphQL.Path, "packages", "pets-service", "deploy", "migrate", "schema.sql"))
            );
        }

        // Without the labels, a server that changes the values cannot be read back: the export stops naming the column.
        await using var server = await GraphQLExport.StartAsync(postgres, database, dialect);
        using var output = new TempDirectory();
        if (dialect == GraphQLDialect.Default)
        {
            var result = await GraphQLExport.RunAsync(server.Endpoint, output.Path, null, new RecordingLog(), databaseId: Pets);
            Assert.Empty(result.Omissions);
            Assert.Contains(
                "'inReview'",
                File.ReadAllText(Path.Combine(output.Path, "packages", "pets-service", "deploy", "migrate", "schema.sql"))
            );
        }
        else
        {
            var error = await Assert.ThrowsAsync<ExportException>(() =>
                GraphQLExport.RunAsync(server.Endpoint, output.Path, null, new RecordingLog(), databaseId: Pets)
            );
            Assert.Equal("ColumnsNotExported", error.ErrorId);
            Assert.Contains("metaschema_public.schema.state", error.Message);
            Assert.Contains("cannot be turned back", error.Message);
        }
    }

    [Theory]
    [MemberData(nameof(GraphQLExport.DialectsWithAndWithoutIntrospection), MemberType = typeof(GraphQLExport))]
    public async Task A_0_16_database_follows_the_0_16_manifest_with_nothing_reported_missing(
        GraphQLDialect dialect,
        bool introspectionDisabled
    )
    {
        var database = await postgres.NewSampleDatabaseAsync("v016");
        using var both = await BothSources.ExportAsync(
            postgres.Server,
            database,
            Pets,
            dialect,
            introspectionDisabled: introspectionDisabled
        );
        WorkspaceAssert.Identical(both.Sql.Path, both.GraphQL.Path, minimumFiles: 10);
        Assert.Equal("0.16", both.Result.SchemaVersion);
        Assert.Empty(both.Result.Omissions);
        Assert.Contains(both.Log.Verbose, v => v.StartsWith("Schema version 0.16 chosen", StringComparison.Ordinal));
        Assert.DoesNotContain(both.Log.Warnings, w => w.Contains("hidden") && !w.Contains("schema_hash"));
    }

    /// <summary>The newcomer's case itself: 0.15.5 forced on a 0.16 database (whose policy has no template column) stops over both sources
    /// alike.</summary>
    [Fact]
    public async Task Forcing_0_15_5_on_a_0_16_database_stops_over_SQL_and_GraphQL_alike_naming_the_column_it_lacks()
    {
        var database = await postgres.NewSampleDatabaseAsync("forced0155");
        await using var server = await GraphQLExport.StartAsync(postgres, database, GraphQLDialect.Default);
        using var output = new TempDirectory();
        var graphql = await Assert.ThrowsAsync<ExportException>(() =>
            GraphQLExport.RunAsync(
                server.Endpoint,
                output.Combine("graphql"),
                null,
                new RecordingLog(),
                databaseId: Pets,
                adjustExport: o => o with { SchemaVersion = "0.15.5" }
            )
        );
        var sql = await Assert.ThrowsAsync<ExportException>(() =>
            SqlExport.RunAsync(postgres, database, output.Combine("sql"), adjust: o =>
                o with
                {
                    DatabaseId = Pets,
                    SchemaVersion = "0.15.5",
                }
            )
        );
        foreach (var error in new[] { graphql, sql })
        {
            Assert.Equal("SchemaVersionMismatch", error.ErrorId);
            Assert.Contains(
                "matches schema version 0.16 better: 1 column of 0.15.5 is missing from it (metaschema_public.policy.template);",
                error.Message
            );
            Assert.DoesNotContain("hidden by the server", error.Message);
        }
        Assert.False(Directory.Exists(output.Combine("graphql", "packages")));
        Assert.False(Directory.Exists(output.Combine("sql", "packages")));
    }
}
