namespace Pgpm.Export.Errors;

/// <summary>What went wrong, coarse enough for a PowerShell error category or a CLI exit code.</summary>
public enum ExportErrorKind
{
    /// <summary>The source could not be reached or dropped the connection.</summary>
    Connection,

    /// <summary>The source refused the credentials.</summary>
    Authentication,

    /// <summary>A database, table or other named thing does not exist.</summary>
    NotFound,

    /// <summary>Data from the source cannot be exported as it is (a hostile change name, a duplicate).</summary>
    InvalidData,

    /// <summary>An option or argument is wrong.</summary>
    InvalidArgument,

    /// <summary>The output could not be written.</summary>
    Write,

    /// <summary>The output already exists and replacing it was not allowed (PowerShell: ResourceExists).</summary>
    AlreadyExists,

    /// <summary>The source answered something the exporter does not understand.</summary>
    Protocol,

    /// <summary>The source does not offer what was asked for (sql_actions over an ordinary GraphQL API).</summary>
    Unavailable,
}
