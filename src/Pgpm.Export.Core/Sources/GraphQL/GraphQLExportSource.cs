using System.Runtime.CompilerServices;
using Pgpm.Export.Errors;
using Pgpm.Export.Logging;
using Pgpm.Export.Manifest;
using Pgpm.Export.Model;
using Pgpm.Export.Sources.GraphQL.Binding;
using Pgpm.Export.Sources.GraphQL.Paging;
using Pgpm.Export.Sources.GraphQL.Schema;
using Pgpm.Export.Sources.GraphQL.SqlActions;
using Pgpm.Export.Sources.GraphQL.Transport;

namespace Pgpm.Export.Sources.GraphQL;

/// <summary>
/// Reads a Constructive database through its GraphQL API. Names, filters and columns are discovered by
/// introspection once, at open; rows stream page by page and are normalised to the SQL source's values.
/// sql_actions come from the main endpoint when it offers them (an <c>exportSqlActions</c> root field, else the
/// db_migrate.sql_actions connection; see <see cref="SqlActionsDiscovery"/>), else from the migrate endpoint when one is
/// given, else not at all (metadata-only export, said in a warning).
/// </summary>
public sealed class GraphQLExportSource : IExportSource
{
    private readonly GraphQLClient _client;
    private readonly ConnectionPager _pager;
    private readonly IReadOnlyDictionary<TableRef, GraphQLTableBinding> _bindings;
    private readonly ISqlActionsReader? _sqlActions;
    private readonly string? _noSqlActionsReason;
    private readonly IDisposable? _migrateClient;

    private GraphQLExportSource(
        GraphQLClient client,
        PageSizeCeiling ceiling,
        IReadOnlyDictionary<TableRef, GraphQLTableBinding> bindings,
        ISqlActionsReader? sqlActions,
        string? noSqlActionsReason,
        IDisposable? migrateClient
    )
    {
        _client = client;
        _bindings = bindings;
        _sqlActions = sqlActions;
        _noSqlActionsReason = noSqlActionsReason;
        _migrateClient = migrateClient;
        _pager = new ConnectionPager(client, ceiling);
    }

    public string Description => _client.Endpoint.ToString();

    public static async Task<GraphQLExportSource> OpenAsync(
        GraphQLEndpointOptions options,
        GraphQLEndpointOptions? migrate = null,
        ExportManifest? manifest = null,
        IExportLog? log = null,
        CancellationToken cancellationToken = default
    )
    {
        log ??= NullExportLog.Instance;
        var client = new GraphQLClient(options, log);
        var ceiling = new PageSizeCeiling(options.PageSize, log);
        try
        {
            // Every table of every built-in version (and of a given manifest) is looked for, so the version can be chosen
            // from what is there.
            var manifests = ExportManifest.BuiltInVersions.Append(manifest).OfType<ExportManifest>().ToList();
            var schema = await EndpointSchema
                .LoadAsync(client, manifests, false, "introspecting the schema", log, cancellationToken)
                .ConfigureAwait(false);
            var wanted = manifests
                .SelectMany(m => m.Tables)
                .Select(t => t.Table)
                .Prepend(MetaSchemas.SchemaTable)
                .Prepend(MetaSchemas.DatabaseTable)
                .Distinct();
            var bindings = GraphQLDiscovery.Discover(schema, wanted, log);
            if (bindings.Count == 0)
                throw new ExportException(
                    ExportErrorKind.NotFound,
                    ErrorId.GraphQLNothingVisible,
                    $"{options.Endpoint} exposes none of the Constructive meta tables to this token (no connection such as "
                        + $"allDatabases or databases). Check the endpoint and the token's permissions; a Constructive meta API also "
                        + $"needs {OptionName.Header} 'X-Meta-Schema: true'."
                );
            if (!bindings.ContainsKey(MetaSchemas.DatabaseTable))
                throw new ExportException(
                    ExportErrorKind.NotFound,
                    ErrorId.GraphQLNoDatabaseTable,
                    $"{options.Endpoint} does not expose metaschema_public.database, so no database can be chosen."
                );

            var (sqlActions, reason, migrateClient) = await SqlActionsChoice
                .MakeAsync(client, schema, ceiling, options, migrate, manifests, log, cancellationToken)
                .ConfigureAwait(false);
            if (sqlActions is not null)
                log.Verbose($"sql_actions come from {sqlActions.Origin}.");
            return new GraphQLExportSource(client, ceiling, bindings, sqlActions, reason, migrateClient);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task<IReadOnlyList<DatabaseInfo>> ListDatabasesAsync(CancellationToken cancellationToken)
    {
        var binding = _bindings[MetaSchemas.DatabaseTable];
        var columns = Columns(binding, "id", "name", "label", "schema_name");
        var databases = new List<DatabaseInfo>();
        await foreach (
            var values in _pager.NodesAsync(binding, columns, null, node => Values(columns, node), cancellationToken).ConfigureAwait(false)
        )
        {
            databases.Add(
                new DatabaseInfo(
                    Guid.Parse(values["id"]!),
                    values.GetValueOrDefault("name") ?? "",
                    values.GetValueOrDefault("label"),
                    values.GetValueOrDefault("schema_name")
                )
            );
        }
        return databases.OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.Id).ToList();
    }

    public async Task<DatabaseInfo?> GetDatabaseAsync(Guid databaseId, CancellationToken cancellationToken) =>
        (await ListDatabasesAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(d => d.Id == databaseId);

    public async Task<IReadOnlyList<SchemaInfo>> GetSchemasAsync(Guid databaseId, CancellationToken cancellationToken)
    {
        if (!_bindings.TryGetValue(MetaSchemas.SchemaTable, out var binding))
            return [];
        var columns = Columns(binding, "id", "database_id", "name", "schema_name");
        var schemas = new List<SchemaInfo>();
        await foreach (
            var values in _pager
                .NodesAsync(binding, columns, databaseId, node => Values(columns, node), cancellationToken)
                .ConfigureAwait(false)
        )
        {
            schemas.Add(new SchemaInfo(Guid.Parse(values["id"]!), databaseId, values["name"] ?? "", values["schema_name"] ?? ""));
        }
        return schemas;
    }

    public Task<IReadOnlyList<TableRef>> ListTablesAsync(IReadOnlyList<string> schemas, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TableRef>>(_bindings.Keys.Where(t => schemas.Contains(t.Schema)).OrderBy(t => t).ToList());

    /// <summary>An API may hide tables and columns (smart tags, grants, plugins), so what it does not show may still exist.</summary>
    public bool ShowsWholeSchema => false;

    public Task<SchemaVersionChoice> ChooseSchemaVersionAsync(IReadOnlyList<ExportManifest> candidates, CancellationToken cancellationToken)
    {
        var observed = _bindings.ToDictionary(
            b => b.Key,
            b =>
                (IReadOnlySet<string>)
                    b
                        .Value.Columns.Select(c => GraphQLNames.Fold(c.Field))
                        .Concat(b.Value.Unreadable.Select(u => GraphQLNames.Fold(u.Field)))
                        .Append("id")
                        .ToHashSet(StringComparer.Ordinal)
        );
        return Task.FromResult(SchemaVersionChoice.Closest(candidates, observed, GraphQLNames.Fold, "the API shows"));
    }

    public Task<TableShape?> DescribeTableAsync(TableRef table, ManifestTable? expected, CancellationToken cancellationToken) =>
        Task.FromResult(_bindings.TryGetValue(table, out var binding) ? GraphQLColumnContract.Resolve(binding, expected) : null);

    public async IAsyncEnumerable<ExportRow> ReadRowsAsync(
        TableShape shape,
        Guid databaseId,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        var binding = _bindings[shape.Table];
        // A shape from DescribeTableAsync names each column's field; one made elsewhere has only the column's name.
        var columns = shape
            .Columns.Select(c =>
                (c.SourceField is null ? binding.FindColumn(c.Name) : binding.Columns.FirstOrDefault(f => f.Field == c.SourceField))
                    is { } field
                    ? field with
                    {
                        Column = c.Name,
                        EnumLabels = c.EnumLabels ?? field.EnumLabels,
                    }
                    : throw new InvalidOperationException($"{shape.Table} has no GraphQL field for {c.Name}.")
            )
            .ToList();
        var rows = _pager.NodesAsync(binding, columns, databaseId, node => Normalize(columns, node, shape.Table), cancellationToken);
        await foreach (var values in rows.ConfigureAwait(false))
            yield return new ExportRow(shape, values);
    }

    /// <summary>
    /// The tables the server filters by database are asked in one request (<see cref="ConnectionPager.AnyRowsAsync"/>);
    /// one filtered here is taken to have rows, since only reading it tells. A failed request (a server limiting a
    /// query's size or cost) is an ExportException, which the export answers by reading every table.
    /// </summary>
    public async Task<IReadOnlyList<bool>?> FindTablesWithRowsAsync(
        IReadOnlyList<TableShape> shapes,
        Guid databaseId,
        CancellationToken cancellationToken
    )
    {
        var asked = shapes
            .Select((s, i) => (Binding: _bindings[s.Table], Index: i))
            .Where(b => b.Binding.FilterStyle != DatabaseFilterStyle.ClientSide)
            .ToList();
        if (asked.Count == 0)
            return null;
        var answers = await _pager.AnyRowsAsync(asked.Select(a => a.Binding).ToList(), databaseId, cancellationToken).ConfigureAwait(false);
        var found = Enumerable.Repeat(true, shapes.Count).ToArray();
        for (var k = 0; k < asked.Count; k++)
            found[asked[k].Index] = answers[k];
        return found;
    }

    public Task<SqlActionsSupport> GetSqlActionsSupportAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_sqlActions is null ? SqlActionsSupport.No(_noSqlActionsReason!) : SqlActionsSupport.Yes);

    public IAsyncEnumerable<SqlAction> ReadSqlActionsAsync(
        Guid databaseId,
        IReadOnlyCollection<string> excludeCategories,
        CancellationToken cancellationToken
    )
    {
        var reader = _sqlActions ?? throw new InvalidOperationException(_noSqlActionsReason);
        // Leaving the actions of an excluded category in would be a silent difference from what was asked for.
        if (excludeCategories.Count > 0 && !reader.CanExcludeCategories)
            throw new ExportException(
                ExportErrorKind.Unavailable,
                ErrorId.SqlActionsCategoryUnavailable,
                $"Categories cannot be excluded: sql_actions come from {reader.Origin}, which neither shows each action's "
                    + $"category nor takes excludeCategories. "
                    + $"Export without excluding categories ({OptionName.ExcludeCategories}), or have the API show the category column "
                    + $"of db_migrate.sql_actions."
            );
        return reader.ReadAsync(databaseId, excludeCategories, cancellationToken);
    }

    /// <summary>The categories, from a read of every action, when the rows say their category; otherwise null (cannot tell).</summary>
    public async Task<IReadOnlyCollection<string>?> GetSqlActionCategoriesAsync(Guid databaseId, CancellationToken cancellationToken)
    {
        var reader = _sqlActions ?? throw new InvalidOperationException(_noSqlActionsReason);
        if (!reader.ShowsCategories)
            return null;
        return await SqlActionCategories
            .CollectAsync(reader.ReadAsync(databaseId, [], cancellationToken), cancellationToken)
            .ConfigureAwait(false);
    }

    public Task<IAsyncDisposable> BeginConsistentReadAsync(CancellationToken cancellationToken) => NoConsistentRead.Task;

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        _migrateClient?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static IReadOnlyList<GraphQLColumn> Columns(GraphQLTableBinding binding, params string[] names) =>
        names.Select(binding.FindColumn).OfType<GraphQLColumn>().ToList();

    private static Dictionary<string, string?> Values(IReadOnlyList<GraphQLColumn> columns, ReadOnlySpan<JsonToken> node)
    {
        var values = new Dictionary<string, string?>();
        for (var i = 0; i < columns.Count; i++)
            values[columns[i].Column] = GraphQLValueReader.Read(columns[i], node[i]).Text;
        return values;
    }

    private static PgValue[] Normalize(IReadOnlyList<GraphQLColumn> columns, ReadOnlySpan<JsonToken> node, TableRef table)
    {
        var values = new PgValue[columns.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = GraphQLValueReader.Read(columns[i], node[i], table);
        return values;
    }
}
