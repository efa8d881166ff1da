namespace Pgpm.Export.Sources.GraphQL.Binding;

/// <summary>How to filter a connection to one database's rows.</summary>
public enum DatabaseFilterStyle
{
    /// <summary><c>condition: { databaseId: $id }</c> (PostGraphile's default).</summary>
    Condition,

    /// <summary><c>where|filter: { databaseId: { equalTo: $id } }</c> (connection filter plugin).</summary>
    EqualTo,

    /// <summary>No server-side filter: every row is fetched and filtered here.</summary>
    ClientSide,

    /// <summary><c>field(databaseId: $id)</c>: a root field that takes the database as an argument (an
    /// <c>exportSqlActions</c> connection).</summary>
    Argument,
}
