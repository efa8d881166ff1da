using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Pgpm.Export.Errors;
using Pgpm.Export.Model;

namespace Pgpm.Export.Sources.GraphQL;

/// <summary>
/// sql_actions from the <c>exportSqlActions(databaseId)</c> root field that this project's server plugin adds:
/// page by page (<c>after</c> the last id, <c>first</c> sized to keep a page near <see cref="PageSizer.TargetBytes"/>)
/// when the field takes those arguments, in one answer from an older plugin that does not. Ids must rise.
/// </summary>
internal sealed class PluginSqlActionsReader : ISqlActionsReader
{
    public const string FieldName = "exportSqlActions";
    private static readonly string[] Fields = ["id", "name", "deploy", "deps", "content", "revert", "verify", "category"];

    /// <summary>The first page's size: actions are often kilobytes each, so start small and let the sizer grow it.</summary>
    private const int FirstPage = 100;

    private readonly GraphQLClient _client;
    private readonly string _query;
    private readonly bool _paged;
    private readonly PageSizeCeiling _ceiling;

    private PluginSqlActionsReader(GraphQLClient client, string query, bool paged, PageSizeCeiling ceiling)
    {
        _client = client;
        _query = query;
        _paged = paged;
        _ceiling = ceiling;
    }

    public string Origin => $"{_client.Endpoint} ({FieldName})";

    public static PluginSqlActionsReader? TryCreate(GraphQLClient client, IntrospectionSchema schema, PageSizeCeiling ceiling)
    {
        var field = schema.QueryType.FindField(FieldName);
        if (field is null || field.Args.All(a => a.Name != "databaseId")) return null;
        var type = schema.Find(field.Type.Named.Name);
        if (type is null) return null;
        var selection = Fields.Where(f => type.FindField(f) is not null).ToList();
        if (!selection.Contains("deploy")) return null;
        var databaseIdType = field.Args.First(a => a.Name == "databaseId").Type.Named.Name;
        var exclude = field.Args.Any(a => a.Name == "excludeCategories");
        var after = field.Args.FirstOrDefault(a => a.Name == "after");
        var paged = after is not null && field.Args.Any(a => a.Name == "first");
        var query = $"query PgpmExportSqlActions($db: {databaseIdType}!{(exclude ? ", $exclude: [String!]" : "")}{(paged ? $", $after: {after!.Type.Named.Name}, $first: Int" : "")}) " +
                    $"{{ {FieldName}(databaseId: $db{(exclude ? ", excludeCategories: $exclude" : "")}{(paged ? ", after: $after, first: $first" : "")}) {{ {string.Join(' ', selection)} }} }}";
        return new PluginSqlActionsReader(client, query, paged, ceiling);
    }

    public async IAsyncEnumerable<SqlAction> ReadAsync(Guid databaseId, IReadOnlyCollection<string> excludeCategories, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sizer = new PageSizer(_ceiling, FirstPage);
        long? last = null;
        for (var page = 1; ; page++)
        {
            var size = sizer.Next;
            var variables = new Dictionary<string, object?> { ["db"] = databaseId.ToString(), ["exclude"] = excludeCategories.Count > 0 ? excludeCategories.ToArray() : null };
            if (_paged)
            {
                variables["after"] = last?.ToString(CultureInfo.InvariantCulture);
                variables["first"] = size;
            }
            var doing = $"reading page {page} of sql_actions through {FieldName}";
            GraphQLAnswer answer;
            try
            {
                answer = await _client.QueryPageAsync(_query, variables, doing, cancellationToken).ConfigureAwait(false);
            }
            catch (ExportException e) when (_paged && e.ErrorId == GraphQLClient.PageSizeTooLarge && _ceiling.Refused(size, _client))
            {
                page--;
                continue;
            }
            var rows = answer.Data[FieldName] as JsonArray
                ?? throw new ExportException(ExportErrorKind.Protocol, "GraphQLNoSqlActions", $"{_client.Endpoint} returned no {FieldName} list on page {page}.");
            sizer.Observed(rows.Count, answer.Bytes);
            foreach (var row in rows.OfType<JsonObject>())
            {
                var action = SqlActionJson.Read(row, "id", "deps");
                if (last is not null && action.Id <= last)
                    throw new ExportException(ExportErrorKind.Protocol, "GraphQLSqlActionsOutOfOrder",
                        $"{_client.Endpoint} returned sql_actions row {action.Id} after row {last} on page {page}; {FieldName} must order rows by id. Update the server's plugin.");
                last = action.Id;
                if (action.Category is not null && excludeCategories.Contains(action.Category)) continue;
                yield return action;
            }
            if (!_paged || rows.Count < size) yield break;
        }
    }
}
