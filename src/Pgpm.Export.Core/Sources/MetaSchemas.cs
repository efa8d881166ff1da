namespace Pgpm.Export.Sources;

/// <summary>The schemas whose tables describe a Constructive database, in the spec's order.</summary>
public static class MetaSchemas
{
    public const string Metaschema = "metaschema_public";
    public const string Services = "services_public";
    public const string Modules = "metaschema_modules_public";

    public static readonly IReadOnlyList<string> All = [Metaschema, Services, Modules];

    public static readonly Model.TableRef DatabaseTable = new(Metaschema, "database");
    public static readonly Model.TableRef SchemaTable = new(Metaschema, "schema");
    public static readonly Model.TableRef SqlActionsTable = new("db_migrate", "sql_actions");

    public const string DatabaseIdColumn = "database_id";

    /// <summary>
    /// The column that ties a table's rows to a database: <c>id</c> of the database table itself, <c>database_id</c> elsewhere.
    /// </summary>
    public static string DatabaseColumnOf(Model.TableRef table) => table == DatabaseTable ? "id" : DatabaseIdColumn;
}
