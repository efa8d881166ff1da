using Pgpm.Export.Manifest;
using Pgpm.Export.Model;

namespace Pgpm.Export.Sources.Sql;

/// <summary>
/// A manifest for the schema a server has: every per-database table of the meta schemas in foreign-key order, with its
/// columns (type, kind, NOT NULL, enum labels) and the columns the target supplies, all from the catalog.
/// </summary>
internal sealed class SqlManifestDeriver(SqlSession session, SqlCatalogReader catalog)
{
    /// <param name="version">
    /// The version to record; null takes the metaschema-schema extension's version when it is installed as one, else none.
    /// </param>
    public async Task<ExportManifest> DeriveAsync(string? version, CancellationToken cancellationToken)
    {
        var tables = await catalog.ListTablesAsync(MetaSchemas.All, cancellationToken).ConfigureAwait(false);
        var found = await catalog
            .ReadColumnsAsync(tables, "reading the columns of the meta tables", cancellationToken)
            .ConfigureAwait(false);
        var facts = new List<ManifestBuilder.TableFacts>();
        foreach (var table in tables)
        {
            if (!found.TryGetValue(table, out var columns))
                continue;
            var manifestColumns = columns
                .Select(c =>
                    c.EnumType is { } enumType
                        ? new ManifestColumn(c.Column.Name, c.Column.TypeName, c.Column.Kind, c.Column.IsNotNull, enumType, c.EnumLabels)
                        : new ManifestColumn(c.Column.Name, c.Column.TypeName, c.Column.Kind, c.Column.IsNotNull)
                )
                .ToList();
            var supplied = columns.Where(c => ColumnRules.TargetSupplies(table, c.Column)).Select(c => c.Column.Name).ToArray();
            facts.Add(new ManifestBuilder.TableFacts(table, supplied, manifestColumns));
        }
        var edges = await session
            .ListAsync(
                SqlCatalogQueries.ForeignKeys,
                [MetaSchemas.All.ToArray()],
                "reading foreign keys",
                r => (new TableRef(r.GetString(0), r.GetString(1)), new TableRef(r.GetString(2), r.GetString(3))),
                cancellationToken
            )
            .ConfigureAwait(false);
        version ??= (
            await session
                .ListAsync(
                    SqlCatalogQueries.MetaschemaExtensionVersion,
                    [],
                    "reading the extension version",
                    r => r.GetString(0),
                    cancellationToken
                )
                .ConfigureAwait(false)
        ).FirstOrDefault();
        return ManifestBuilder.Build(facts, edges, version);
    }
}
