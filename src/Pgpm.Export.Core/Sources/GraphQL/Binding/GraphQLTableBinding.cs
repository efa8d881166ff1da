using Pgpm.Export.Model;

namespace Pgpm.Export.Sources.GraphQL.Binding;

/// <summary>What introspection found for one table: the connection to page, its filter, order and columns.</summary>
public sealed record GraphQLTableBinding(
    TableRef Table,
    string ConnectionField,
    IReadOnlyList<GraphQLColumn> Columns,
    DatabaseFilterStyle FilterStyle,
    string? FilterArgument,
    string? FilterField,
    string? FilterValueType,
    string? OrderBy,
    string CursorType
)
{
    public GraphQLColumn? FindColumn(string column) => Columns.FirstOrDefault(c => c.Column == column);

    /// <summary>Scalar fields whose GraphQL type the exporter cannot read (field, type name).</summary>
    public IReadOnlyList<(string Field, string Type)> Unreadable { get; init; } = [];

    /// <summary>Folded names the API shows as columns elsewhere (condition, mutation input and patch, orderBy); see
    /// <see cref="GraphQLColumnContract"/>.</summary>
    public IReadOnlySet<string> ColumnEvidence { get; init; } = new HashSet<string>();

    /// <summary>
    /// The fields were probed from a manifest's columns (introspection refused), so their order is not the API's (the
    /// table's attribute order) but the merged manifests'; <see cref="GraphQLColumnContract"/> then orders them as the
    /// chosen manifest does.
    /// </summary>
    public bool ColumnsFromManifest { get; init; }
}
