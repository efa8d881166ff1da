using Pgpm.Export.Sources.GraphQL.SqlActions;
using static Pgpm.Export.Sources.GraphQL.Schema.IntrospectionFreeSchema;
using static Pgpm.Export.Sources.GraphQL.Schema.IntrospectionSchema;

namespace Pgpm.Export.Sources.GraphQL.Schema;

/// <summary>
/// How an API that refuses introspection offers an <c>exportSqlActions(databaseId)</c> root field, found by probes
/// (<see cref="IntrospectionFreeSchema"/>).
/// </summary>
internal static class SqlActionsProbe
{
    private static readonly string[] SqlActionColumns =
    [
        "id",
        "rowId",
        "name",
        "deploy",
        "deps",
        "content",
        "revert",
        "verify",
        "category",
    ];

    /// <summary>
    /// An <c>exportSqlActions(databaseId)</c> root field (this project's plugin or a look-alike, a list or a connection),
    /// with the arguments and the fields it has; null when the API has none.
    /// </summary>
    internal static async Task<Field?> ExportSqlActionsAsync(Prober probe, Dictionary<string, TypeInfo> types)
    {
        const string root = SqlActionsDiscovery.RootField;
        var query = new FieldProbe().Variable("$db: UUID!").Line($"l: {root}(databaseId: $db) {Skip} {{", "root");
        foreach (var column in SqlActionColumns)
            query.Line(column, "l." + column);
        query
            .Line("}")
            .Line($"c: {root}(databaseId: $db) {Skip} {{ pageInfo {{ hasNextPage endCursor }} }}", "connection")
            .Line($"e: {root}(databaseId: $db, excludeCategories: null) {Skip} {{ __typename }}", "exclude")
            .Line($"f: {root}(databaseId: $db, first: 1) {Skip} {{ __typename }}", "first");
        var refused = await probe.RefusedAsync(query, null, $"looking for a {root} root field").ConfigureAwait(false);
        if (refused.ContainsKey("root"))
            return null;
        var connection = !refused.ContainsKey("connection");
        var args = new List<Field> { new("databaseId", [], NonNull(Named("SCALAR", "UUID"))) };
        if (!refused.ContainsKey("exclude"))
            args.Add(new Field("excludeCategories", [], List(Named("SCALAR", "String"))));
        if (!refused.ContainsKey("first"))
            args.Add(new Field("first", [], Named("SCALAR", "Int")));

        IReadOnlyCollection<string> columns;
        if (connection)
        {
            var nodes = new FieldProbe()
                .Variable("$db: UUID!")
                .Variable("$after: Cursor", "cursor")
                .Line($"c: {root}(databaseId: $db, after: $after) {Skip} {{ nodes {{", "root");
            foreach (var column in SqlActionColumns)
                nodes.Line(column, "c." + column);
            nodes.Line("} }");
            var refusedNodes = await probe.RefusedAsync(nodes, null, $"reading the fields of the {root} connection").ConfigureAwait(false);
            if (refusedNodes.ContainsKey("root"))
                return null;
            if (!refusedNodes.ContainsKey("cursor"))
                args.Add(new Field("after", [], Named("SCALAR", "Cursor")));
            columns = SqlActionColumns.Where(c => !refusedNodes.ContainsKey("c." + c)).ToList();
        }
        else
        {
            columns = SqlActionColumns.Where(c => !refused.ContainsKey("l." + c)).ToList();
            // The last id goes in a variable, so its type must be named exactly: BigInt (v5 plugin), String (v4), Int.
            foreach (var type in new[] { "BigInt", "String", "Int" })
            {
                var after = new FieldProbe()
                    .Variable("$db: UUID!")
                    .Variable($"$after: {type}", "type")
                    .Line($"a: {root}(databaseId: $db, after: $after) {Skip} {{ __typename }}", "after");
                var refusedAfter = await probe
                    .RefusedAsync(after, null, $"finding the type of {root}'s after argument")
                    .ConfigureAwait(false);
                if (refusedAfter.Count == 0)
                {
                    args.Add(new Field("after", [], Named("SCALAR", type)));
                    break;
                }
            }
        }

        var node = new List<Field>();
        foreach (var column in columns)
        {
            var type = column switch
            {
                // rowId beside id: id is then the Relay node id, rowId the integer (see NodeColumns.Of).
                "id" => Named("SCALAR", columns.Contains("rowId") ? "ID" : "BigInt"),
                "rowId" => Named("SCALAR", "BigInt"),
                "deps" => List(Named("SCALAR", "String")),
                _ => Named("SCALAR", "String"),
            };
            node.Add(new Field(column, [], type));
        }
        types["ProbedExportSqlAction"] = new TypeInfo("OBJECT", "ProbedExportSqlAction", node, [], []);
        if (!connection)
            return new Field(root, args, NonNull(List(NonNull(Named("OBJECT", "ProbedExportSqlAction")))));
        types["ProbedExportSqlActionsConnection"] = ConnectionType("ProbedExportSqlActionsConnection", "ProbedExportSqlAction");
        return new Field(root, args, NonNull(Named("OBJECT", "ProbedExportSqlActionsConnection")));
    }
}
