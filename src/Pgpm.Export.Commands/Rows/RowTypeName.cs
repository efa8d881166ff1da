using Pgpm.Export.Errors;
using Pgpm.Export.Model;

namespace Pgpm.Export.Commands.Rows;

/// <summary>
/// How a row says its table: the PowerShell type name <c>Pgpm.Export.Row#schema.table</c> (how formatting finds its
/// view) and the property <see cref="TableProperty"/>, which survives what a type name does not (Export-Csv and
/// Import-Csv, ConvertTo-Json, Select-Object). Export-PgpmProject reads either to know a piped row's table.
/// </summary>
public static class RowTypeName
{
    public const string Prefix = "Pgpm.Export.Row#";

    /// <summary>
    /// The property holding a row's <c>schema.table</c>. The dot keeps it apart from every column: a PostgreSQL
    /// column could only have this name quoted, which no meta table does (the export stops rather than overwrite
    /// one that did, see <see cref="CheckColumns"/>).
    /// </summary>
    public const string TableProperty = "Pgpm.Table";

    public static string For(TableRef table) => Prefix + table;

    /// <summary>
    /// The table named by any of an object's type names, allowing the prefixes PowerShell adds on the
    /// way (<c>Selected.</c> from Select-Object, <c>CSV:</c> from Import-Csv, <c>Deserialized.</c> from remoting).
    /// </summary>
    public static TableRef? TableOf(IEnumerable<string> typeNames)
    {
        foreach (var name in typeNames)
        {
            var at = name.IndexOf(Prefix, StringComparison.Ordinal);
            if (at < 0)
                continue;
            var qualified = name[(at + Prefix.Length)..];
            var dot = qualified.IndexOf('.');
            if (dot > 0 && dot < qualified.Length - 1)
                return new TableRef(qualified[..dot], qualified[(dot + 1)..]);
        }
        return null;
    }

    /// <summary>The table a row names in its <see cref="TableProperty"/> (as text <c>schema.table</c>), if any.</summary>
    public static TableRef? TableOf(IEnumerable<KeyValuePair<string, object?>> properties)
    {
        var value = properties.FirstOrDefault(p => p.Key.Equals(TableProperty, StringComparison.OrdinalIgnoreCase)).Value as string;
        var dot = value?.IndexOf('.') ?? -1;
        return dot > 0 && dot < value!.Length - 1 ? new TableRef(value[..dot], value[(dot + 1)..]) : null;
    }

    /// <summary>Stops with RowColumnNameReserved when a table has a column named like <see cref="TableProperty"/> (ignoring case, as
    /// PowerShell does).</summary>
    /// <exception cref="Errors.ExportException">InvalidData, naming the table and the column.</exception>
    public static void CheckColumns(TableRef table, IEnumerable<ColumnInfo> columns)
    {
        if (columns.FirstOrDefault(c => c.Name.Equals(TableProperty, StringComparison.OrdinalIgnoreCase)) is { } column)
            throw new Errors.ExportException(
                Errors.ExportErrorKind.InvalidData,
                ErrorId.RowColumnNameReserved,
                $"{table} has a column named \"{column.Name}\", the name rows use for their table; "
                    + "it cannot be shown as a property of its own."
            );
    }
}
