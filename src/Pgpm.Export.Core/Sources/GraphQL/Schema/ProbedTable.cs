using Pgpm.Export.Manifest;
using Pgpm.Export.Model;
using Pgpm.Export.Sources.GraphQL.Binding;
using static Pgpm.Export.Sources.GraphQL.Schema.IntrospectionFreeSchema;
using static Pgpm.Export.Sources.GraphQL.Schema.IntrospectionSchema;
using static Pgpm.Export.Sources.GraphQL.Schema.PostGraphileTypes;

namespace Pgpm.Export.Sources.GraphQL.Schema;

/// <summary>
/// One table of an API that refuses introspection, as probes find it (<see cref="IntrospectionFreeSchema"/>): its
/// connection, then each column's field, the database filter and the primary-key order, each tried through the naming's
/// candidates one probe round at a time. It then becomes the types introspection would have shown for it: the node type
/// with a field per column found (typed from the manifest's column type), the connection, the condition or filter input
/// and the orderBy enum.
/// </summary>
internal sealed class ProbedTable
{
    private readonly PostGraphileNaming _naming;
    private readonly string _typeName;
    private readonly List<ColumnProbe> _columns;
    private readonly List<(string Argument, string Line)> _filters;
    private readonly IReadOnlyList<string> _orders;
    private int _filter;
    private int _order;
    private bool _filterDone;
    private bool _orderDone;

    public ProbedTable(ManifestTable table, string connection, string typeName, PostGraphileNaming naming)
    {
        Table = table.Table;
        Connection = connection;
        _typeName = typeName;
        _naming = naming;
        _columns = (table.Columns ?? []).Select(c => new ColumnProbe(c, Candidates(c.Name, naming))).ToList();
        var databaseColumn = MetaSchemas.DatabaseColumnOf(Table);
        if (table.FindColumn(databaseColumn) is null)
        {
            _filters = [];
            _filterDone = true;
        }
        else
        {
            var field = PostGraphileNamingRules.ColumnField(databaseColumn, naming);
            List<(string, string)> all =
            [
                ("condition", $"condition: {{ {field}: $db }}"),
                ("where", $"where: {{ {field}: {{ equalTo: $db }} }}"),
                ("filter", $"filter: {{ {field}: {{ equalTo: $db }} }}"),
            ];
            _filters = naming == PostGraphileNaming.Constructive ? [all[1], all[2], all[0]] : all;
        }
        _orders = PostGraphileNamingRules.PrimaryKeyOrders(naming);
    }

    public TableRef Table { get; }

    public string Connection { get; }

    /// <summary>The argument that filters by database (<c>condition</c>, <c>where</c>, <c>filter</c>), or null.</summary>
    public string? FilterArgument => _filterDone && _filter < _filters.Count ? _filters[_filter].Argument : null;

    private string? OrderBy => _orderDone && _order < _orders.Count ? _orders[_order] : null;

    /// <summary>The columns found, with their fields.</summary>
    public IReadOnlyList<(ManifestColumn Column, string Field)> Fields =>
        _columns.Where(c => c.Found).Select(c => (c.Column, c.Field!)).ToList();

    private static IReadOnlyList<string> Candidates(string column, PostGraphileNaming naming)
    {
        var first = PostGraphileNamingRules.ColumnField(column, naming);
        return column == "id" ? [first, first == "id" ? "rowId" : "id"] : [first];
    }

    public bool HasCandidates(int round) =>
        (!_filterDone && round < _filters.Count) || (!_orderDone && round < _orders.Count) || _columns.Any(c => c.Open(round));

    public void AddLines(FieldProbe query, string alias, int round)
    {
        query.Line($"{alias}: {Connection}(first: 1");
        if (!_filterDone && round < _filters.Count)
        {
            query.Variable("$db: UUID!");
            query.Line(", " + _filters[round].Line, alias + ".f");
        }
        if (!_orderDone && round < _orders.Count)
            query.Line($", orderBy: [{_orders[round]}]", alias + ".o");
        query.Line(") @skip(if: true) { nodes { __typename");
        foreach (var column in _columns.Where(c => c.Open(round)))
            query.Line(Selection(column.Candidates[round], column.Column), $"{alias}.c.{column.Column.Name}");
        query.Line("} }");
    }

    public void Record(IReadOnlyDictionary<string, string> refused, string alias, int round)
    {
        if (!_filterDone && round < _filters.Count)
        {
            _filter = round;
            _filterDone = !refused.ContainsKey(alias + ".f") || round == _filters.Count - 1;
            if (refused.ContainsKey(alias + ".f") && round == _filters.Count - 1)
                _filter = _filters.Count;
        }
        if (!_orderDone && round < _orders.Count)
        {
            _order = round;
            _orderDone = !refused.ContainsKey(alias + ".o") || round == _orders.Count - 1;
            if (refused.ContainsKey(alias + ".o") && round == _orders.Count - 1)
                _order = _orders.Count;
        }
        foreach (var column in _columns.Where(c => c.Open(round)))
        {
            if (!refused.TryGetValue($"{alias}.c.{column.Column.Name}", out var message))
                column.Field = column.Candidates[round];
            else if (!message.StartsWith("Cannot query field", StringComparison.Ordinal))
                (column.Field, column.Refusal) = (column.Candidates[round], message);
            else if (round == column.Candidates.Count - 1)
                column.Hidden = true;
        }
    }

    /// <summary>The types introspection would show for this table, added to <paramref name="types"/>; returns its root
    /// connection field.</summary>
    public Field Build(Dictionary<string, TypeInfo> types, PostGraphileNaming naming, bool jsonAsText)
    {
        AddScalars(types, jsonAsText);
        var node = new List<Field>();
        if (_columns.Any(c => c.Found && c.Column.Name == "id" && c.Field == "rowId"))
            node.Add(new Field("id", [], NonNull(Named("SCALAR", "ID"))));
        foreach (var column in _columns.Where(c => c.Found))
        {
            TypeRef type;
            if (column.Refusal is not null)
            {
                var name = $"(not the {column.Column.Type} the manifest has: {column.Refusal.TrimEnd('.')})";
                types[name] = new TypeInfo("REFUSED", name, [], [], []);
                type = Named("REFUSED", name);
            }
            else
            {
                type = ColumnType(types, column.Column, naming);
            }
            node.Add(new Field(column.Field!, [], column.Column.NotNull ? NonNull(type) : type));
        }
        types[_typeName] = new TypeInfo("OBJECT", _typeName, node, [], []);
        types[_typeName + "Connection"] = ConnectionType(_typeName + "Connection", _typeName);

        var args = new List<Field> { new("first", [], Named("SCALAR", "Int")), new("after", [], Named("SCALAR", "Cursor")) };
        if (FilterArgument is { } argument)
        {
            var field = PostGraphileNamingRules.ColumnField(MetaSchemas.DatabaseColumnOf(Table), _naming);
            var input = _typeName + (argument == "condition" ? "Condition" : "Filter");
            var valueType = argument == "condition" ? "UUID" : "UUIDFilter";
            var filter = new Field(field, [], Named(argument == "condition" ? "SCALAR" : "INPUT_OBJECT", valueType));
            types[input] = new TypeInfo("INPUT_OBJECT", input, [], [filter], []);
            types["UUIDFilter"] = new TypeInfo("INPUT_OBJECT", "UUIDFilter", [], [new Field("equalTo", [], Named("SCALAR", "UUID"))], []);
            args.Add(new Field(argument, [], Named("INPUT_OBJECT", input)));
        }
        if (OrderBy is { } order)
        {
            types[_typeName + "OrderBy"] = new TypeInfo("ENUM", _typeName + "OrderBy", [], [], [order]);
            args.Add(new Field("orderBy", [], List(NonNull(Named("ENUM", _typeName + "OrderBy")))));
        }
        return new Field(Connection, args, NonNull(Named("OBJECT", _typeName + "Connection")));
    }

    private TypeRef ColumnType(Dictionary<string, TypeInfo> types, ManifestColumn column, PostGraphileNaming naming)
    {
        var element = column.Type;
        var depth = 0;
        while (element.EndsWith("[]", StringComparison.Ordinal))
        {
            element = element[..^2];
            depth++;
        }
        var named =
            column.EnumType is not null || column.Kind == PgTypeKind.Enum ? EnumType(types, column, naming)
            : depth > 0
                ? ElementType(element, _naming) is { } e ? Named(KindOf(e), e)
                    : DomainScalar(types, element)
            : Named(KindOf(ScalarType(column, _naming)), ScalarType(column, _naming));
        if (named.Name is "Interval" or "Range")
            AddObjectTypes(types, named.Name, element);
        if (named.Name == "Range")
            named = Named("OBJECT", RangeTypeName(element));
        var type = named;
        for (var i = 0; i < depth; i++)
            type = List(type);
        return type;
    }

    private TypeRef EnumType(Dictionary<string, TypeInfo> types, ManifestColumn column, PostGraphileNaming naming)
    {
        var name = $"{_typeName}_{column.Name}_Enum";
        // Without the labels, an upper-casing server's values cannot be turned back: the column contract says so for this value.
        IReadOnlyList<string> values =
            column.EnumLabels is { } labels ? labels.Select(l => PostGraphileNamingRules.EnumValue(l, naming)).ToList()
            : naming == PostGraphileNaming.V5 ? []
            : ["LABELS_UNKNOWN"];
        types[name] = new TypeInfo("ENUM", name, [], [], values);
        return Named("ENUM", name);
    }

    /// <summary>A column's selection as a probe (and later a page) asks for it: intervals and ranges with their parts.</summary>
    private string Selection(string field, ManifestColumn column)
    {
        var element = column.Type.Replace("[]", "", StringComparison.Ordinal);
        var type = column.EnumType is null
            ? (column.Type.EndsWith("[]", StringComparison.Ordinal) ? ElementType(element, _naming) : ScalarType(column, _naming))
            : null;
        return type switch
        {
            "Interval" => field + " { " + string.Join(" ", NodeColumns.IntervalParts) + " }",
            "Range" => field + " { start { value inclusive } end { value inclusive } }",
            _ => field,
        };
    }
}
