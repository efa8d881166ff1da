namespace Pgpm.Export.Errors;

/// <summary>The ids the SQL and GraphQL sources raise: connecting, reading and understanding what a server answers.</summary>
public static partial class ErrorId
{
    /// <summary>The connection string has a key Npgsql does not know.</summary>
    public const string ConnectionStringInvalid = nameof(ConnectionStringInvalid);

    /// <summary>No connection string was given, on the command line or in the environment.</summary>
    public const string ConnectionStringMissing = nameof(ConnectionStringMissing);

    /// <summary>A GraphQL answer is larger than the largest answer accepted.</summary>
    public const string GraphQLAnswerTooLarge = nameof(GraphQLAnswerTooLarge);

    /// <summary>The GraphQL endpoint's TLS certificate was not accepted.</summary>
    public const string GraphQLCertificateRejected = nameof(GraphQLCertificateRejected);

    /// <summary>A GraphQL connection says it has more rows but its cursor does not move on.</summary>
    public const string GraphQLCursorStuck = nameof(GraphQLCursorStuck);

    /// <summary>The GraphQL API answered with an error.</summary>
    public const string GraphQLError = nameof(GraphQLError);

    /// <summary>The GraphQL endpoint answered with an HTTP error status.</summary>
    public const string GraphQLHttpError = nameof(GraphQLHttpError);

    /// <summary>The GraphQL API refuses introspection; the export then works from the manifests and probes.</summary>
    public const string GraphQLIntrospectionDisabled = nameof(GraphQLIntrospectionDisabled);

    /// <summary>A PostGraphile v4 API refuses introspection, and how it sends json and jsonb cannot be told.</summary>
    public const string GraphQLJsonModeUnknown = nameof(GraphQLJsonModeUnknown);

    /// <summary>Without introspection, the meta tables answer to none of the names the known namings give.</summary>
    public const string GraphQLNamesNotFound = nameof(GraphQLNamesNotFound);

    /// <summary>A GraphQL answer lacks the connection that was asked for.</summary>
    public const string GraphQLNoConnection = nameof(GraphQLNoConnection);

    /// <summary>A GraphQL answer has no data.</summary>
    public const string GraphQLNoData = nameof(GraphQLNoData);

    /// <summary>The platform's endpoint needs a database chosen by its host or headers (NO_DATABASE_ID).</summary>
    public const string GraphQLNoDatabaseId = nameof(GraphQLNoDatabaseId);

    /// <summary>The GraphQL API does not expose metaschema_public.database, so no database can be chosen.</summary>
    public const string GraphQLNoDatabaseTable = nameof(GraphQLNoDatabaseTable);

    /// <summary>A GraphQL answer lacks the sql_actions list that was asked for.</summary>
    public const string GraphQLNoSqlActions = nameof(GraphQLNoSqlActions);

    /// <summary>The GraphQL endpoint answered with a body that is not GraphQL JSON.</summary>
    public const string GraphQLNotJson = nameof(GraphQLNotJson);

    /// <summary>The GraphQL endpoint answered with a body that is not valid UTF-8.</summary>
    public const string GraphQLNotUtf8 = nameof(GraphQLNotUtf8);

    /// <summary>The GraphQL API exposes none of the meta tables to this token.</summary>
    public const string GraphQLNothingVisible = nameof(GraphQLNothingVisible);

    /// <summary>The GraphQL API refuses the page size asked for (the export then asks for smaller pages).</summary>
    public const string GraphQLPageSizeTooLarge = nameof(GraphQLPageSizeTooLarge);

    /// <summary>Without introspection, the API refused a probe of its names for a reason that cannot be read.</summary>
    public const string GraphQLProbeUnclear = nameof(GraphQLProbeUnclear);

    /// <summary>The GraphQL endpoint kept answering HTTP 429 Too Many Requests.</summary>
    public const string GraphQLRateLimited = nameof(GraphQLRateLimited);

    /// <summary>A GraphQL request would be larger than the endpoint accepts.</summary>
    public const string GraphQLRequestTooLarge = nameof(GraphQLRequestTooLarge);

    /// <summary>The GraphQL endpoint asked to retry after longer than the export waits.</summary>
    public const string GraphQLRetryAfterTooLong = nameof(GraphQLRetryAfterTooLong);

    /// <summary>A sql_actions row over GraphQL has an id that is not a bigint.</summary>
    public const string GraphQLSqlActionIdInvalid = nameof(GraphQLSqlActionIdInvalid);

    /// <summary>The GraphQL API returned sql_actions rows out of id order.</summary>
    public const string GraphQLSqlActionsOutOfOrder = nameof(GraphQLSqlActionsOutOfOrder);

    /// <summary>The GraphQL endpoint refused the request (HTTP 401 or 403): the token is missing, expired or refused.</summary>
    public const string GraphQLUnauthorized = nameof(GraphQLUnauthorized);

    /// <summary>The GraphQL endpoint kept answering that it is unavailable, after the retries.</summary>
    public const string GraphQLUnavailable = nameof(GraphQLUnavailable);

    /// <summary>The GraphQL endpoint cannot be reached.</summary>
    public const string GraphQLUnreachable = nameof(GraphQLUnreachable);

    /// <summary>A value from the GraphQL API cannot be read as its column's PostgreSQL type.</summary>
    public const string GraphQLValueInvalid = nameof(GraphQLValueInvalid);

    /// <summary>Categories cannot be excluded, because the source gives no category of the sql_actions rows.</summary>
    public const string SqlActionsCategoryUnavailable = nameof(SqlActionsCategoryUnavailable);

    /// <summary>The source cannot give db_migrate.sql_actions.</summary>
    public const string SqlActionsUnavailable = nameof(SqlActionsUnavailable);

    /// <summary>PostgreSQL refused the login.</summary>
    public const string SqlAuthenticationFailed = nameof(SqlAuthenticationFailed);

    /// <summary>The connection to PostgreSQL failed while reading.</summary>
    public const string SqlConnectionFailed = nameof(SqlConnectionFailed);

    /// <summary>PostgreSQL ended the session or closed the connection while reading.</summary>
    public const string SqlConnectionLost = nameof(SqlConnectionLost);

    /// <summary>The PostgreSQL server has no database of the connection string's name.</summary>
    public const string SqlDatabaseNotFound = nameof(SqlDatabaseNotFound);

    /// <summary>PostgreSQL denied the exporting role access to a table.</summary>
    public const string SqlPermissionDenied = nameof(SqlPermissionDenied);

    /// <summary>A query failed in PostgreSQL.</summary>
    public const string SqlQueryFailed = nameof(SqlQueryFailed);

    /// <summary>PostgreSQL cancelled a statement (a statement_timeout, or an administrator).</summary>
    public const string SqlStatementCancelled = nameof(SqlStatementCancelled);

    /// <summary>Reading PostgreSQL failed in a way no other id names.</summary>
    public const string SqlUnexpected = nameof(SqlUnexpected);

    /// <summary>PostgreSQL cannot be reached.</summary>
    public const string SqlUnreachable = nameof(SqlUnreachable);
}
