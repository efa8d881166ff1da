using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Pgpm.Export.Errors;
using Pgpm.Export.Model;

namespace Pgpm.Export.Sources.GraphQL;

/// <summary>sql_actions from the <c>exportSqlActions(databaseId)</c> root field that this project's server plugin adds.</summary>
internal sealed class PluginSqlActionsReader : ISqlActionsReader
{
    public const string FieldName = "exportSqlActions";
    private static readonly string[] Fields = ["id", "name", "deploy", "deps", "content", "revert", "verify", "category"];

    private readonly GraphQLClient _client;
    private readonly string _query;

    private PluginSqlActionsReader(GraphQLClient client, string query)
    {
        _client = client;
        _query = query;
    }

    public string Origin => $"{_client.Endpoint} ({FieldName})";

    public static PluginSqlActionsReader? TryCreate(GraphQLClient client, IntrospectionSchema schema)
    {
        var field = schema.QueryType.FindField(FieldName);
        if (field is null || field.Args.All(a => a.Name != "databaseId")) return null;
        var type = schema.Find(field.Type.Named.Name);
        if (type is null) return null;
        var selection = Fields.Where(f => type.FindField(f) is not null).ToList();
        if (!selection.Contains("deploy")) return null;
        var databaseIdType = field.Args.First(a => a.Name == "databaseId").Type.Named.Name;
        var exclude = field.Args.Any(a => a.Name == "excludeCategories");
        var query = $"query PgpmExportSqlActions($db: {databaseIdType}!{(exclude ? ", $exclude: [String!]" : "")}) {{ {FieldName}(databaseId: $db{(exclude ? ", excludeCategories: $exclude" : "")}) {{ {string.Join(' ', selection)} }} }}";
        return new PluginSqlActionsReader(client, query);
    }

    public async IAsyncEnumerable<SqlAction> ReadAsync(Guid databaseId, IReadOnlyCollection<string> excludeCategories, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var variables = new Dictionary<string, object?> { ["db"] = databaseId.ToString(), ["exclude"] = excludeCategories.Count > 0 ? excludeCategories.ToArray() : null };
        var data = await _client.QueryAsync(_query, variables, "reading sql_actions through exportSqlActions", cancellationToken).ConfigureAwait(false);
        var rows = data[FieldName] as JsonArray
            ?? throw new ExportException(ExportErrorKind.Protocol, "GraphQLNoSqlActions", $"{_client.Endpoint} returned no {FieldName} list.");
        foreach (var row in rows.OfType<JsonObject>())
        {
            var action = SqlActionJson.Read(row, "id", "deps");
            if (action.Category is not null && excludeCategories.Contains(action.Category)) continue;
            yield return action;
        }
    }
}
