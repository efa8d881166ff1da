using Pgpm.Export.Model;

namespace Pgpm.Export.Commands.Rows;

/// <summary>
/// The PowerShell type name a row carries, <c>Pgpm.Export.Row#schema.table</c>: how formatting finds its
/// view, and how Export-PgpmProject knows which table a piped row belongs to.
/// </summary>
public static class RowTypeName
{
    public const string Prefix = "Pgpm.Export.Row#";

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
            if (at < 0) continue;
            var qualified = name[(at + Prefix.Length)..];
            var dot = qualified.IndexOf('.');
            if (dot > 0 && dot < qualified.Length - 1) return new TableRef(qualified[..dot], qualified[(dot + 1)..]);
        }
        return null;
    }
}
