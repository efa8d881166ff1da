namespace Pgpm.Export.Errors;

/// <summary>
/// The stable ids of every error the engine and its hosts raise (<see cref="ExportException.ErrorId"/>, a PowerShell
/// ErrorRecord's FullyQualifiedErrorId): scripts match on them, so an id never changes once published. Each value is
/// its own name. docs/cli.md lists them all with when each is raised; a test checks that list and that no raise site
/// spells an id of its own.
/// </summary>
public static partial class ErrorId
{
    /// <summary>The author is not a name or 'Name &lt;email&gt;' a plan line can hold.</summary>
    public const string AuthorInvalid = nameof(AuthorInvalid);

    /// <summary>An excluded sql_actions category that no row of the database has.</summary>
    public const string CategoryUnknown = nameof(CategoryUnknown);

    /// <summary>Two sql_actions rows have the same change name.</summary>
    public const string ChangeNameDuplicate = nameof(ChangeNameDuplicate);

    /// <summary>A change name that is not a safe relative path, or that pgpm's plan parser refuses.</summary>
    public const string ChangeNameInvalid = nameof(ChangeNameInvalid);

    /// <summary>A GraphQL API hides a column of the schema version, or gives it as a type that cannot be carried back.</summary>
    public const string ColumnsNotExported = nameof(ColumnsNotExported);

    /// <summary>The concurrency (tables read at once) is less than 1.</summary>
    public const string ConcurrencyInvalid = nameof(ConcurrencyInvalid);

    /// <summary>Databases and rows are piped into one export, or rows together with a database parameter.</summary>
    public const string DatabaseAndRowsMixed = nameof(DatabaseAndRowsMixed);

    /// <summary>The database is given both by name and by id.</summary>
    public const string DatabaseGivenTwice = nameof(DatabaseGivenTwice);

    /// <summary>Several databases of the source have the given name.</summary>
    public const string DatabaseNameAmbiguous = nameof(DatabaseNameAmbiguous);

    /// <summary>The source has no database with the given id or name.</summary>
    public const string DatabaseNotFound = nameof(DatabaseNotFound);

    /// <summary>No database was named (by name or id) for a command that exports or reads one.</summary>
    public const string DatabaseNotGiven = nameof(DatabaseNotGiven);

    /// <summary>sql_actions rows depend on each other in a cycle, which no plan can order.</summary>
    public const string DependencyCycle = nameof(DependencyCycle);

    /// <summary>A dependency that would break the plan line, or that pgpm reads as something else.</summary>
    public const string DependencyInvalid = nameof(DependencyInvalid);

    /// <summary>A change depends on a change the package does not have (left out, or never there).</summary>
    public const string DependencyMissing = nameof(DependencyMissing);

    /// <summary>A change depends on itself.</summary>
    public const string DependencyOnItself = nameof(DependencyOnItself);

    /// <summary>A change depends on a tag of its own package, which an export writes without tags.</summary>
    public const string DependencyOnOwnTag = nameof(DependencyOnOwnTag);

    /// <summary>The GraphQL endpoint is not an http or https URL.</summary>
    public const string EndpointInvalid = nameof(EndpointInvalid);

    /// <summary>A request header is not 'Name: value', has a name or value HTTP does not allow, or is an Authorization header.</summary>
    public const string HeaderInvalid = nameof(HeaderInvalid);

    /// <summary>Get-ExportTable -ListAvailable was given a database.</summary>
    public const string ListAvailableWithDatabase = nameof(ListAvailableWithDatabase);

    /// <summary>Both a manifest file and a built-in schema version were given.</summary>
    public const string ManifestAndSchemaVersion = nameof(ManifestAndSchemaVersion);

    /// <summary>The manifest file is not a valid manifest.</summary>
    public const string ManifestInvalid = nameof(ManifestInvalid);

    /// <summary>A manifest is derived from a PostgreSQL catalog, and the source is not SQL.</summary>
    public const string ManifestNeedsSql = nameof(ManifestNeedsSql);

    /// <summary>The manifest file cannot be read.</summary>
    public const string ManifestUnreadable = nameof(ManifestUnreadable);

    /// <summary>The largest GraphQL answer accepted is less than 1 KB.</summary>
    public const string MaxResponseSizeInvalid = nameof(MaxResponseSizeInvalid);

    /// <summary>The migrate endpoint offers sql_actions in none of the known ways.</summary>
    public const string MigrateEndpointWithoutSqlActions = nameof(MigrateEndpointWithoutSqlActions);

    /// <summary>Export-PgpmProject had pipeline input, but no row arrived.</summary>
    public const string NoPipedRows = nameof(NoPipedRows);

    /// <summary>The PostgreSQL database has no Constructive metaschema.</summary>
    public const string NotAConstructiveDatabase = nameof(NotAConstructiveDatabase);

    /// <summary>A directory of the workspace cannot be created.</summary>
    public const string OutputNotWritable = nameof(OutputNotWritable);

    /// <summary>The output path is a file.</summary>
    public const string OutputPathIsFile = nameof(OutputPathIsFile);

    /// <summary>No output path was given.</summary>
    public const string OutputPathMissing = nameof(OutputPathMissing);

    /// <summary>The package exists and replacing it was not confirmed.</summary>
    public const string PackageExists = nameof(PackageExists);

    /// <summary>A package name pgpm cannot take.</summary>
    public const string PackageNameInvalid = nameof(PackageNameInvalid);

    /// <summary>The database package and the service package would have the same name.</summary>
    public const string PackageNamesEqual = nameof(PackageNamesEqual);

    /// <summary>A package's folder in the workspace is a file.</summary>
    public const string PackagePathIsFile = nameof(PackagePathIsFile);

    /// <summary>Writing a package's files failed.</summary>
    public const string PackageWriteFailed = nameof(PackageWriteFailed);

    /// <summary>The GraphQL page size is less than 1.</summary>
    public const string PageSizeInvalid = nameof(PageSizeInvalid);

    /// <summary>A path parameter names a location on a PowerShell provider other than the file system.</summary>
    public const string PathNotFileSystem = nameof(PathNotFileSystem);

    /// <summary>Some piped objects could not be used as rows (each has its own error first).</summary>
    public const string PipedRowsRejected = nameof(PipedRowsRejected);

    /// <summary>A piped row lacks a column of its table.</summary>
    public const string RowColumnMissing = nameof(RowColumnMissing);

    /// <summary>A table has a column with the name piped rows use for their table.</summary>
    public const string RowColumnNameReserved = nameof(RowColumnNameReserved);

    /// <summary>A piped row has the key of a row that came before it.</summary>
    public const string RowDuplicate = nameof(RowDuplicate);

    /// <summary>A piped row belongs to another database than the one exported.</summary>
    public const string RowOfOtherDatabase = nameof(RowOfOtherDatabase);

    /// <summary>A piped row names a table the source does not have.</summary>
    public const string RowTableUnknown = nameof(RowTableUnknown);

    /// <summary>A piped object is not a row from Get-ExportTable or Get-ExportSqlAction.</summary>
    public const string RowTypeUnknown = nameof(RowTypeUnknown);

    /// <summary>A piped row has a value its column's type cannot take.</summary>
    public const string RowValueInvalid = nameof(RowValueInvalid);

    /// <summary>A renamed schema would be longer than PostgreSQL's 63 bytes.</summary>
    public const string SchemaNameTooLong = nameof(SchemaNameTooLong);

    /// <summary>Two schemas would get the same new name.</summary>
    public const string SchemaNamesCollide = nameof(SchemaNamesCollide);

    /// <summary>A schema to rename is not a schema of the database.</summary>
    public const string SchemaNotFound = nameof(SchemaNotFound);

    /// <summary>The source does not have what the schema version asked for needs.</summary>
    public const string SchemaVersionMismatch = nameof(SchemaVersionMismatch);

    /// <summary>No built-in manifest has the schema version asked for.</summary>
    public const string SchemaVersionUnknown = nameof(SchemaVersionUnknown);

    /// <summary>Listing a PostgreSQL server's databases needs a SQL source.</summary>
    public const string ServerListNeedsSql = nameof(ServerListNeedsSql);

    /// <summary>The source was disposed before a command used it.</summary>
    public const string SourceClosed = nameof(SourceClosed);

    /// <summary>Both a connection string and a GraphQL endpoint were given.</summary>
    public const string SourceGivenTwice = nameof(SourceGivenTwice);

    /// <summary>No source was given, on the command line or in the environment.</summary>
    public const string SourceNotGiven = nameof(SourceNotGiven);

    /// <summary>A meta table asked for is one the GraphQL API does not expose.</summary>
    public const string TableNotExposed = nameof(TableNotExposed);

    /// <summary>No meta table has the name asked for.</summary>
    public const string TableNotFound = nameof(TableNotFound);

    /// <summary>A GraphQL API does not expose a table of the schema version (with the option to stop on it).</summary>
    public const string TablesHidden = nameof(TablesHidden);

    /// <summary>The token is given both with -Token and -Credential.</summary>
    public const string TokenGivenTwice = nameof(TokenGivenTwice);

    /// <summary>Another export is writing into the same workspace.</summary>
    public const string WorkspaceBusy = nameof(WorkspaceBusy);
}
