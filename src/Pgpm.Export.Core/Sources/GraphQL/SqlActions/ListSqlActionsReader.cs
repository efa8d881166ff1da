using System.Globalization;
using System.Runtime.CompilerServices;
using Pgpm.Export.Errors;
using Pgpm.Export.Model;
using Pgpm.Export.Sources.GraphQL.Paging;
using Pgpm.Export.Sources.GraphQL.Schema;
using Pgpm.Export.Sources.GraphQL.Transport;

namespace Pgpm.Export.Sources.GraphQL.SqlActions;

/// <summary>
/// sql_actions from a root field that returns a list, such as <c>exportSqlActions(databaseId)</c> of this project's
/// plugin or a third-party one returning the table's own node type. With <c>after</c> (the last id) and <c>first</c>
/// it is read page by page, each page sized to stay near <see cref="PageSizer.TargetBytes"/>, and ids must rise;
/// without them the one answer holds every row and is put in id order here. Categories are excluded by the server
/// when the field takes <c>excludeCategories</c>, and here whenever rows say their category.
/// </summary>
internal sealed class ListSqlActionsReader : ISqlActionsReader
{
    /// <summary>The first page's size: actions are often kilobytes each, so start small and let the sizer grow it.</summary>
    private const int FirstPage = 100;

    private readonly GraphQLClient _client;
    private readonly string _field;
    private readonly string _query;
    private readonly bool _paged;
    private readonly bool _serverExcludes;
    private readonly SqlActionFields _fields;
    private readonly NodeFields _nodeFields;
    private readonly PageSizeCeiling _ceiling;

    private ListSqlActionsReader(
        GraphQLClient client,
        string field,
        string query,
        bool paged,
        bool serverExcludes,
        SqlActionFields fields,
        PageSizeCeiling ceiling
    )
    {
        _client = client;
        _field = field;
        _query = query;
        _paged = paged;
        _serverExcludes = serverExcludes;
        _fields = fields;
        _nodeFields = new NodeFields(fields.Columns);
        _ceiling = ceiling;
    }

    public string Origin => $"the root field {_field} of {_client.Endpoint}";

    public bool CanExcludeCategories => _serverExcludes || _fields.HasCategory;

    public bool ShowsCategories => _fields.HasCategory;

    /// <summary>A reader for <paramref name="field"/> when it returns a list of sql_actions rows; null otherwise.</summary>
    public static ListSqlActionsReader? TryCreate(
        GraphQLClient client,
        IntrospectionSchema schema,
        IntrospectionSchema.Field field,
        PageSizeCeiling ceiling
    )
    {
        if (field.Type.ListDepth != 1 || field.Args.FirstOrDefault(a => a.Name == "databaseId") is not { } databaseId)
            return null;
        if (SqlActionFields.For(schema, schema.Find(field.Type.Named.Name)) is not { } fields)
            return null;
        var exclude = field.Args.Any(a => a.Name == "excludeCategories");
        var after = field.Args.FirstOrDefault(a => a.Name == "after");
        var paged = after is not null && field.Args.Any(a => a.Name == "first") && after.Type.Named.Name is "BigInt" or "Int" or "String";
        var variables =
            $"$db: {databaseId.Type.Named.Name}!{(exclude ? ", $exclude: [String!]" : "")}"
            + $"{(paged ? $", $after: {after!.Type.Named.Name}, $first: Int" : "")}";
        var arguments =
            $"databaseId: $db{(exclude ? ", excludeCategories: $exclude" : "")}" + $"{(paged ? ", after: $after, first: $first" : "")}";
        var selection = string.Join(' ', fields.Columns.Select(c => c.Selection));
        var query = $"query PgpmExportSqlActions({variables}) {{ {field.Name}({arguments}) {{ {selection} }} }}";
        return new ListSqlActionsReader(client, field.Name, query, paged, exclude, fields, ceiling);
    }

    public async IAsyncEnumerable<SqlAction> ReadAsync(
        Guid databaseId,
        IReadOnlyCollection<string> excludeCategories,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        var sizer = new PageSizer(_ceiling, FirstPage);
        var stream = new SqlActionStream(excludeCategories);
        for (var page = 1; ; page++)
        {
            var size = sizer.Next;
            var variables = new Dictionary<string, object?> { ["db"] = databaseId.ToString() };
            if (_serverExcludes)
                variables["exclude"] = excludeCategories.Count > 0 ? excludeCategories.ToArray() : null;
            if (_paged)
            {
                variables["after"] = stream.Last?.ToString(CultureInfo.InvariantCulture);
                variables["first"] = size;
            }
            var doing = $"reading page {page} of sql_actions through {_field}";
            ConnectionPage rows;
            try
            {
                rows = await _client
                    .QueryBodyAsync(_query, variables, doing, body => ConnectionPage.ReadList(body, _field, _nodeFields), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (ExportException e) when (_paged && e.ErrorId == ErrorId.GraphQLPageSizeTooLarge && _ceiling.Refused(size, _client))
            {
                page--;
                continue;
            }
            var where = $"{_client.Endpoint} ({_field}, page {page})";
            List<SqlAction> actions;
            int entries;
            using (rows)
            {
                if (!rows.Found)
                    throw new ExportException(
                        ExportErrorKind.Protocol,
                        ErrorId.GraphQLNoSqlActions,
                        $"{_client.Endpoint} returned no {_field} list on page {page}."
                    );
                entries = rows.Entries;
                sizer.Observed(entries, rows.Bytes);
                actions = new List<SqlAction>(rows.Count);
                for (var n = 0; n < rows.Count; n++)
                    actions.Add(_fields.Read(rows.Node(n), where));
            }
            // One answer holds every row, so any order the server chose is put right here; pages must come in id order.
            if (!_paged)
                actions.Sort((a, b) => a.Id.CompareTo(b.Id));
            foreach (var action in actions)
                if (stream.Accept(action, where))
                    yield return action;
            if (!_paged || entries < size)
                yield break;
        }
    }
}
