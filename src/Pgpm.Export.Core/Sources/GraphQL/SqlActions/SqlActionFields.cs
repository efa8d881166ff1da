using System.Globalization;
using System.Text.Json.Nodes;
using Pgpm.Export.Errors;
using Pgpm.Export.Model;
using Pgpm.Export.Sources.GraphQL.Binding;
using Pgpm.Export.Sources.GraphQL.Schema;

namespace Pgpm.Export.Sources.GraphQL.SqlActions;

/// <summary>
/// Where a GraphQL type that carries db_migrate.sql_actions rows keeps each column, found by the same
/// introspection-driven mapping as any table (<see cref="NodeColumns.Of"/>): the integer id is <c>rowId</c>
/// when <c>id</c> is a Relay node id, <c>id</c> otherwise; values are normalised like any column's. Built for this
/// project's plugin type (<c>ExportSqlAction</c>), a table's own node type (<c>SqlAction</c>, <c>DbMigrateSqlAction</c>)
/// and connection nodes alike.
/// </summary>
internal sealed class SqlActionFields
{
    private static readonly string[] Wanted = ["id", "name", "deploy", "deps", "content", "revert", "verify", "category"];

    private readonly Dictionary<string, GraphQLColumn> _columns;

    /// <summary>Where each column stands in <see cref="Columns"/>, which is where its value stands in a row read.</summary>
    private readonly Dictionary<string, int> _columnAt;

    private SqlActionFields(Dictionary<string, GraphQLColumn> columns)
    {
        _columns = columns;
        Columns = Wanted.Where(columns.ContainsKey).Select(c => columns[c]).ToList();
        _columnAt = Columns.Select((c, i) => (c.Column, i)).ToDictionary(p => p.Column, p => p.i);
    }

    /// <summary>The columns to select, in a fixed order.</summary>
    public IReadOnlyList<GraphQLColumn> Columns { get; }

    /// <summary>Whether rows say their category, so that categories can be excluded here.</summary>
    public bool HasCategory => _columns.ContainsKey("category");

    /// <summary>The mapping for a type's columns; null when it lacks an integer id or the change name (<c>deploy</c>).</summary>
    public static SqlActionFields? For(IReadOnlyList<GraphQLColumn> columns)
    {
        var byName = columns.Where(c => Wanted.Contains(c.Column)).ToDictionary(c => c.Column);
        if (!byName.TryGetValue("deploy", out var deploy) || deploy.ListDepth != 0)
            return null;
        if (!byName.TryGetValue("id", out var id) || id.ListDepth != 0)
            return null;
        if (id.Kind is not (PgTypeKind.Integer or PgTypeKind.Text or PgTypeKind.Numeric))
            return null;
        return new SqlActionFields(byName);
    }

    public static SqlActionFields? For(IntrospectionSchema schema, IntrospectionSchema.TypeInfo? type) =>
        type is { Kind: "OBJECT" } ? For(NodeColumns.Of(schema, type)) : null;

    /// <param name="node">The row's values, one per column of <see cref="Columns"/>, in that order.</param>
    /// <param name="where">Where the row came from, for an error (endpoint, field and page).</param>
    public SqlAction Read(ReadOnlySpan<JsonToken> node, string where)
    {
        var idText = Text("id", node);
        if (idText is null || !long.TryParse(idText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
            throw new ExportException(
                ExportErrorKind.Protocol,
                ErrorId.GraphQLSqlActionIdInvalid,
                $"{where} returned a sql_actions row whose {_columns["id"].Field} is {(idText is null ? "null" : $"'{idText}'")}, "
                    + $"not an integer id."
            );
        var deps =
            _columns.ContainsKey("deps") && node[_columnAt["deps"]].ToNode() is JsonArray list
                ? list.Select(d => d?.GetValue<string>()).OfType<string>().ToArray()
                : [];
        return new SqlAction(
            id,
            Text("name", node),
            Text("deploy", node),
            deps,
            Text("content", node),
            Text("revert", node),
            Text("verify", node),
            Text("category", node)
        );
    }

    private string? Text(string column, ReadOnlySpan<JsonToken> node) =>
        _columns.TryGetValue(column, out var c) ? GraphQLValueReader.Read(c, node[_columnAt[column]]).Text : null;
}
