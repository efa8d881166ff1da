using Pgpm.Export.Errors;
using Pgpm.Export.Model;

namespace Pgpm.Export.Commands.Rows;

/// <summary>A db_migrate.sql_actions row between its pipeline object and <see cref="SqlAction"/>.</summary>
internal static class SqlActionInput
{
    private static readonly ColumnInfo IdColumn = new("id", "bigint", PgTypeKind.Integer);
    private static readonly ColumnInfo DatabaseColumn = new("database_id", "uuid", PgTypeKind.Uuid);
    private static readonly ColumnInfo DepsColumn = new("deps", "text[]", PgTypeKind.Array);

    public static RowRecord ToRecord(SqlAction action, Guid databaseId) =>
        new(
            Pgpm.Export.Sources.MetaSchemas.SqlActionsTable,
            [
                new("id", action.Id),
                new("database_id", databaseId),
                new("name", action.Name),
                new("deploy", action.Deploy),
                new("deps", action.Deps.ToArray()),
                new("content", action.Content),
                new("revert", action.Revert),
                new("verify", action.Verify),
                new("category", action.Category),
            ]
        );

    public static SqlAction Read(RowInput input, Guid databaseId)
    {
        var properties = new RowProperties(input, Pgpm.Export.Sources.MetaSchemas.SqlActionsTable);
        string? Text(string name) => properties.Read(new ColumnInfo(name, "text", PgTypeKind.Text)).Text;

        var id = properties.Read(IdColumn).Text;
        if (id is null || !long.TryParse(id, out var actionId))
            throw PipedRowReader.Reject(input, ErrorId.RowValueInvalid, "is a sql_actions row without a bigint id");
        var database = properties.Read(DatabaseColumn).Text;
        if (database != databaseId.ToString())
            throw PipedRowReader.Reject(
                input,
                ErrorId.RowOfOtherDatabase,
                $"is a sql_actions row of the database {database ?? "NULL"}, not {databaseId}, the one being exported"
            );
        var deps = properties.Read(DepsColumn).Text;
        var depList = deps is null
            ? []
            : Values.ArrayLiteral.TryParseOneDimensional(deps)
                ?? throw PipedRowReader.Reject(
                    input,
                    ErrorId.RowValueInvalid,
                    "is a sql_actions row whose deps is not a list of change names"
                );
        if (depList.Any(d => d is null))
            throw PipedRowReader.Reject(input, ErrorId.RowValueInvalid, "is a sql_actions row whose deps holds a null");
        return new SqlAction(
            actionId,
            Text("name"),
            Text("deploy"),
            depList!,
            Text("content"),
            Text("revert"),
            Text("verify"),
            Text("category")
        );
    }
}
