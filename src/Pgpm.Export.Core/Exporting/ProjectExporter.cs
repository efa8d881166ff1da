using Pgpm.Export.Errors;
using Pgpm.Export.Logging;
using Pgpm.Export.Model;
using Pgpm.Export.Rendering;
using Pgpm.Export.Sources;
using Pgpm.Export.Writing;

namespace Pgpm.Export.Exporting;

/// <summary>
/// Exports one Constructive database from a source into a pgpm workspace: the database package from
/// sql_actions and the service package from the meta tables. Each package is written whole or not at all.
/// </summary>
public sealed class ProjectExporter
{
    private readonly IExportSource _source;
    private readonly IExportLog _log;
    private readonly IProgress<ExportProgress>? _progress;

    public ProjectExporter(IExportSource source, IExportLog? log = null, IProgress<ExportProgress>? progress = null)
    {
        _source = source;
        _log = log ?? NullExportLog.Instance;
        _progress = progress;
    }

    /// <summary>Exports the database that <see cref="ExportOptions.DatabaseId"/> or <see cref="ExportOptions.DatabaseName"/>
    /// names.</summary>
    public async Task<ExportResult> ExportAsync(ExportOptions options, CancellationToken cancellationToken = default)
    {
        CheckOptions(options);
        var database = options.ResolvedDatabase
            ?? await DatabaseResolver
                .ResolveAsync(_source, options.DatabaseId, options.DatabaseName, cancellationToken)
                .ConfigureAwait(false);
        var author = ParseAuthor(options.Author);
        var workspace = Workspace.Open(options.OutputPath);
        var databasePackage = options.ExtensionName ?? database.Name;
        var servicePackage = options.MetaExtensionName ?? database.Name + "-service";
        if (databasePackage == servicePackage)
            throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.PackageNamesEqual,
                $"The database package and the service package would both be named '{databasePackage}'; give them different names."
            );

        // Every table is read as of this moment, so rows changed while the export runs cannot give a mix of before and after.
        await using var consistentRead = await _source.BeginConsistentReadAsync(cancellationToken).ConfigureAwait(false);
        var manifest = options.ResolvedManifest
            ?? await SchemaVersionResolver
                .ResolveAsync(_source, options.Manifest, options.SchemaVersion, _log, cancellationToken)
                .ConfigureAwait(false);
        var schemas = await _source.GetSchemasAsync(database.Id, cancellationToken).ConfigureAwait(false);
        var renamer = SchemaRenamer.For(databasePackage, SelectSchemas(schemas, options.Schemas));
        foreach (var (from, to) in renamer.Map.OrderBy(p => p.Key, StringComparer.Ordinal))
            _log.Verbose($"Schema {from} is renamed to {to}.");
        await ExcludedCategories.CheckAsync(_source, database, options.ExcludeCategories, _log, cancellationToken).ConfigureAwait(false);

        using var readSlots = new ReadSlots(options.Concurrency);
        var log = new SynchronizedExportLog(_log);
        var progress = _progress is null ? null : new SynchronizedProgress(_progress, plans: 2);
        using var progressScope = ExportProgressScope.Begin(progress);
        var context = new ExportContext(_source, manifest, options, database, workspace, renamer, author, log, progress, readSlots);
        if (options.Preview)
            return await PreviewAsync(context, databasePackage, servicePackage, cancellationToken).ConfigureAwait(false);

        // A stopped export's deletions may still run in the background; this one must not race them for the directories.
        await DiscardedDirectories.WhenDeletedAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        var workspaceLock = workspace.Lock();
        var outcomes = new (StagedPackage? Staged, string? Skipped)[2];
        var staged = new List<StagedPackage>();
        var skipped = new List<string>();
        try
        {
            // Both packages are staged, at once, before either is committed: a failure reading one leaves neither behind.
            try
            {
                await FailFastTasks
                    .RunAsync(
                        2,
                        async (index, ct) =>
                            outcomes[index] =
                                index == 0
                                    ? await DatabasePackageExporter.StageAsync(context, databasePackage, ct).ConfigureAwait(false)
                                    : await ServicePackageExporter.StageAsync(context, servicePackage, ct).ConfigureAwait(false),
                        slots: null,
                        cancellationToken
                    )
                    .ConfigureAwait(false);
            }
            finally
            {
                foreach (var outcome in outcomes)
                    Stage(outcome);
            }
            cancellationToken.ThrowIfCancellationRequested();
            if (!options.ReplaceExisting && staged.FirstOrDefault(p => p.TargetExists) is { } existing)
                throw new ExportException(
                    ExportErrorKind.AlreadyExists,
                    ErrorId.PackageExists,
                    $"The package '{existing.Name}' already exists in '{workspace.PackagesPath}'; nothing was written. "
                        + "Allow replacing it (-Force) to re-export."
                );
            // Every question is asked before anything moves: a stop (Ctrl+C) during the questions leaves nothing, and once
            // the first package moves into place the other follows, so a stop can never leave one package without the other.
            var accepted = new List<StagedPackage>();
            foreach (var package in staged)
            {
                if (options.ConfirmPackage is { } confirm && !await confirm(package.Pending(), cancellationToken).ConfigureAwait(false))
                    skipped.Add($"The package '{package.Name}' was not written: the write was declined.");
                else
                    accepted.Add(package);
            }
            var packages = new List<PackageSummary>();
            foreach (var package in accepted)
            {
                var summary = package.Commit(options.ReplaceExisting);
                packages.Add(summary.Is(PackageKind.Service) ? summary.WithOmissions(context.Omissions.ToArray()) : summary);
            }
            return new ExportResult(database, packages, skipped)
            {
                SchemaVersion = manifest.Version,
                Omissions = context.Omissions.ToArray(),
            };
        }
        finally
        {
            foreach (var package in staged)
                package.Dispose();
            workspaceLock.Dispose();
            await workspace.CloseAsync(cancellationToken).ConfigureAwait(false);
        }

        void Stage((StagedPackage? Staged, string? Skipped) outcome)
        {
            if (outcome.Staged is not null)
                staged.Add(outcome.Staged);
            if (outcome.Skipped is null)
                return;
            skipped.Add(outcome.Skipped);
            log.Warning(outcome.Skipped);
        }
    }

    /// <summary>
    /// A preview (<see cref="ExportOptions.Preview"/>): each package as the source's counts describe it, shown to
    /// <see cref="ExportOptions.ConfirmPackage"/>; no row is read, nothing is staged, locked or written anywhere.
    /// </summary>
    private static async Task<ExportResult> PreviewAsync(
        ExportContext context,
        string databasePackage,
        string servicePackage,
        CancellationToken cancellationToken
    )
    {
        var outcomes = new (PendingPackage? Pending, string? Skipped)[2];
        await FailFastTasks
            .RunAsync(
                2,
                async (index, ct) =>
                    outcomes[index] =
                        index == 0
                            ? await DatabasePackageExporter.PreviewAsync(context, databasePackage, ct).ConfigureAwait(false)
                            : await ServicePackageExporter.PreviewAsync(context, servicePackage, ct).ConfigureAwait(false),
                slots: null,
                cancellationToken
            )
            .ConfigureAwait(false);
        var skipped = new List<string>();
        foreach (var (pending, skip) in outcomes)
        {
            if (skip is not null)
            {
                skipped.Add(skip);
                context.Log.Warning(skip);
            }
            if (pending is null)
                continue;
            if (context.Options.ConfirmPackage is { } confirm)
                await confirm(pending, cancellationToken).ConfigureAwait(false);
            skipped.Add($"The package '{pending.Name}' was not written: only a preview was asked for.");
        }
        return new ExportResult(context.Database, [], skipped)
        {
            SchemaVersion = context.Manifest.Version,
            Omissions = context.Omissions.ToArray(),
        };
    }

    private static void CheckOptions(ExportOptions options)
    {
        if (options.Concurrency < 1)
            throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.ConcurrencyInvalid,
                $"The concurrency must be at least 1 (tables read at once), not {options.Concurrency}."
            );
    }

    private static PlanAuthor ParseAuthor(string? author)
    {
        try
        {
            return PlanAuthor.Parse(author);
        }
        catch (ArgumentException e)
        {
            throw new ExportException(ExportErrorKind.InvalidArgument, ErrorId.AuthorInvalid, e.Message, e);
        }
    }

    private static IEnumerable<SchemaInfo> SelectSchemas(IReadOnlyList<SchemaInfo> schemas, IReadOnlyList<string>? wanted)
    {
        if (wanted is null)
            return schemas;
        var unknown = wanted.Where(w => !schemas.Any(s => s.Name == w || s.SchemaName == w)).ToList();
        if (unknown.Count > 0)
            throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.SchemaNotFound,
                $"The database has no schema named {string.Join(", ", unknown.Select(u => $"'{u}'"))}. "
                    + $"Its schemas: {string.Join(", ", schemas.Select(s => $"{s.Name} ({s.SchemaName})"))}."
            ).WithTarget(unknown.Count == 1 ? unknown[0] : unknown);
        return schemas.Where(s => wanted.Contains(s.Name) || wanted.Contains(s.SchemaName));
    }
}
