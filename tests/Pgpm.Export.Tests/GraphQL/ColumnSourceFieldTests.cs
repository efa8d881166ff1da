using Pgpm.Export.Manifest;
using Pgpm.Export.Model;
using Pgpm.Export.Sources.GraphQL.Binding;
using Pgpm.Export.Sources.GraphQL.Schema;
using Xunit;

namespace Pgpm.Export.Tests.GraphQL;

/// <summary>
/// A GraphQL table's shape names each column's field apart from its type: <see cref="ColumnInfo.SourceField"/> is the
/// field the rows are read by, <see cref="ColumnInfo.TypeName"/> the PostgreSQL type (the manifest's where it lists the
/// column), so that no reader has to guess which of the two it holds.
/// </summary>
public class ColumnSourceFieldTests
{
    private static readonly TableRef Table = new("metaschema_public", "schema");

    private static GraphQLTableBinding Binding(params GraphQLColumn[] columns) =>
        new(Table, "schemas", columns, DatabaseFilterStyle.Condition, "condition", "databaseId", "UUID", "PRIMARY_KEY_ASC", "Cursor")
        {
            ColumnEvidence = columns.Select(c => GraphQLNames.Fold(c.Field)).ToHashSet(),
        };

    [Fact]
    public void The_field_is_the_source_field_and_the_type_is_the_manifests()
    {
        var binding = Binding(
            new GraphQLColumn("database_id", "databaseId", PgTypeKind.Uuid, GraphQLValueShape.Scalar, 0, null, "databaseId", NonNull: true),
            new GraphQLColumn("name", "name", PgTypeKind.Text, GraphQLValueShape.Scalar, 0, null, "name")
        );
        var manifest = new ManifestTable(
            Table,
            false,
            [],
            [new ManifestColumn("database_id", "uuid", PgTypeKind.Uuid, true), new ManifestColumn("name", "citext", PgTypeKind.Text, true)]
        );

        var shape = GraphQLColumnContract.Resolve(binding, manifest);

        Assert.Equal(
            ["database_id databaseId uuid", "name name citext"],
            shape.Columns.Select(c => $"{c.Name} {c.SourceField} {c.TypeName}")
        );
    }

    [Fact]
    public void Without_a_manifest_the_type_is_told_by_the_GraphQL_type()
    {
        var binding = Binding(
            new GraphQLColumn("id", "rowId", PgTypeKind.Integer, GraphQLValueShape.Scalar, 0, null, "rowId") { GraphQLType = "BigInt" },
            new GraphQLColumn("tags", "tags", PgTypeKind.Array, GraphQLValueShape.Scalar, 1, null, "tags", ValueKind: PgTypeKind.Text)
            {
                GraphQLType = "String",
            },
            new GraphQLColumn("created_at", "createdAt", PgTypeKind.Timestamptz, GraphQLValueShape.Datetime, 0, null, "createdAt")
        );

        var shape = GraphQLColumnContract.Resolve(binding, null);

        Assert.Equal(
            ["id rowId bigint", "tags tags text[]", "created_at createdAt timestamptz"],
            shape.Columns.Select(c => $"{c.Name} {c.SourceField} {c.TypeName}")
        );
    }
}
