using Pgpm.Export.Errors;
using Pgpm.Export.Logging;
using Pgpm.Export.Manifest;
using Pgpm.Export.Model;
using Pgpm.Export.Sources.GraphQL.SqlActions;
using Pgpm.Export.Sources.GraphQL.Transport;
using static Pgpm.Export.Sources.GraphQL.Schema.IntrospectionSchema;

namespace Pgpm.Export.Sources.GraphQL.Schema;

/// <summary>
/// The schema of an API that refuses introspection (Constructive's <c>INTROSPECTION_DISABLED</c>), assembled from the
/// manifests' tables and columns, each server's naming rules (<see cref="PostGraphileNamingRules"/>) and probes that
/// confirm every name (<see cref="FieldProbe"/>): which naming the server follows (a field only it has), each table's
/// connection, its database filter and primary-key order, each column, whether v4 sends JSON as text, and how it offers
/// sql_actions. The result is the same <see cref="IntrospectionSchema"/> model introspection gives, so discovery, the
/// column contract and reading do not depend on how the names were found. What cannot be known this way: tables and
/// columns no manifest lists (an API's extra ones are not seen), and a value's GraphQL scalar (shapes come from the
/// manifest's column types); docs/graphql.md "Introspection switched off".
/// </summary>
public static class IntrospectionFreeSchema
{
    /// <summary>Tables probed in one request, so that the validation errors of one answer stay well under graphql-js' 100.</summary>
    private const int TablesPerProbe = 8;

    internal const string Skip = "@skip(if: true)";

    /// <summary>db_migrate.sql_actions as the Constructive schema defines it (the columns an export reads).</summary>
    private static readonly ManifestTable SqlActions = new(
        MetaSchemas.SqlActionsTable,
        false,
        [],
        [
            new("id", "integer", PgTypeKind.Integer, true),
            new("name", "text", PgTypeKind.Text, false),
            new("database_id", "uuid", PgTypeKind.Uuid, false),
            new("deploy", "text", PgTypeKind.Text, false),
            new("deps", "text[]", PgTypeKind.Array, false),
            new("content", "text", PgTypeKind.Text, false),
            new("revert", "text", PgTypeKind.Text, false),
            new("verify", "text", PgTypeKind.Text, false),
            new("category", "text", PgTypeKind.Text, false),
        ]
    );

    /// <summary>Probes the API at <paramref name="client"/> for the tables of <paramref name="manifests"/> and for sql_actions.</summary>
    /// <param name="sqlActionsOnly">Look for sql_actions only (a migrate endpoint).</param>
    /// <exception cref="ExportException">GraphQLNamesNotFound: the API answers to no known naming; GraphQLProbeUnclear;
    /// GraphQLJsonModeUnknown.</exception>
    public static async Task<IntrospectionSchema> ProbeAsync(
        GraphQLClient client,
        IReadOnlyList<ExportManifest> manifests,
        bool sqlActionsOnly,
        IExportLog log,
        CancellationToken cancellationToken
    )
    {
        var probe = new Prober(client, cancellationToken);
        var tables = sqlActionsOnly ? [SqlActions] : Merge(manifests).Append(SqlActions).ToList();
        var anchor = sqlActionsOnly ? SqlActions.Table : MetaSchemas.DatabaseTable;
        var naming = await NamingAsync(probe, anchor).ConfigureAwait(false);
        if (naming is null && !sqlActionsOnly)
            throw new ExportException(
                ExportErrorKind.NotFound,
                ErrorId.GraphQLNamesNotFound,
                $"{client.Endpoint} refuses introspection, and metaschema_public.database answers to none of the names "
                    + $"PostGraphile v5 (allDatabases with rowId), "
                    + "Constructive's server (databases) or PostGraphile v4 (allDatabases beside nodeId) give it, so the API's names "
                    + "cannot be found. "
                    + "Ask the API's operator to allow introspection for this database or API, or export over SQL."
            ).WithTarget(client.Endpoint);

        var types = new Dictionary<string, TypeInfo>(StringComparer.Ordinal);
        var queryFields = new List<Field>();
        var found = new List<ProbedTable>();
        if (naming is { } n)
        {
            var connections = await ConnectionsAsync(probe, tables, n).ConfigureAwait(false);
            found = await DetailsAsync(probe, connections, n).ConfigureAwait(false);
            var jsonAsText = n == PostGraphileNaming.V4 && await JsonAsTextAsync(probe, found).ConfigureAwait(false);
            foreach (var table in found)
                queryFields.Add(table.Build(types, n, jsonAsText));
            if (n == PostGraphileNaming.V4)
                queryFields.Add(new Field("nodeId", [], NonNull(Named("SCALAR", "ID"))));
        }
        if (await SqlActionsProbe.ExportSqlActionsAsync(probe, types).ConfigureAwait(false) is { } root)
            queryFields.Add(root);
        types["Query"] = new TypeInfo("OBJECT", "Query", queryFields, [], []);

        var how =
            $"{client.Endpoint} refuses introspection, so its names come from {Describe(manifests, sqlActionsOnly)} and "
            + $"{(naming is { } named ? PostGraphileNamingRules.Describe(named) : "no recognised")} naming, confirmed by "
            + $"{Counted.Of(probe.Requests, "probe request")} "
            + $"({Counted.Of(found.Count(t => t.Table != MetaSchemas.SqlActionsTable), "table")} and "
            + $"{Counted.Of(found.Sum(t => t.Fields.Count), "column")} found)";
        log.Verbose(how + ".");
        return FromProbes("Query", types.Values, how);
    }

    private static string Describe(IReadOnlyList<ExportManifest> manifests, bool sqlActionsOnly) =>
        sqlActionsOnly ? "db_migrate.sql_actions' columns"
        : manifests.Count == 1 ? $"manifest {manifests[0].Version ?? "(given)"}"
        : $"the manifests {string.Join(", ", manifests.Select(m => m.Version ?? "(given)"))}";

    /// <summary>Every table of every manifest once, with the union of its columns (the first manifest's definition of a
    /// column wins).</summary>
    private static IEnumerable<ManifestTable> Merge(IReadOnlyList<ExportManifest> manifests) =>
        manifests
            .SelectMany(m => m.Tables)
            .Prepend(new ManifestTable(MetaSchemas.DatabaseTable, false, []))
            .GroupBy(t => t.Table)
            .Select(g =>
                g.First() with
                {
                    Columns = g.SelectMany(t => t.Columns ?? []).GroupBy(c => c.Name).Select(c => c.First()).ToList(),
                    DropColumns = [],
                }
            );

    /// <summary>Which naming the server follows: the anchor table's connection with the key field only that naming has.</summary>
    private static async Task<PostGraphileNaming?> NamingAsync(Prober probe, TableRef anchor)
    {
        var query = new FieldProbe();
        var lines = new List<(PostGraphileNaming Naming, string Item)>();
        var i = 0;
        foreach (var naming in new[] { PostGraphileNaming.V5, PostGraphileNaming.Constructive, PostGraphileNaming.V4 })
        {
            foreach (var connection in PostGraphileNamingRules.ConnectionCandidates(anchor, naming).Take(2))
            {
                var item = $"n{i++}";
                query.Line($"{item}: {connection} {Skip} {{ nodes {{ {PostGraphileNamingRules.ColumnField("id", naming)} }} }}", item);
                lines.Add((naming, item));
            }
        }
        query.Line($"v4: nodeId {Skip}", "v4");
        var refused = await probe.RefusedAsync(query, null, "finding which naming the API follows").ConfigureAwait(false);
        var v4 = !refused.ContainsKey("v4");
        // v5's default and v4 both say allDatabases; v5's has rowId, v4's the root field nodeId.
        return lines
            .Where(l => !refused.ContainsKey(l.Item))
            .Select(l => (PostGraphileNaming?)l.Naming)
            .FirstOrDefault(l => l != PostGraphileNaming.V4 || v4);
    }

    /// <summary>Each table's connection field: the naming's candidates probed in turn for the tables still unresolved.</summary>
    private static async Task<List<(ManifestTable Table, string Connection)>> ConnectionsAsync(
        Prober probe,
        IReadOnlyList<ManifestTable> tables,
        PostGraphileNaming naming
    )
    {
        var candidates = tables.ToDictionary(t => t.Table, t => PostGraphileNamingRules.ConnectionCandidates(t.Table, naming));
        var resolved = new Dictionary<TableRef, string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; ; round++)
        {
            var open = tables
                .Where(t =>
                    !resolved.ContainsKey(t.Table) && round < candidates[t.Table].Count && !used.Contains(candidates[t.Table][round])
                )
                .ToList();
            if (open.Count == 0 && tables.All(t => resolved.ContainsKey(t.Table) || round >= candidates[t.Table].Count))
                break;
            foreach (var chunk in open.Chunk(TablesPerProbe * 4))
            {
                var query = new FieldProbe().Variable("$after: Cursor");
                for (var i = 0; i < chunk.Length; i++)
                    query.Line(
                        $"t{i}: {candidates[chunk[i].Table][round]}(first: 1, after: $after) {Skip} {{ pageInfo {{ "
                            + $"hasNextPage endCursor }} nodes {{ __typename }} }}",
                        $"t{i}"
                    );
                var refused = await probe.RefusedAsync(query, null, "finding the tables' connections").ConfigureAwait(false);
                for (var i = 0; i < chunk.Length; i++)
                {
                    var name = candidates[chunk[i].Table][round];
                    if (!refused.ContainsKey($"t{i}") && used.Add(name))
                        resolved[chunk[i].Table] = name;
                }
            }
        }
        return tables.Where(t => resolved.ContainsKey(t.Table)).Select(t => (t, resolved[t.Table])).ToList();
    }

    /// <summary>Each table's columns, database filter and primary-key order, each probed in turn through its candidates.</summary>
    private static async Task<List<ProbedTable>> DetailsAsync(
        Prober probe,
        List<(ManifestTable Table, string Connection)> connections,
        PostGraphileNaming naming
    )
    {
        var tables = connections.Select((c, i) => new ProbedTable(c.Table, c.Connection, $"Probed{i}", naming)).ToList();
        for (var round = 0; ; round++)
        {
            var open = tables.Where(t => t.HasCandidates(round)).ToList();
            if (open.Count == 0)
                break;
            foreach (var chunk in open.Chunk(TablesPerProbe))
            {
                var query = new FieldProbe();
                for (var i = 0; i < chunk.Length; i++)
                    chunk[i].AddLines(query, $"t{i}", round);
                var refused = await probe.RefusedAsync(query, null, "finding the tables' columns, filters and order").ConfigureAwait(false);
                for (var i = 0; i < chunk.Length; i++)
                    chunk[i].Record(refused, $"t{i}", round);
            }
        }
        return tables;
    }

    /// <summary>
    /// Whether a v4 server sends JSON as text (its default) or as values (<c>dynamicJson</c>): the JSON scalar of the
    /// former takes only string literals, so a condition on a JSON column given the object literal <c>{}</c> is refused
    /// where <c>"{}"</c> is not (graphile-build-pg 4.x PgTypesPlugin, SimpleJSON's parseLiteral).
    /// </summary>
    private static async Task<bool> JsonAsTextAsync(Prober probe, List<ProbedTable> tables)
    {
        var candidates = tables
            .Where(t => t.FilterArgument == "condition")
            .SelectMany(t => t.Fields.Where(f => f.Column.Kind is PgTypeKind.Json or PgTypeKind.Jsonb).Select(f => (Table: t, f.Field)))
            .Take(4)
            .ToList();
        if (
            !tables.Any(t =>
                t.Fields.Any(f =>
                    f.Column.Kind is PgTypeKind.Json or PgTypeKind.Jsonb || f.Column.Type.StartsWith("json", StringComparison.Ordinal)
                )
            )
        )
            return false;
        if (candidates.Count > 0)
        {
            var query = new FieldProbe();
            for (var i = 0; i < candidates.Count; i++)
            {
                query.Line(
                    $"s{i}: {candidates[i].Table.Connection}(condition: {{ {candidates[i].Field}: \"{{}}\" }}) {Skip} {{ "
                        + $"__typename }}",
                    $"s{i}"
                );
                query.Line(
                    $"o{i}: {candidates[i].Table.Connection}(condition: {{ {candidates[i].Field}: {{}} }}) {Skip} {{ " + $"__typename }}",
                    $"o{i}"
                );
            }
            var refused = await probe.RefusedAsync(query, null, "finding how the API sends JSON").ConfigureAwait(false);
            for (var i = 0; i < candidates.Count; i++)
                if (!refused.ContainsKey($"s{i}"))
                    return refused.ContainsKey($"o{i}");
        }
        throw new ExportException(
            ExportErrorKind.Unavailable,
            ErrorId.GraphQLJsonModeUnknown,
            $"{probe.Endpoint} refuses introspection and is PostGraphile v4, which sends json and jsonb either as JSON values "
                + $"(dynamicJson) or as strings of JSON text; "
                + "no condition on a JSON column shows which, so JSON values cannot be read back safely. Ask the API's operator to "
                + "allow introspection, or export over SQL."
        ).WithTarget(probe.Endpoint);
    }

    internal static TypeRef Named(string kind, string name) => new(kind, name, null);

    internal static TypeRef NonNull(TypeRef type) => new("NON_NULL", null, type);

    internal static TypeRef List(TypeRef type) => new("LIST", null, type);

    internal static TypeInfo ConnectionType(string name, string node) =>
        new(
            "OBJECT",
            name,
            [new Field("nodes", [], NonNull(List(Named("OBJECT", node)))), new Field("pageInfo", [], NonNull(Named("OBJECT", "PageInfo")))],
            [],
            []
        );
}
