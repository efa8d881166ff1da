using Pgpm.Export.Errors;
using Pgpm.Export.Manifest;
using Pgpm.Export.Model;
using Pgpm.Export.Sources.GraphQL.Schema;

namespace Pgpm.Export.Sources.GraphQL.Binding;

/// <summary>
/// Holds an API's fields to the columns of the chosen schema version (spec "Manifest"): every column
/// the manifest lists is read or reported with why (hidden by the server; a type the API cannot carry; enum labels that
/// cannot be known), and a field the manifest does not list is read only when the API itself shows it as a column
/// (<see cref="GraphQLTableBinding.ColumnEvidence"/>); otherwise it is taken for a computed column and reported, not
/// exported. Node ids and relations never reach here (<see cref="GraphQLDiscovery"/> leaves them out).
/// </summary>
public static class GraphQLColumnContract
{
    public const string Hidden = "hidden by the server (a smart tag, a grant or a plugin leaves it out of the API)";

    /// <summary>The table as the export reads it: its columns in the API's field order, with what is not read and why.</summary>
    /// <remarks>
    /// Each column's <see cref="ColumnInfo.SourceField"/> is its GraphQL field, which <see cref="GraphQLExportSource.ReadRowsAsync"/>
    /// selects; <see cref="ColumnInfo.TypeName"/> is its PostgreSQL type, the manifest's where it lists the column.
    /// </remarks>
    public static TableShape Resolve(GraphQLTableBinding binding, ManifestTable? expected)
    {
        var columns = new List<(GraphQLColumn Column, string TypeName)>();
        var unread = new List<UnreadColumn>();
        var notColumns = new List<UnreadColumn>();
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in binding.Columns)
        {
            var known = Match(expected, column.Column, column.Field);
            if (known is not null)
                matched.Add(known.Name);
            if (known is null && !binding.ColumnEvidence.Contains(GraphQLNames.Fold(column.Field)))
            {
                notColumns.Add(
                    new UnreadColumn(
                        column.Field,
                        $"the field {column.Field} is not a column the manifest lists for {binding.Table}, and the API does not show "
                            + $"it as a column "
                            + "(it is in none of the table's condition, orderBy or mutation input types), so it is taken for a computed "
                            + "column and not exported; "
                            + $"if it is a real column, add it to a manifest ({OptionName.Manifest})"
                    )
                );
                continue;
            }
            var name = known?.Name ?? column.Column;
            var typeName = known?.Type ?? PostgresTypeName.Of(column);
            if (column.Shape == GraphQLValueShape.Enum)
            {
                var labels = EnumLabels(column, known, out var why);
                if (why is not null)
                {
                    unread.Add(new UnreadColumn(name, why));
                    continue;
                }
                columns.Add((column with { Column = name, EnumLabels = labels }, typeName));
            }
            else
            {
                columns.Add((column with { Column = name }, typeName));
            }
        }
        foreach (var (field, type) in binding.Unreadable)
        {
            var known = Match(expected, GraphQLNames.SnakeCase(field), field);
            if (known is null && !binding.ColumnEvidence.Contains(GraphQLNames.Fold(field)))
                continue;
            if (known is not null)
                matched.Add(known.Name);
            unread.Add(
                new UnreadColumn(
                    known?.Name ?? GraphQLNames.SnakeCase(field),
                    $"the API gives it as the GraphQL type {type}, which cannot be carried back to the column's value"
                )
            );
        }
        if (expected is not null)
            foreach (var missing in expected.ExportedColumns.Where(c => !matched.Contains(c.Name)))
                unread.Add(new UnreadColumn(missing.Name, Hidden));

        if (binding.ColumnsFromManifest && expected?.Columns is { } order)
        {
            var names = order.Select(m => m.Name).ToList();
            columns = columns.OrderBy(c => names.IndexOf(c.Column.Column) is var i and >= 0 ? i : int.MaxValue).ToList();
        }

        var infos = columns
            .Select(c => new ColumnInfo(c.Column.Column, c.TypeName, c.Column.Kind, c.Column.NonNull)
            {
                EnumLabels = c.Column.EnumLabels,
                SourceField = c.Column.Field,
            })
            .ToList();
        var shape = new TableShape(binding.Table, infos, ["id"], MetaSchemas.DatabaseColumnOf(binding.Table));
        return shape with { Unread = unread, NotColumns = notColumns };
    }

    /// <summary>The manifest column a field stands for: the key field for <c>id</c>, else the one whose name folds the
    /// same (<c>databaseId</c>, <c>database_id</c>).</summary>
    private static ManifestColumn? Match(ManifestTable? expected, string column, string field)
    {
        if (expected?.Columns is not { } columns)
            return null;
        return columns.FirstOrDefault(c => c.Name == column)
            ?? (column == "id" ? null : columns.FirstOrDefault(c => GraphQLNames.Fold(c.Name) == GraphQLNames.Fold(field)));
    }

    /// <summary>
    /// How the API's enum values map back to the labels. With the labels the manifest carries, each value must fold to
    /// exactly one label (Constructive and PostGraphile v4 upper-case <c>inReview</c> to <c>IN_REVIEW</c>); values the
    /// labels do not explain mean the labels cannot be known. Without labels, values the API left as they are (not all
    /// upper-case) are taken as the labels; upper-cased values cannot be turned back, so the column is not read.
    /// </summary>
    private static IReadOnlyDictionary<string, string>? EnumLabels(GraphQLColumn column, ManifestColumn? known, out string? why)
    {
        why = null;
        var values = column.EnumValues;
        if (known?.EnumLabels is { } labels)
        {
            if (values.All(labels.Contains) && !column.EnumValuesFromRules)
                return null;
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var value in values)
            {
                var candidates = labels.Where(l => l == value).ToList();
                if (candidates.Count == 0)
                    candidates = labels.Where(l => GraphQLNames.Fold(l) == GraphQLNames.Fold(value)).ToList();
                if (candidates.Count != 1)
                {
                    why =
                        candidates.Count == 0
                            ? $"the API's enum value {value} ({column.GraphQLType}) is none of the labels of {known.EnumType} "
                                + $"({string.Join(", ", labels)}), so its label cannot be known"
                            : $"the API's enum value {value} ({column.GraphQLType}) could be any of the labels "
                                + $"{string.Join(", ", candidates)} of {known.EnumType}, so its label cannot be known";
                    return null;
                }
                map[value] = candidates[0];
            }
            return map;
        }
        if (values.Count > 0 && values.All(v => v == v.ToUpperInvariant()) && values.Any(v => v.Any(char.IsAsciiLetter)))
            why =
                $"the API upper-cases the values of the enum {column.GraphQLType} and no manifest gives its labels, so a value "
                + $"such as {values[0]} cannot be turned back into its label; "
                + "pass a manifest that lists the column with its enum (pgpm-export manifest)";
        return null;
    }
}
