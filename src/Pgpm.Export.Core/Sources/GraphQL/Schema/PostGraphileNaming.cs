namespace Pgpm.Export.Sources.GraphQL.Schema;

/// <summary>The naming rules a PostGraphile server can follow, told apart by probes when introspection is refused.</summary>
public enum PostGraphileNaming
{
    /// <summary>PostGraphile v5's default inflection: <c>allSchemata</c>, <c>allServicesPublicApis</c> (schemas after
    /// the first are prefixed), <c>rowId</c> beside the Relay <c>id</c>, enum values as the labels.</summary>
    V5,

    /// <summary>Constructive's server: <c>schemas</c>, <c>apis</c> (no <c>all</c>, no schema prefix), <c>id</c> as the
    /// column, enum values upper-cased.</summary>
    Constructive,

    /// <summary>PostGraphile v4: <c>allSchemata</c>, <c>allApis</c> (no schema prefix), <c>nodeId</c> beside the column
    /// <c>id</c>, enum values upper-cased.</summary>
    V4,
}
