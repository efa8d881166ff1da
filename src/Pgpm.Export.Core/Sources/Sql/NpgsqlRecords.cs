using Npgsql;

namespace Pgpm.Export.Sources.Sql;

/// <summary>Reading a row's values.</summary>
internal static class NpgsqlRecords
{
    public static string? NullableString(this NpgsqlDataReader record, int ordinal) =>
        record.IsDBNull(ordinal) ? null : record.GetString(ordinal);
}
