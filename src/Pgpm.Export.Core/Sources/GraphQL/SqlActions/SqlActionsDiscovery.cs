using Pgpm.Export.Model;
using Pgpm.Export.Sources.GraphQL.Binding;
using Pgpm.Export.Sources.GraphQL.Paging;
using Pgpm.Export.Sources.GraphQL.Schema;
using Pgpm.Export.Sources.GraphQL.Transport;

namespace Pgpm.Export.Sources.GraphQL.SqlActions;

/// <summary>
/// Finds how an endpoint offers db_migrate.sql_actions, in the order of <c>docs/graphql.md</c>: first a root field
/// that takes the database (<c>exportSqlActions(databaseId)</c>, returning a list or a connection of this project's
/// plugin type or of the table's own node type), then the db_migrate.sql_actions connection itself in whatever naming
/// the server uses (<c>allDbMigrateSqlActions</c>, <c>sqlActions</c>, <c>allSqlActions</c>), filtered by database on the
/// server where it can be. Looks at nothing else of the endpoint and says nothing about its other tables.
/// </summary>
internal static class SqlActionsDiscovery
{
    /// <summary>The root field this project's plugin adds (plugins/postgraphile-export-sql-actions); preferred over look-alikes.</summary>
    public const string RootField = "exportSqlActions";

    /// <returns>The reader, or null when the endpoint offers sql_actions in none of these ways.</returns>
    public static ISqlActionsReader? Find(GraphQLClient client, IntrospectionSchema schema, PageSizeCeiling ceiling)
    {
        var rootFields = schema
            .QueryType.Fields.Where(f =>
                f.Args.Any(a => a.Name == "databaseId") && GraphQLNames.Fold(f.Name).Contains("sqlaction", StringComparison.Ordinal)
            )
            .OrderBy(f => f.Name == RootField ? 0 : 1)
            .ThenBy(f => f.Name, StringComparer.Ordinal);
        foreach (var field in rootFields)
        {
            if (ListSqlActionsReader.TryCreate(client, schema, field, ceiling) is { } list)
                return list;
            if (RootConnection(schema, field) is { } connection)
                return new ConnectionSqlActionsReader(client, connection.Binding, connection.Fields, ceiling);
        }
        if (
            GraphQLDiscovery.TryBind(schema, MetaSchemas.SqlActionsTable) is { } binding
            && SqlActionFields.For(binding.Columns) is { } fields
        )
            return new ConnectionSqlActionsReader(client, binding, fields, ceiling);
        return null;
    }

    /// <summary>Whether a root connection carries sql_actions rows (the db_migrate connection or an exportSqlActions connection).</summary>
    internal static bool Carries(IntrospectionSchema schema, IntrospectionSchema.Field field) =>
        GraphQLNames.Fold(field.Name).Contains("sqlaction", StringComparison.Ordinal)
        && schema.Find(field.Type.Named.Name)?.FindField("nodes") is { } nodes
        && SqlActionFields.For(schema, schema.Find(nodes.Type.Named.Name)) is not null;

    /// <summary>A root field such as <c>exportSqlActions(databaseId, first, after)</c> that returns a connection of
    /// sql_actions rows.</summary>
    private static (GraphQLTableBinding Binding, SqlActionFields Fields)? RootConnection(
        IntrospectionSchema schema,
        IntrospectionSchema.Field field
    )
    {
        var type = schema.Find(field.Type.Named.Name);
        if (field.Type.ListDepth != 0 || !GraphQLDiscovery.IsConnection(type) || field.Args.All(a => a.Name != "first"))
            return null;
        if (SqlActionFields.For(schema, schema.Find(type!.FindField("nodes")!.Type.Named.Name)) is not { } fields)
            return null;
        var databaseIdType = field.Args.First(a => a.Name == "databaseId").Type.Named.Name;
        var binding = new GraphQLTableBinding(
            MetaSchemas.SqlActionsTable,
            field.Name,
            fields.Columns,
            DatabaseFilterStyle.Argument,
            "databaseId",
            "databaseId",
            databaseIdType,
            GraphQLDiscovery.PrimaryKeyOrder(schema, field),
            GraphQLDiscovery.CursorType(field)
        );
        return (binding, fields);
    }
}
