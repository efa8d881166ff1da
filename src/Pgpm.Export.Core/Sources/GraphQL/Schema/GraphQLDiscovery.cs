using Pgpm.Export.Errors;
using Pgpm.Export.Logging;
using Pgpm.Export.Model;
using Pgpm.Export.Sources.GraphQL.Binding;
using Pgpm.Export.Sources.GraphQL.SqlActions;

namespace Pgpm.Export.Sources.GraphQL.Schema;

/// <summary>
/// Finds, by introspection, how an API exposes each table: the connection field (whatever the inflection
/// calls it), the node type's columns, the database filter, and the primary-key order. Nothing about one
/// server's spelling is assumed beyond PostGraphile's conventions (Relay connections, camelCase fields).
/// </summary>
public static class GraphQLDiscovery
{
    public static IReadOnlyDictionary<TableRef, GraphQLTableBinding> Discover(
        IntrospectionSchema schema,
        IEnumerable<TableRef> wanted,
        IExportLog log
    )
    {
        var connections = Connections(schema);

        var bindings = new Dictionary<TableRef, GraphQLTableBinding>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in wanted)
        {
            var match = BestMatch(table, connections.Select(c => c.Field.Name).Where(n => !used.Contains(n)));
            if (match is null)
            {
                log.Verbose($"The API exposes no connection for {table}; it is skipped.");
                continue;
            }
            var connection = connections.First(c => c.Field.Name == match);
            var node = schema.Find(connection.Connection!.FindField("nodes")!.Type.Named.Name);
            if (node is null)
                continue;
            var binding = Bind(schema, table, connection.Field, node);
            used.Add(match);
            bindings[table] = binding;
            log.Verbose($"{table} is the connection {match} ({Counted.Of(binding.Columns.Count, "column")}, {Describe(binding)}).");
            if (binding.FilterStyle == DatabaseFilterStyle.ClientSide)
                log.Warning($"The API cannot filter {match} by database; every row is fetched and filtered here, which is slower.");
            if (binding.OrderBy is null)
                log.Warning(
                    $"The API cannot order {match} by its primary key; rows come in the server's order, so the output may "
                        + $"not be byte-stable."
                );
        }
        // db_migrate.sql_actions is read as the database package (SqlActionsDiscovery), never as an unknown meta table.
        var unused = connections.Where(c => !used.Contains(c.Field.Name) && !SqlActionsDiscovery.Carries(schema, c.Field));
        foreach (var (field, connection) in unused)
        {
            if (schema.Find(connection!.FindField("nodes")!.Type.Named.Name)?.FindField("databaseId") is not null)
                log.Warning(
                    $"The API exposes {field.Name}, which holds per-database rows but matches no table of the manifest; "
                        + $"it is not exported. "
                        + $"If it belongs in the export, add its table to a manifest ({OptionName.Manifest})."
                );
        }
        return bindings;
    }

    /// <summary>
    /// The connection of one table, bound as <see cref="Discover"/> would bind it, without saying anything about the
    /// endpoint's other connections; null when the API has none for it.
    /// </summary>
    internal static GraphQLTableBinding? TryBind(IntrospectionSchema schema, TableRef table)
    {
        var connections = Connections(schema);
        var match = BestMatch(table, connections.Select(c => c.Field.Name));
        if (match is null)
            return null;
        var connection = connections.First(c => c.Field.Name == match);
        return schema.Find(connection.Connection!.FindField("nodes")!.Type.Named.Name) is { } node
            ? Bind(schema, table, connection.Field, node)
            : null;
    }

    /// <summary>Root fields that return a Relay connection (an object type with <c>nodes</c> and <c>pageInfo</c>).</summary>
    private static List<(IntrospectionSchema.Field Field, IntrospectionSchema.TypeInfo? Connection)> Connections(
        IntrospectionSchema schema
    ) =>
        schema
            .QueryType.Fields.Select(f => (Field: f, Connection: schema.Find(f.Type.Named.Name)))
            .Where(x => IsConnection(x.Connection))
            .ToList();

    internal static bool IsConnection(IntrospectionSchema.TypeInfo? type) =>
        type is { Kind: "OBJECT" } c && c.FindField("nodes") is not null && c.FindField("pageInfo") is not null;

    private static string? BestMatch(TableRef table, IEnumerable<string> fieldNames)
    {
        var schemaPrefix = GraphQLNames.Fold(table.Schema);
        var plurals = GraphQLNames.PluralForms(table.Name);
        var ranked = new List<(string Name, int Rank)>();
        foreach (var name in fieldNames)
        {
            var folded = GraphQLNames.Fold(name);
            foreach (var (prefix, rank) in new[] { ("all" + schemaPrefix, 0), (schemaPrefix, 1), ("all", 2), ("", 3) })
            {
                if (folded.StartsWith(prefix, StringComparison.Ordinal) && plurals.Contains(folded[prefix.Length..]))
                {
                    ranked.Add((name, rank));
                    break;
                }
            }
        }
        return ranked.OrderBy(r => r.Rank).ThenBy(r => r.Name, StringComparer.Ordinal).Select(r => r.Name).FirstOrDefault();
    }

    private static GraphQLTableBinding Bind(
        IntrospectionSchema schema,
        TableRef table,
        IntrospectionSchema.Field connection,
        IntrospectionSchema.TypeInfo node
    )
    {
        var unreadable = new List<(string Field, string Type)>();
        var columns = NodeColumns.Of(schema, node, unreadable);

        // The filter names the field of the table's database column (rowId or id for the database table itself).
        var filterField = columns.FirstOrDefault(c => c.Column == MetaSchemas.DatabaseColumnOf(table))?.Field ?? "databaseId";
        var (style, argument, valueType) = Filter(schema, connection, filterField);
        return new GraphQLTableBinding(
            table,
            connection.Name,
            columns,
            style,
            argument,
            style == DatabaseFilterStyle.ClientSide ? null : filterField,
            valueType,
            PrimaryKeyOrder(schema, connection),
            CursorType(connection)
        )
        {
            Unreadable = unreadable,
            ColumnEvidence = ColumnEvidence(schema, connection, node),
            ColumnsFromManifest = schema.NamesFromRules,
        };
    }

    /// <summary>
    /// The (folded) names the API itself shows as columns of the node type: the fields of its condition input, of the
    /// mutation input and patch types (<c>SchemaInput</c>, <c>SchemaPatch</c>), and of the orderBy values. PostGraphile
    /// puts a computed column in none of these unless a smart tag asks it to, and never in the mutation inputs.
    /// </summary>
    private static IReadOnlySet<string> ColumnEvidence(
        IntrospectionSchema schema,
        IntrospectionSchema.Field connection,
        IntrospectionSchema.TypeInfo node
    )
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (
            connection.Args.FirstOrDefault(a => a.Name == "condition") is { } condition
            && schema.Find(condition.Type.Named.Name) is { } conditionType
        )
            names.UnionWith(conditionType.InputFields.Select(f => GraphQLNames.Fold(f.Name)));
        foreach (var suffix in new[] { "Input", "Patch" })
            if (schema.Find(node.Name + suffix) is { Kind: "INPUT_OBJECT" } input)
                names.UnionWith(input.InputFields.Select(f => GraphQLNames.Fold(f.Name)));
        var orderEnum = connection.Args.FirstOrDefault(a => a.Name == "orderBy") is { } order ? schema.Find(order.Type.Named.Name) : null;
        foreach (var value in orderEnum?.EnumValues ?? [])
        foreach (var direction in new[] { "_ASC", "_DESC" })
            if (value.EndsWith(direction, StringComparison.Ordinal))
                names.Add(GraphQLNames.Fold(value[..^direction.Length]));
        return names;
    }

    /// <summary>The <c>orderBy</c> value that sorts a connection by its primary key, when it offers one.</summary>
    internal static string? PrimaryKeyOrder(IntrospectionSchema schema, IntrospectionSchema.Field connection) =>
        connection.Args.FirstOrDefault(a => a.Name == "orderBy") is { } order && schema.Find(order.Type.Named.Name) is { } orderEnum
            ? new[] { "PRIMARY_KEY_ASC", "ID_ASC", "ROW_ID_ASC" }.FirstOrDefault(orderEnum.EnumValues.Contains)
            : null;

    internal static string CursorType(IntrospectionSchema.Field connection) =>
        connection.Args.FirstOrDefault(a => a.Name == "after")?.Type.Named.Name ?? "Cursor";

    private static (DatabaseFilterStyle, string?, string?) Filter(
        IntrospectionSchema schema,
        IntrospectionSchema.Field connection,
        string field
    )
    {
        if (
            connection.Args.FirstOrDefault(a => a.Name == "condition") is { } condition
            && schema.Find(condition.Type.Named.Name)?.FindInputField(field) is { } conditionField
        )
            return (DatabaseFilterStyle.Condition, "condition", conditionField.Type.Named.Name);
        foreach (var name in new[] { "where", "filter" })
        {
            if (
                connection.Args.FirstOrDefault(a => a.Name == name) is { } filter
                && schema.Find(filter.Type.Named.Name)?.FindInputField(field) is { } filterField
                && schema.Find(filterField.Type.Named.Name)?.FindInputField("equalTo") is { } equalTo
            )
                return (DatabaseFilterStyle.EqualTo, name, equalTo.Type.Named.Name);
        }
        return (DatabaseFilterStyle.ClientSide, null, null);
    }

    private static string Describe(GraphQLTableBinding binding) =>
        binding.FilterStyle switch
        {
            DatabaseFilterStyle.Condition => $"filtered by {binding.FilterArgument}.{binding.FilterField}",
            DatabaseFilterStyle.EqualTo => $"filtered by {binding.FilterArgument}.{binding.FilterField}.equalTo",
            DatabaseFilterStyle.Argument => $"filtered by its {binding.FilterArgument} argument",
            _ => "filtered here",
        } + (binding.OrderBy is null ? ", unordered" : $", ordered by {binding.OrderBy}");
}
