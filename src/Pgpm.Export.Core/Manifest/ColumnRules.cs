using Pgpm.Export.Model;
using Pgpm.Export.Sources;

namespace Pgpm.Export.Manifest;

/// <summary>Which columns of a meta table an export writes: all of them in ordinal order, less those the target database
/// supplies.</summary>
public static class ColumnRules
{
    /// <summary>
    /// The spec's own rule, independent of any manifest: <c>dbname</c> of services_public.apis and sites,
    /// and timestamptz columns whose default is now() or one of its spellings.
    /// </summary>
    public static bool TargetSupplies(TableRef table, ColumnInfo column)
    {
        if (column.Name == "dbname" && table.Schema == MetaSchemas.Services && table.Name is "apis" or "sites")
            return true;
        return column.Kind == PgTypeKind.Timestamptz && NowDefault.Matches(column.DefaultExpression);
    }

    /// <summary>The shape reduced to the columns written: the manifest's drops and the spec's rule both apply.</summary>
    public static TableShape ExportedColumns(TableShape shape, ManifestTable? entry)
    {
        var drop = entry?.DropColumns ?? [];
        return shape.WithColumns(c => !drop.Contains(c.Name) && !TargetSupplies(shape.Table, c));
    }
}
