using System.Globalization;
using System.Text.Json.Nodes;
using Pgpm.Export.Errors;
using Pgpm.Export.Model;

namespace Pgpm.Export.Sources.GraphQL;

/// <summary>
/// Where a GraphQL type that carries db_migrate.sql_actions rows keeps each column, found by the same
/// introspection-driven mapping as any table (<see cref="GraphQLDiscovery.Columns"/>): the integer id is <c>rowId</c>
/// when <c>id</c> is a Relay node id, <c>id</c> otherwise; values are normalised like any column's. Built for this
/// project's plugin type (<c>ExportSqlAction</c>), a table's own node type (<c>SqlAction</c>, <c>DbMigrateSqlAction</c>)
/// and connection nodes alike.
/// </summary>
internal sealed class SqlActionFields
{
    private static readonly string[] Wanted = ["id", "name", "deploy", "deps", "content", "revert", "verify", "category"];

    private readonly Dictionary<string, GraphQLColumn> _columns;

    private SqlActionFields(Dictionary<string, GraphQLColumn> columns) => _columns = columns;

    /// <summary>The columns to select, in a fixed order.</summary>
    public IReadOnlyList<GraphQLColumn> Columns => Wanted.Where(_columns.ContainsKey).Select(c => _columns[c]).ToList();

    /// <summary>Whether rows say their category, so that categories can be excluded here.</summary>
    public bool HasCategory => _columns.ContainsKey("category");

    /// <summary>The mapping for a type's columns; null when it lacks an integer id or the change name (<c>deploy</c>).</summary>
    public static SqlActionFields? For(IReadOnlyList<GraphQLColumn> columns)
    {
        var byName = columns.Where(c => Wanted.Contains(c.Column)).ToDictionary(c => c.Column);
        if (!byName.TryGetValue("deploy", out var deploy) || deploy.ListDepth != 0) return null;
        if (!byName.TryGetValue("id", out var id) || id.ListDepth != 0 || id.Kind is not (PgTypeKind.Integer or PgTypeKind.Text or PgTypeKind.Numeric)) return null;
        return new SqlActionFields(byName);
    }

    public static SqlActionFields? For(IntrospectionSchema schema, IntrospectionSchema.TypeInfo? type) =>
        type is { Kind: "OBJECT" } ? For(GraphQLDiscovery.Columns(schema, type)) : null;

    /// <param name="where">Where the row came from, for an error (endpoint, field and page).</param>
    public SqlAction Read(JsonObject row, string where) => Read(c => row[c.Field], where);

    /// <param name="field">A column's value in the row, as a tree.</param>
    /// <param name="where">Where the row came from, for an error (endpoint, field and page).</param>
    public SqlAction Read(Func<GraphQLColumn, JsonNode?> field, string where)
    {
        var idText = Text("id");
        if (idText is null || !long.TryParse(idText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
            throw new ExportException(ExportErrorKind.Protocol, "GraphQLSqlActionIdInvalid",
                $"{where} returned a sql_actions row whose {_columns["id"].Field} is {(idText is null ? "null" : $"'{idText}'")}, not an integer id.");
        var deps = _columns.TryGetValue("deps", out var depsColumn) && field(depsColumn) is JsonArray list
            ? list.Select(d => d?.GetValue<string>()).OfType<string>().ToArray()
            : [];
        return new SqlAction(id, Text("name"), Text("deploy"), deps, Text("content"), Text("revert"), Text("verify"), Text("category"));

        string? Text(string column) => _columns.TryGetValue(column, out var c) ? GraphQLValueNormalizer.Normalize(c, field(c)).Text : null;
    }
}
