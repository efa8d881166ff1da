using Pgpm.Export.Model;

namespace Pgpm.Export.Sources.Sql;

/// <summary>
/// A column as PostgreSQL's catalog describes it (<see cref="SqlCatalogQueries.TableColumns"/>): the column, its place in
/// the primary key (from 1; null outside it), and the enum its type is, or is an array or domain over, with the labels
/// in sort order (null when none).
/// </summary>
internal sealed record SqlCatalogColumn(ColumnInfo Column, long? KeyPosition, string? EnumType, string[]? EnumLabels);
