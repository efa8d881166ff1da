using Pgpm.Export.Model;

namespace Pgpm.Export.Export;

/// <summary>Progress of an export: the table being read and how many of its rows are written so far.</summary>
public sealed record ExportProgress(TableRef Table, long Rows, bool Completed);
