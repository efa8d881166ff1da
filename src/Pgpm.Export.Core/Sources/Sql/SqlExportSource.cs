using System.Globalization;
using System.Runtime.CompilerServices;
using Npgsql;
using Pgpm.Export.Errors;
using Pgpm.Export.Logging;
using Pgpm.Export.Manifest;
using Pgpm.Export.Model;
using Pgpm.Export.Rendering;
using Pgpm.Export.Values;

namespace Pgpm.Export.Sources.Sql;

/// <summary>Reads a Constructive database directly from PostgreSQL. Every value is a bound parameter, but for the database id in a COPY (a uuid literal).</summary>
public sealed class SqlExportSource : IExportSource
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly IExportLog _log;
    private SqlSnapshot? _snapshot;

    private SqlExportSource(NpgsqlDataSource dataSource, string description, IExportLog log)
    {
        _dataSource = dataSource;
        Description = description;
        _log = log;
    }

    public string Description { get; }

    /// <summary>Opens the source and checks that the server answers, so a bad connection string fails here.</summary>
    public static async Task<SqlExportSource> OpenAsync(string connectionString, IExportLog? log = null, CancellationToken cancellationToken = default)
    {
        var (dataSource, description) = BuildDataSource(connectionString);
        var source = new SqlExportSource(dataSource, description, log ?? NullExportLog.Instance);
        try
        {
            await using var connection = await source.OpenConnectionAsync("connecting", cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await source.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return source;
    }

    /// <summary>The server's databases other than templates and <c>postgres</c>.</summary>
    public async Task<IReadOnlyList<string>> ListServerDatabasesAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var name in QueryAsync(SqlCatalogQueries.ServerDatabases, [], "listing the server's databases", r => r.GetString(0), cancellationToken).ConfigureAwait(false))
            names.Add(name);
        return names;
    }

    public async Task<IReadOnlyList<DatabaseInfo>> ListDatabasesAsync(CancellationToken cancellationToken)
    {
        var databases = new List<DatabaseInfo>();
        await foreach (var database in QueryAsync(SqlCatalogQueries.Databases, [], "listing metaschema_public.database", ReadDatabase, cancellationToken, missingTableIsNotConstructive: true).ConfigureAwait(false))
            databases.Add(database);
        return databases;
    }

    public async Task<DatabaseInfo?> GetDatabaseAsync(Guid databaseId, CancellationToken cancellationToken)
    {
        // Read to the end (the id is the key: one row at most). Leaving the read early cancels the query, and a cancel
        // request is a connection of its own that can land on the next statement of the pooled connection.
        DatabaseInfo? found = null;
        await foreach (var database in QueryAsync(SqlCatalogQueries.Database, [databaseId], "reading metaschema_public.database", ReadDatabase, cancellationToken, missingTableIsNotConstructive: true).ConfigureAwait(false))
            found ??= database;
        return found;
    }

    public async Task<IReadOnlyList<SchemaInfo>> GetSchemasAsync(Guid databaseId, CancellationToken cancellationToken)
    {
        var schemas = new List<SchemaInfo>();
        await foreach (var schema in QueryAsync(SqlCatalogQueries.Schemas, [databaseId], "reading metaschema_public.schema",
                           r => new SchemaInfo(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3)), cancellationToken, missingTableIsNotConstructive: true).ConfigureAwait(false))
            schemas.Add(schema);
        return schemas;
    }

    public async Task<IReadOnlyList<TableRef>> ListTablesAsync(IReadOnlyList<string> schemas, CancellationToken cancellationToken)
    {
        var tables = new List<TableRef>();
        await foreach (var table in QueryAsync(SqlCatalogQueries.DatabaseTables, [schemas.ToArray()], "listing meta tables", r => new TableRef(r.GetString(0), r.GetString(1)), cancellationToken).ConfigureAwait(false))
            tables.Add(table);
        return tables;
    }

    /// <summary>The catalog shows every table and column there is.</summary>
    public bool ShowsWholeSchema => true;

    public async Task<SchemaVersionChoice> ChooseSchemaVersionAsync(IReadOnlyList<ExportManifest> candidates, CancellationToken cancellationToken)
    {
        var tables = (await ListTablesAsync(MetaSchemas.All, cancellationToken).ConfigureAwait(false)).ToHashSet();
        var observed = new Dictionary<TableRef, HashSet<string>>();
        await foreach (var (table, column) in QueryAsync(SqlCatalogQueries.MetaColumns, [MetaSchemas.All.ToArray()], "reading the meta tables' columns",
                           r => (new TableRef(r.GetString(0), r.GetString(1)), r.GetString(2)), cancellationToken).ConfigureAwait(false))
            if (tables.Contains(table))
                (observed.TryGetValue(table, out var set) ? set : observed[table] = new HashSet<string>(StringComparer.Ordinal)).Add(column);
        return SchemaVersionChoice.Closest(candidates, observed.ToDictionary(o => o.Key, o => (IReadOnlySet<string>)o.Value), c => c, "the catalog has");
    }

    public Task<TableShape?> DescribeTableAsync(TableRef table, ManifestTable? expected, CancellationToken cancellationToken) => DescribeTableAsync(table, cancellationToken);

    /// <summary>
    /// Every table's shape from one catalog query over the tables' schemas (<see cref="SqlCatalogQueries.SchemaColumns"/>),
    /// instead of three round trips per table; the same shapes <see cref="DescribeTableAsync(TableRef, ManifestTable?, CancellationToken)"/> gives.
    /// </summary>
    public async Task<IReadOnlyList<TableShape?>> DescribeTablesAsync(IReadOnlyList<(TableRef Table, ManifestTable? Expected)> tables, CancellationToken cancellationToken)
    {
        var schemas = tables.Select(t => t.Table.Schema).Distinct(StringComparer.Ordinal).ToArray();
        var found = new Dictionary<TableRef, (List<ColumnInfo> Columns, List<(long Position, string Name)> Keys)>();
        await foreach (var (table, column, keyPosition) in QueryAsync(SqlCatalogQueries.SchemaColumns, [schemas], "reading the columns of the meta tables",
                           r => (new TableRef(r.GetString(0), r.GetString(1)), r.IsDBNull(2) ? null : ReadColumn(r, 2), r.IsDBNull(8) ? (long?)null : r.GetInt64(8)),
                           cancellationToken).ConfigureAwait(false))
        {
            if (!found.TryGetValue(table, out var entry)) found[table] = entry = ([], []);
            if (column is null) continue;
            entry.Columns.Add(column);
            if (keyPosition is { } position) entry.Keys.Add((position, column.Name));
        }
        return tables.Select(t => found.TryGetValue(t.Table, out var entry)
            ? Shape(t.Table, entry.Columns, entry.Keys.OrderBy(k => k.Position).Select(k => k.Name).ToList())
            : null).ToList();
    }

    private async Task<TableShape?> DescribeTableAsync(TableRef table, CancellationToken cancellationToken)
    {
        var doing = $"reading the columns of {table}";
        uint? oid = null;
        await foreach (var found in QueryAsync(SqlCatalogQueries.TableOid, [table.Schema, table.Name], doing, r => r.IsDBNull(0) ? (uint?)null : (uint)r.GetValue(0), cancellationToken).ConfigureAwait(false))
            oid = found;
        if (oid is null) return null;

        var columns = new List<ColumnInfo>();
        await foreach (var column in QueryAsync(SqlCatalogQueries.Columns, [oid.Value], doing, r => ReadColumn(r, 0), cancellationToken).ConfigureAwait(false))
            columns.Add(column);

        var keys = new List<string>();
        await foreach (var key in QueryAsync(SqlCatalogQueries.PrimaryKey, [oid.Value], doing, r => r.GetString(0), cancellationToken).ConfigureAwait(false))
            keys.Add(key);
        return Shape(table, columns, keys);
    }

    /// <summary>A table without a primary key is ordered by <c>id</c> when it has one, else by every column.</summary>
    private static TableShape Shape(TableRef table, List<ColumnInfo> columns, List<string> keys)
    {
        if (keys.Count == 0)
            keys.AddRange(columns.Any(c => c.Name == "id") ? ["id"] : columns.Select(c => c.Name));
        return new TableShape(table, columns, keys, MetaSchemas.DatabaseColumnOf(table));
    }

    /// <summary>
    /// Reads the rows with the COPY text protocol (<see cref="SqlRowQueries.Copy"/>): the server then does exactly the
    /// work of the benchmark's floor, and a row arrives as one line that splits into the same text values a query gives.
    /// The line's bytes are split where they arrived (<see cref="CopyTextLines"/>, <see cref="CopyTextLine"/>): no
    /// character decoding of the stream, no string per line or per value unless a value needs canonicalising.
    /// </summary>
    public async IAsyncEnumerable<ExportRow> ReadRowsAsync(TableShape shape, Guid databaseId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var doing = $"reading {shape.Table}";
        var kinds = shape.Columns.Select(c => c.Kind).ToArray();
        await using var connection = await OpenConnectionAsync(doing, cancellationToken).ConfigureAwait(false);
        await using var transaction = Volatile.Read(ref _snapshot) is { } snapshot ? await AdoptAsync(snapshot, connection, doing, cancellationToken).ConfigureAwait(false) : null;
        TextReader reader;
        try
        {
            reader = await connection.BeginTextExportAsync(SqlRowQueries.Copy(shape, databaseId), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw SqlErrors.Translate(e, Description, doing);
        }
        using (reader)
        {
            // Npgsql's text reader is a StreamReader over the raw COPY stream; reading that stream directly skips the
            // decoding into characters. The reader still ends the COPY (or cancels it) when disposed.
            var lines = new CopyTextLines(((StreamReader)reader).BaseStream);
            while (true)
            {
                ExportRow row;
                try
                {
                    byte[] bytes;
                    int start, length;
                    while (!lines.TryReadLine(out bytes, out start, out length))
                        if (!await lines.ReadMoreAsync(cancellationToken).ConfigureAwait(false)) yield break;
                    cancellationToken.ThrowIfCancellationRequested();
                    var values = new PgValue[kinds.Length];
                    // A shape without columns selects a constant, so that each row still comes as a line.
                    if (kinds.Length > 0) CopyTextLine.Split(bytes, start, length, kinds, values);
                    row = new ExportRow(shape, values);
                }
                catch (Exception e) when (e is not OperationCanceledException and not ExportException)
                {
                    throw SqlErrors.Translate(e, Description, doing);
                }
                yield return row;
            }
        }
    }

    /// <summary>
    /// Every table's answer from one query (<see cref="SqlRowQueries.AnyRows"/>), in the export's snapshot when one is
    /// pinned. A failed query (a table the role may not read, a lock that outlasts statement_timeout) is an
    /// ExportException, which the export answers by reading each table on its own, so the one at fault names itself.
    /// </summary>
    public async Task<IReadOnlyList<bool>?> FindTablesWithRowsAsync(IReadOnlyList<TableShape> shapes, Guid databaseId, CancellationToken cancellationToken)
    {
        if (shapes.Count == 0) return [];
        bool[]? found = null;
        await foreach (var row in QueryAsync(SqlRowQueries.AnyRows(shapes), [databaseId], "looking for the meta tables with rows",
                           r => Enumerable.Range(0, shapes.Count).Select(r.GetBoolean).ToArray(), cancellationToken).ConfigureAwait(false))
            found = row;
        return found;
    }

    public async Task<long> CountRowsAsync(TableShape shape, Guid databaseId, CancellationToken cancellationToken)
    {
        long count = 0;
        await foreach (var rows in QueryAsync(SqlRowQueries.Count(shape), [databaseId], $"counting the rows of {shape.Table}", r => r.GetInt64(0), cancellationToken).ConfigureAwait(false))
            count = rows;
        return count;
    }

    public async Task<long> CountSqlActionsAsync(Guid databaseId, IReadOnlyCollection<string> excludeCategories, CancellationToken cancellationToken)
    {
        var (sql, parameters) = await SqlActionsQueryAsync(databaseId, excludeCategories, count: true, cancellationToken).ConfigureAwait(false);
        long count = 0;
        await foreach (var rows in QueryAsync(sql, parameters, "counting db_migrate.sql_actions", r => r.GetInt64(0), cancellationToken).ConfigureAwait(false))
            count = rows;
        return count;
    }

    public async Task<SqlActionsSupport> GetSqlActionsSupportAsync(CancellationToken cancellationToken)
    {
        var columns = await SqlActionsColumnsAsync(cancellationToken).ConfigureAwait(false);
        if (columns.Count == 0)
            return SqlActionsSupport.No($"the database at {Description} has no db_migrate.sql_actions table");
        return SqlActionsSupport.Yes;
    }

    /// <summary>The distinct categories, from one query; null when sql_actions has no category column (then a warning says nothing is excluded).</summary>
    public async Task<IReadOnlyCollection<string>?> GetSqlActionCategoriesAsync(Guid databaseId, CancellationToken cancellationToken)
    {
        if (!(await SqlActionsColumnsAsync(cancellationToken).ConfigureAwait(false)).Contains("category")) return null;
        var categories = new List<string>();
        await foreach (var category in QueryAsync(SqlRowQueries.SqlActionCategories, [databaseId], "listing the categories of db_migrate.sql_actions", r => r.GetString(0), cancellationToken).ConfigureAwait(false))
            categories.Add(category);
        return categories;
    }

    public async IAsyncEnumerable<SqlAction> ReadSqlActionsAsync(Guid databaseId, IReadOnlyCollection<string> excludeCategories, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (sql, parameters) = await SqlActionsQueryAsync(databaseId, excludeCategories, count: false, cancellationToken).ConfigureAwait(false);
        await foreach (var action in QueryAsync(sql, parameters, "reading db_migrate.sql_actions", ReadSqlAction, cancellationToken).ConfigureAwait(false))
            yield return action;
    }

    /// <summary>
    /// A manifest for the schema this server has: every per-database table of the meta schemas in foreign-key
    /// order, with its columns (type, kind, NOT NULL, enum labels) and the columns the target supplies. Used to
    /// ship the built-in manifests and by users whose schema version differs.
    /// </summary>
    /// <param name="version">The version to record; null takes the metaschema-schema extension's version when it is installed as one, else none.</param>
    public async Task<ExportManifest> DeriveManifestAsync(CancellationToken cancellationToken, string? version = null)
    {
        var enums = new Dictionary<(TableRef, string), (string Type, string[] Labels)>();
        await foreach (var (table, column, type, labels) in QueryAsync(SqlCatalogQueries.EnumColumns, [MetaSchemas.All.ToArray()], "reading enum types",
                           r => (new TableRef(r.GetString(0), r.GetString(1)), r.GetString(2), r.GetString(3), r.GetFieldValue<string[]>(4)), cancellationToken).ConfigureAwait(false))
            enums[(table, column)] = (type, labels);

        var facts = new List<ManifestBuilder.TableFacts>();
        var tables = await ListTablesAsync(MetaSchemas.All, cancellationToken).ConfigureAwait(false);
        var shapes = await DescribeTablesAsync(tables.Select(t => (t, (ManifestTable?)null)).ToList(), cancellationToken).ConfigureAwait(false);
        foreach (var (table, shape) in tables.Zip(shapes))
        {
            if (shape is null) continue;
            var columns = shape.Columns.Select(c => enums.TryGetValue((table, c.Name), out var e)
                ? new ManifestColumn(c.Name, c.TypeName, c.Kind, c.IsNotNull, e.Type, e.Labels)
                : new ManifestColumn(c.Name, c.TypeName, c.Kind, c.IsNotNull)).ToList();
            facts.Add(new ManifestBuilder.TableFacts(table, shape.Columns.Where(c => ColumnRules.TargetSupplies(table, c)).Select(c => c.Name).ToArray(), columns));
        }
        var edges = new List<(TableRef, TableRef)>();
        await foreach (var edge in QueryAsync(SqlCatalogQueries.ForeignKeys, [MetaSchemas.All.ToArray()], "reading foreign keys",
                           r => (new TableRef(r.GetString(0), r.GetString(1)), new TableRef(r.GetString(2), r.GetString(3))), cancellationToken).ConfigureAwait(false))
            edges.Add(edge);
        if (version is null)
            await foreach (var installed in QueryAsync(SqlCatalogQueries.MetaschemaExtensionVersion, [], "reading the extension version", r => r.GetString(0), cancellationToken).ConfigureAwait(false))
                version = installed;
        return ManifestBuilder.Build(facts, edges, version);
    }

    /// <summary>
    /// Pins the moment every later query reads (see <see cref="SqlSnapshot"/>). When one is already pinned, the
    /// reads are already consistent and the returned handle does nothing.
    /// </summary>
    public async Task<IAsyncDisposable> BeginConsistentReadAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _snapshot) is not null) return NoConsistentRead.Instance;
        const string doing = "taking a snapshot of the database";
        var holder = await OpenConnectionAsync(doing, cancellationToken).ConfigureAwait(false);
        SqlSnapshot snapshot;
        try
        {
            snapshot = await SqlSnapshot.TakeAsync(holder, () => Volatile.Write(ref _snapshot, null), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await holder.DisposeAsync().ConfigureAwait(false);
            if (e is OperationCanceledException) throw;
            throw SqlErrors.Translate(e, Description, doing);
        }
        if (Interlocked.CompareExchange(ref _snapshot, snapshot, null) is null) return snapshot;
        // Another export on this source pinned a moment at the same time; its reads are the consistent ones.
        await holder.DisposeAsync().ConfigureAwait(false);
        return NoConsistentRead.Instance;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>The query for the database's sql_actions (or their count) outside the excluded categories, which needs a category column.</summary>
    private async Task<(string Sql, object[] Parameters)> SqlActionsQueryAsync(Guid databaseId, IReadOnlyCollection<string> excludeCategories, bool count, CancellationToken cancellationToken)
    {
        var columns = await SqlActionsColumnsAsync(cancellationToken).ConfigureAwait(false);
        var hasCategory = columns.Contains("category");
        if (!hasCategory && excludeCategories.Count > 0)
            _log.Warning("db_migrate.sql_actions has no category column, so no category can be excluded; exporting every action.");
        var excluding = hasCategory && excludeCategories.Count > 0;
        object[] parameters = excluding ? [databaseId, excludeCategories.ToArray()] : [databaseId];
        return (count ? SqlRowQueries.SqlActionsCount(hasCategory, excluding) : SqlRowQueries.SqlActions(hasCategory, excluding), parameters);
    }

    private async Task<HashSet<string>> SqlActionsColumnsAsync(CancellationToken cancellationToken)
    {
        var columns = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var column in QueryAsync(SqlCatalogQueries.SqlActionsColumns, [], "looking for db_migrate.sql_actions", r => r.GetString(0), cancellationToken).ConfigureAwait(false))
            columns.Add(column);
        return columns;
    }

    /// <summary>
    /// Runs a query and yields each row as <paramref name="read"/> makes it. Reading the values is inside the error
    /// translation too: with sequential access a value is still on the wire when the row starts, so a connection
    /// lost in the middle of a large value surfaces there.
    /// </summary>
    private async IAsyncEnumerable<T> QueryAsync<T>(string sql, object[] parameters, string doing, Func<NpgsqlDataReader, T> read,
        [EnumeratorCancellation] CancellationToken cancellationToken, bool missingTableIsNotConstructive = false)
    {
        await using var connection = await OpenConnectionAsync(doing, cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.Add(parameter is uint oid
                ? new NpgsqlParameter { Value = oid, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Oid }
                : new NpgsqlParameter { Value = parameter });

        NpgsqlDataReader reader;
        await using var transaction = Volatile.Read(ref _snapshot) is { } snapshot ? await AdoptAsync(snapshot, connection, doing, cancellationToken).ConfigureAwait(false) : null;
        command.Transaction = transaction;
        try
        {
            reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (missingTableIsNotConstructive && e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw new ExportException(ExportErrorKind.NotFound, "NotAConstructiveDatabase",
                $"PostgreSQL at {Description} has no Constructive metaschema ({e.MessageText}). Connect to the database that holds metaschema_public.", e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw SqlErrors.Translate(e, Description, doing);
        }

        await using (reader.ConfigureAwait(false))
        {
            var consumed = false;
            try
            {
                while (true)
                {
                    T row;
                    // Npgsql's ReadAsync does not look at the token while rows are already at hand, which they are as long as the
                    // server keeps sending: without this a stopped export went on reading a large table for seconds.
                    cancellationToken.ThrowIfCancellationRequested();
                    try
                    {
                        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            consumed = true;
                            yield break;
                        }
                        row = read(reader);
                    }
                    catch (Exception e) when (e is not OperationCanceledException and not ExportException)
                    {
                        throw SqlErrors.Translate(e, Description, doing);
                    }
                    yield return row;
                }
            }
            finally
            {
                if (!consumed) StopQuery(command);
            }
        }
    }

    /// <summary>
    /// Asks the server to stop a query whose rows are no longer wanted (cancelled, failed, or the caller stopped early).
    /// Npgsql closes a reader by reading every row still to come, which for a large table takes seconds; the
    /// server's cancel ends the stream at once (npgsql/npgsql#314: cancelling first is left to the caller).
    /// </summary>
    private static void StopQuery(NpgsqlCommand command)
    {
        try
        {
            command.Cancel();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            // The connection is already gone, so nothing is left to read from it either.
        }
    }

    private async Task<NpgsqlTransaction> AdoptAsync(SqlSnapshot snapshot, NpgsqlConnection connection, string doing, CancellationToken cancellationToken)
    {
        try
        {
            return await snapshot.AdoptAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw SqlErrors.Translate(e, Description, doing);
        }
    }

    private async Task<NpgsqlConnection> OpenConnectionAsync(string doing, CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw SqlErrors.Translate(e, Description, doing);
        }
    }

    // Sequential access: each reader takes the columns in order, from the ordinal of the column's name.
    private static ColumnInfo ReadColumn(NpgsqlDataReader record, int first)
    {
        var name = record.GetString(first);
        var typeName = record.GetString(first + 1);
        var notNull = record.GetBoolean(first + 2);
        var defaultExpression = NullableString(record, first + 3);
        var category = record.GetChar(first + 4);
        var baseType = record.GetString(first + 5);
        return new ColumnInfo(name, typeName, PgTypeClassifier.Classify(category, baseType), notNull, defaultExpression, baseType);
    }

    private static SqlAction ReadSqlAction(NpgsqlDataReader record)
    {
        var id = record.GetInt64(0);
        var name = NullableString(record, 1);
        var deploy = NullableString(record, 2);
        string[] deps = record.IsDBNull(3) ? [] : record.GetFieldValue<string?[]>(3).OfType<string>().ToArray();
        return new SqlAction(id, name, deploy, deps,
            Content: NullableString(record, 4),
            Revert: NullableString(record, 5),
            Verify: NullableString(record, 6),
            Category: NullableString(record, 7));
    }

    private static DatabaseInfo ReadDatabase(NpgsqlDataReader record) =>
        new(record.GetGuid(0), record.IsDBNull(1) ? "" : record.GetString(1), NullableString(record, 2), NullableString(record, 3));

    private static string? NullableString(NpgsqlDataReader record, int ordinal) => record.IsDBNull(ordinal) ? null : record.GetString(ordinal);

    /// <summary>
    /// Parses the connection string and builds the data source in the invariant culture: Npgsql converts each value with
    /// the current culture, and where the negative sign is not ASCII '-' (ICU's he-IL, ar-SA, fa-IR add a direction
    /// mark) a '-1' (ours below, or the user's) failed to parse.
    /// </summary>
    private static (NpgsqlDataSource DataSource, string Description) BuildDataSource(string connectionString)
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            var builder = ParseConnectionString(connectionString);
            var description = Describe(builder);
            SqlSessionSettings.Apply(builder);
            // A cancelled read (Ctrl+C, a failure elsewhere) breaks its connection at once instead of waiting up to 2 s for
            // the server to confirm the cancel, which it does not while blocked sending rows the export stopped reading.
            builder.CancellationTimeout = -1;
            return (new NpgsqlDataSourceBuilder(builder.ConnectionString).Build(), description);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static NpgsqlConnectionStringBuilder ParseConnectionString(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new ExportException(ExportErrorKind.InvalidArgument, "ConnectionStringMissing",
                "No connection string was given. Pass one like 'Host=localhost;Port=5432;Database=constructive;Username=postgres'.");
        const string Expected = "it must be 'Key=Value' pairs separated by ';' with keys such as Host, Port, Database, Username, Password";
        NpgsqlConnectionStringBuilder builder;
        try
        {
            // Key names are safe to repeat (never values, which may hold a password); the generic parser gives them
            // with their quoting resolved, so a fragment of a quoted value is never taken for a key.
            var known = new NpgsqlConnectionStringBuilder();
            var unknown = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
                .Cast<string>().FirstOrDefault(key => !known.ContainsKey(key));
            if (unknown is not null)
                throw new ExportException(ExportErrorKind.InvalidArgument, "ConnectionStringInvalid",
                    $"The connection string has the key '{unknown}', which Npgsql does not know: {Expected}.");
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (KeyNotFoundException)
        {
            // Npgsql removes a key given an empty value, and fails on one it does not know.
            throw new ExportException(ExportErrorKind.InvalidArgument, "ConnectionStringInvalid",
                $"The connection string has a key with an empty value that Npgsql does not know: {Expected}.");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            // The parser's message can quote part of the string, which may hold a password: say only what kind of thing is wrong.
            throw new ExportException(ExportErrorKind.InvalidArgument, "ConnectionStringInvalid",
                $"The connection string is not valid: {Expected}.");
        }
        if (string.IsNullOrWhiteSpace(builder.Host) && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("PGHOST")))
            throw new ExportException(ExportErrorKind.InvalidArgument, "ConnectionStringInvalid",
                "The connection string names no Host (and PGHOST is not set): add Host=<server> (and Port, Database, Username as needed).");
        return builder;
    }

    private static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        var host = string.IsNullOrEmpty(builder.Host) ? "localhost" : builder.Host;
        var user = string.IsNullOrEmpty(builder.Username) ? "" : builder.Username + "@";
        return $"postgresql://{user}{host}:{builder.Port}/{builder.Database}";
    }
}
