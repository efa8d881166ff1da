using System.Text;
using Pgpm.Export.Model;
using Pgpm.Export.Rendering;

namespace Pgpm.Export.Sources.Sql;

/// <summary>
/// The statements that read rows: every column as PostgreSQL's text, the database id as parameter <c>$1</c> (or, in
/// <see cref="Copy"/>, as a literal).
/// Public so the benchmark's floor runs exactly what an export runs.
/// </summary>
public static class SqlRowQueries
{
    /// <summary>The database's rows of the table, in key order, exactly <paramref name="shape"/>'s columns.</summary>
    public static string Rows(TableShape shape)
    {
        var table = SqlIdentifier.Quoted(shape.Table.Schema) + "." + SqlIdentifier.Quoted(shape.Table.Name);
        var sql = new StringBuilder("SELECT ");
        sql.AppendJoin(", ", shape.Columns.Select(TextExpression));
        if (shape.Columns.Count == 0)
            sql.Append("1");
        sql.Append(" FROM ").Append(table);
        sql.Append(" WHERE ").Append(SqlIdentifier.Quoted(shape.DatabaseColumn)).Append(" = $1");
        // Qualified: a bare name would bind to the text output column of that name and sort integers as text (10 before 9).
        sql.Append(" ORDER BY ").AppendJoin(", ", shape.KeyColumns.Select(k => table + "." + SqlIdentifier.Quoted(k)));
        return sql.ToString();
    }

    /// <summary>How many rows <see cref="Rows"/> yields: <c>$1</c> is the database id.</summary>
    public static string Count(TableShape shape) =>
        $"SELECT count(*) FROM {SqlIdentifier.Quoted(shape.Table.Schema)}.{SqlIdentifier.Quoted(shape.Table.Name)} "
        + $"WHERE {SqlIdentifier.Quoted(shape.DatabaseColumn)} = $1";

    /// <summary>
    /// One row with a boolean per shape, in their order: whether the table has a row of the database <c>$1</c>
    /// (<see cref="Rows"/> would yield any). Each EXISTS stops at the first row the table's database-id index finds.
    /// </summary>
    public static string AnyRows(IReadOnlyList<TableShape> shapes) =>
        "SELECT "
        + string.Join(
            ", ",
            shapes.Select(shape =>
                $"EXISTS (SELECT 1 FROM {SqlIdentifier.Quoted(shape.Table.Schema)}.{SqlIdentifier.Quoted(shape.Table.Name)} "
                + $"WHERE {SqlIdentifier.Quoted(shape.DatabaseColumn)} = $1)"
            )
        );

    /// <summary>How many rows <see cref="SqlActions"/> yields, with the same parameters.</summary>
    public static string SqlActionsCount(bool hasCategory, bool excluding)
    {
        var sql = new StringBuilder("SELECT count(*) FROM db_migrate.sql_actions WHERE database_id = $1");
        if (hasCategory && excluding)
            sql.Append(ExcludedCategories);
        return sql.ToString();
    }

    /// <summary>The distinct categories of the database's sql_actions (NULL left out), in byte order; needs a category column.</summary>
    public const string SqlActionCategories =
        "SELECT DISTINCT category::text COLLATE \"C\" AS category FROM db_migrate.sql_actions "
        + "WHERE database_id = $1 AND category IS NOT NULL ORDER BY 1";

    private const string ExcludedCategories = " AND (category IS NULL OR NOT (category::text = ANY($2)))";

    /// <summary>
    /// <see cref="Rows"/> for one database as <c>COPY (…) TO STDOUT</c>, which takes no parameters: the id goes in as a
    /// uuid literal (a <see cref="Guid"/>'s text is hex digits and dashes only, so it needs no quoting beyond the quotes).
    /// </summary>
    public static string Copy(TableShape shape, Guid databaseId) =>
        "COPY (" + Rows(shape).Replace("$1", "'" + databaseId.ToString("D") + "'::uuid", StringComparison.Ordinal) + ") TO STDOUT";

    /// <summary>
    /// The database's sql_actions by id; with <paramref name="excluding"/>, <c>$2</c> is the text[] of categories to leave out.
    /// </summary>
    public static string SqlActions(bool hasCategory, bool excluding)
    {
        var sql = new StringBuilder("SELECT id::bigint, name, deploy, deps::text[], content, revert, verify, ");
        sql.Append(hasCategory ? "category::text" : "NULL::text");
        sql.Append(" FROM db_migrate.sql_actions WHERE database_id = $1");
        if (hasCategory && excluding)
            sql.Append(ExcludedCategories);
        sql.Append(" ORDER BY id");
        return sql.ToString();
    }

    /// <summary>
    /// The column as PostgreSQL's text. The ::text cast is the type's output everywhere but for character(n),
    /// where it strips the padding; bpcharout keeps it, as COPY and a GraphQL API show it.
    /// </summary>
    private static string TextExpression(ColumnInfo column)
    {
        var quoted = SqlIdentifier.Quoted(column.Name);
        return column.BaseTypeName == "bpchar" ? $"pg_catalog.textin(pg_catalog.bpcharout({quoted}))" : quoted + "::text";
    }
}
