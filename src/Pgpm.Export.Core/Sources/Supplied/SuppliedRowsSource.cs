using System.Runtime.CompilerServices;
using Pgpm.Export.Manifest;
using Pgpm.Export.Model;

namespace Pgpm.Export.Sources.Supplied;

/// <summary>
/// A source whose rows are exactly the supplied ones, and whose databases, schemas and table shapes come
/// from the source the rows were read from. A table with no supplied rows reads as empty; without supplied
/// sql_actions there is no database package. Rows are put back in key order, so the output does not depend
/// on the order they arrived in.
/// </summary>
public sealed class SuppliedRowsSource(IExportSource shapes, SuppliedRows rows) : IExportSource
{
    public string Description => $"the rows given on the pipeline (shapes from {shapes.Description})";

    public Task<IReadOnlyList<DatabaseInfo>> ListDatabasesAsync(CancellationToken cancellationToken) =>
        shapes.ListDatabasesAsync(cancellationToken);

    public Task<DatabaseInfo?> GetDatabaseAsync(Guid databaseId, CancellationToken cancellationToken) =>
        shapes.GetDatabaseAsync(databaseId, cancellationToken);

    public Task<IReadOnlyList<SchemaInfo>> GetSchemasAsync(Guid databaseId, CancellationToken cancellationToken) =>
        shapes.GetSchemasAsync(databaseId, cancellationToken);

    public Task<IReadOnlyList<TableRef>> ListTablesAsync(IReadOnlyList<string> schemas, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TableRef>>(rows.Tables.Where(t => schemas.Contains(t.Schema)).Order().ToList());

    public bool ShowsWholeSchema => shapes.ShowsWholeSchema;

    public Task<SchemaVersionChoice> ChooseSchemaVersionAsync(
        IReadOnlyList<ExportManifest> candidates,
        CancellationToken cancellationToken
    ) => shapes.ChooseSchemaVersionAsync(candidates, cancellationToken);

    public Task<TableShape?> DescribeTableAsync(TableRef table, ManifestTable? expected, CancellationToken cancellationToken) =>
        shapes.DescribeTableAsync(table, expected, cancellationToken);

    public async IAsyncEnumerable<ExportRow> ReadRowsAsync(
        TableShape shape,
        Guid databaseId,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        await Task.CompletedTask.ConfigureAwait(false);
        var databaseText = databaseId.ToString();
        var ordered = rows.RowsOf(shape.Table)
            .Where(r => r[shape.DatabaseColumn].Text == databaseText)
            .Order(new KeyOrder(shape.KeyColumns));
        foreach (var row in ordered)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ExportRow(shape, shape.Columns.Select(c => row[c.Name]).ToArray());
        }
    }

    public Task<SqlActionsSupport> GetSqlActionsSupportAsync(CancellationToken cancellationToken) =>
        Task.FromResult(
            rows.SqlActions.Count > 0
                ? SqlActionsSupport.Yes
                : SqlActionsSupport.No("no db_migrate.sql_actions rows were given (pipe Get-ExportSqlAction's rows in as well to write it)")
        );

    public string NoMetaRowsReason(DatabaseInfo database) =>
        rows.Tables.Count > 0
            ? shapes.NoMetaRowsReason(database)
            : "no meta table rows were given (pipe Get-ExportTable's rows in as well to write it)";

    public async IAsyncEnumerable<SqlAction> ReadSqlActionsAsync(
        Guid databaseId,
        IReadOnlyCollection<string> excludeCategories,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var action in rows.SqlActions.Where(a => a.Category is null || !excludeCategories.Contains(a.Category)).OrderBy(a => a.Id))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return action;
        }
    }

    /// <summary>The rows were given whole; only the shapes are read from the other source, in the moment the caller pinned there.</summary>
    public Task<IAsyncDisposable> BeginConsistentReadAsync(CancellationToken cancellationToken) => NoConsistentRead.Task;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The order the sources read rows in: by key, integers by value, uuids and text by their canonical text.</summary>
    private sealed class KeyOrder(IReadOnlyList<string> keys) : IComparer<ExportRow>
    {
        public int Compare(ExportRow? x, ExportRow? y)
        {
            foreach (var key in keys)
            {
                var a = x![key];
                var b = y![key];
                var byKey = (a.Text, b.Text) switch
                {
                    (null, null) => 0,
                    (null, _) => 1,
                    (_, null) => -1,
                    _ when a.Kind == PgTypeKind.Integer && long.TryParse(a.Text, out var l) && long.TryParse(b.Text, out var r) =>
                        l.CompareTo(r),
                    _ => string.CompareOrdinal(a.Text, b.Text),
                };
                if (byKey != 0)
                    return byKey;
            }
            return 0;
        }
    }
}
