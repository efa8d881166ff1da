using Pgpm.Export.Commands.Pipeline;
using Pgpm.Export.Commands.Rows;
using Pgpm.Export.Errors;
using Pgpm.Export.Exporting;
using Pgpm.Export.Logging;
using Pgpm.Export.Manifest;
using Pgpm.Export.Sources;
using Pgpm.Export.Sources.Supplied;
using Pgpm.Export.Writing;

namespace Pgpm.Export.Commands;

/// <summary>
/// Export-PgpmProject: writes the database and service packages, from the source or from exactly the
/// rows piped in, and writes one summary per package. Each package is shown to ShouldProcess (so -WhatIf
/// lists its files and writes nothing) and an existing one is replaced only with -Force or ShouldContinue.
/// </summary>
public static class ProjectExport
{
    public const int ProgressActivity = 1;

    /// <param name="engineProgress">
    /// The engine's own reports as well, for a host that draws them itself (the command line's live display); the
    /// cmdlets show <paramref name="output"/>'s progress records.
    /// </param>
    public static async Task<ExportResult> RunAsync(
        PgpmExportSource source,
        ProjectExportRequest request,
        ICommandOutput output,
        CancellationToken cancellationToken,
        IProgress<ExportProgress>? engineProgress = null
    )
    {
        var log = new CommandLog(output);
        var asked = request.Options;
        var database = await DatabaseResolver
            .ResolveAsync(source.Inner, asked.DatabaseId, asked.DatabaseName, cancellationToken)
            .ConfigureAwait(false);
        var manifest = await SchemaVersionResolver
            .ResolveAsync(source.Inner, asked.Manifest, asked.SchemaVersion, log, cancellationToken)
            .ConfigureAwait(false);
        var activity = $"Exporting {database.Name}";
        var progress = new Progress(output, activity, engineProgress);

        IExportSource reading = source.Inner;
        if (request.PipedRows is { } piped)
            reading = await FromPipedRowsAsync(source, database.Id, piped, manifest, output, cancellationToken).ConfigureAwait(false);

        var options = asked with
        {
            ResolvedDatabase = database,
            ResolvedManifest = manifest,
            ReplaceExisting = true,
            ConfirmPackage = (pending, ct) => ConfirmAsync(pending, request.Force, output, progress, ct),
        };
        var result = await new ProjectExporter(reading, log, progress).ExportAsync(options, cancellationToken).ConfigureAwait(false);
        progress.Close();
        foreach (var package in result.Packages)
            await output.WriteObjectAsync(package, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private static async Task<IExportSource> FromPipedRowsAsync(
        PgpmExportSource source,
        Guid databaseId,
        IReadOnlyList<RowInput> piped,
        ExportManifest manifest,
        ICommandOutput output,
        CancellationToken cancellationToken
    )
    {
        if (piped.Count == 0)
            throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.NoPipedRows,
                "No rows arrived on the pipeline (did a filter drop them all?); nothing was written. "
                    + "Run Export-PgpmProject without pipeline input to export everything."
            );
        var reader = new PipedRowReader(source.Inner, databaseId, output, manifest);
        var rows = await reader.ReadAsync(piped, cancellationToken).ConfigureAwait(false);
        if (reader.Rejected > 0)
            throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.PipedRowsRejected,
                $"{reader.Rejected} of {piped.Count} piped objects could not be used (see the errors before this one"
                    + (
                        reader.Rejected > PipedRowReader.ReportedRejections
                            ? $", which show the first {PipedRowReader.ReportedRejections}"
                            : ""
                    )
                    + "); nothing was written."
            );
        output.WriteVerbose(
            $"Writing the packages from {Counted.Of(rows.Count, "piped row")} of {Counted.Of(rows.Tables.Count, "table")} "
                + $"and {rows.SqlActions.Count} sql_actions."
        );
        return new SuppliedRowsSource(source.Inner, rows);
    }

    private static async ValueTask<bool> ConfirmAsync(
        PendingPackage pending,
        bool force,
        ICommandOutput output,
        Progress progress,
        CancellationToken cancellationToken
    )
    {
        // Every table is read before the first question: the bar is closed so a prompt never sits under a stale one.
        progress.Close();
        var kind = pending.Kind == PackageKind.Database ? "database" : "service";
        var size =
            $"{Counted.Of(pending.Changes, "change")}, "
            + $"{Counted.Of(pending.Rows, pending.Kind == PackageKind.Database ? "sql_actions row" : "meta row")}";
        var whatIf =
            $"Writing the {kind} package '{pending.Name}' to {pending.TargetPath} ({size}"
            + (pending.Exists ? ", replacing the plan and scripts of the package there" : "")
            + "):"
            + string.Concat(pending.Contents.Select(f => "\n  " + f));
        if (
            !await output
                .ShouldProcessAsync(pending.TargetPath, $"Write the {kind} package '{pending.Name}' ({size})", whatIf, cancellationToken)
                .ConfigureAwait(false)
        )
            return false;
        if (!pending.Exists || force)
            return true;
        var answer = await output
            .ShouldContinueAsync(
                $"The package '{pending.Name}' already exists at {pending.TargetPath}. Replace its plan and scripts? "
                    + "Its other files (package.json, README.md, ...) are kept.",
                "Replace an existing package",
                cancellationToken
            )
            .ConfigureAwait(false);
        if (answer is null)
            throw new ExportException(
                ExportErrorKind.AlreadyExists,
                ErrorId.PackageExists,
                $"The package '{pending.Name}' already exists at {pending.TargetPath}, "
                    + "and replacing it needs a confirmation this session cannot give "
                    + "(it is non-interactive, or -Confirm:$false was given); nothing was written. "
                    + "Use -Force to replace its plan and scripts."
            ).WithTarget(pending.TargetPath);
        if (answer.Value)
            return true;
        output.WriteWarning(
            $"The package '{pending.Name}' was not written: it exists and replacing it was declined. Use -Force to replace it."
        );
        return false;
    }

    /// <summary>The engine's progress as Write-Progress: a table done moves the bar by one table of the plan.</summary>
    private sealed class Progress(ICommandOutput output, string activity, IProgress<ExportProgress>? engineProgress)
        : IProgress<ExportProgress>
    {
        private int _tablesPlanned;
        private int _tablesDone;
        private int _closed;

        /// <summary>Ends the bar, once: before the first question and at the end (a host shows each Completed record).</summary>
        public void Close()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
                output.WriteProgress(new ProgressUpdate(ProgressActivity, activity, "Done", Completed: true));
        }

        public void Report(ExportProgress value)
        {
            engineProgress?.Report(value);
            if (value is TablesPlanned plan)
                _tablesPlanned += plan.Tables.Count;
            if (value is TableProgress { Completed: true })
                _tablesDone++;
            var status = value switch
            {
                TableProgress table when table.Completed =>
                    $"{table.Table}: {Counted.Of(table.Rows, "row")} (done; {_tablesDone} of {Counted.Of(_tablesPlanned, "table")})",
                TableProgress table => $"{table.Table}: {Counted.Of(table.Rows, "row")}",
                RateLimitWait wait =>
                    $"waiting {wait.Wait.TotalSeconds:0.0} s: {wait.Endpoint} rate-limited the export (HTTP 429) while {wait.Doing}",
                _ => null,
            };
            var percent = _tablesPlanned > 0 ? Math.Min(100, _tablesDone * 100 / _tablesPlanned) : -1;
            if (status is not null)
                output.WriteProgress(new ProgressUpdate(ProgressActivity, activity, status, PercentComplete: percent));
        }
    }
}
