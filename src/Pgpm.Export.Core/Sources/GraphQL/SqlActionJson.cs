using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pgpm.Export.Model;

namespace Pgpm.Export.Sources.GraphQL;

/// <summary>Reads one sql_actions row from GraphQL JSON, whatever the id and deps fields are called.</summary>
internal static class SqlActionJson
{
    public static SqlAction Read(JsonObject row, string idField, string depsField)
    {
        var idNode = row[idField];
        var id = idNode is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? long.Parse(v.GetValue<string>(), CultureInfo.InvariantCulture)
            : idNode?.GetValue<long>() ?? 0;
        var deps = row[depsField] is JsonArray list ? list.Select(d => d?.GetValue<string>()).OfType<string>().ToArray() : [];
        return new SqlAction(id, Text(row, "name"), Text(row, "deploy"), deps, Text(row, "content"), Text(row, "revert"), Text(row, "verify"), Category(row));
    }

    private static string? Text(JsonObject row, string field) => row[field]?.GetValue<string>();

    private static string? Category(JsonObject row) => row["category"]?.GetValue<string>();
}
