using Pgpm.Export.Errors;

namespace Pgpm.Export.Writing;

/// <summary>
/// Builds one package in a staging directory and moves it into place whole on <see cref="Commit"/>;
/// disposed without a commit, it discards what it wrote (renamed away at once, deleted in the background:
/// <see cref="DiscardedDirectories"/>). Change names are checked here, where they
/// become paths, so nothing is ever written outside the staging directory.
/// </summary>
public sealed class PackageBuilder : IDisposable
{
    private static readonly string[] ScriptKinds = ["deploy", "revert", "verify"];
    private static readonly string[] Generated = ["pgpm.plan", .. ScriptKinds];

    private readonly Workspace _workspace;
    private readonly string _staging;
    private readonly Dictionary<string, string> _changeOrigins = new(StringComparer.Ordinal);
    private bool _committed;

    public PackageBuilder(Workspace workspace, string name)
    {
        CheckName(name);
        _workspace = workspace;
        Name = name;
        TargetPath = workspace.PackagePath(name);
        if (File.Exists(TargetPath))
            throw new ExportException(
                ExportErrorKind.Write,
                ErrorId.PackagePathIsFile,
                $"'{TargetPath}' is a file, so the package '{name}' cannot be written there."
            );
        _staging = workspace.CreateStagingDirectory(name);
    }

    public string Name { get; }
    public string TargetPath { get; }

    /// <summary>Refuses a package name that cannot be a directory or that pgpm would not take (PackageNameInvalid).</summary>
    public static void CheckName(string name)
    {
        var problem = ChangeName.PackageProblem(name);
        if (problem is not null)
            throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.PackageNameInvalid,
                $"'{name}' cannot be a package name: {problem}. "
                    + $"Choose another with {OptionName.ExtensionName} / {OptionName.MetaExtensionName}."
            );
    }

    /// <summary>
    /// Registers a change, refusing a name that is not a safe relative path or that another row already took.
    /// <paramref name="origin"/> names the row (e.g. "sql_actions row 42") for the error message.
    /// </summary>
    public void ClaimChange(string change, string origin)
    {
        var problem = ChangeName.Problem(change);
        if (problem is not null)
            throw new ExportException(
                ExportErrorKind.InvalidData,
                ErrorId.ChangeNameInvalid,
                $"{origin} has the change name {Printable(change)}, which cannot be written: {problem}."
            );
        lock (_changeOrigins)
        {
            if (_changeOrigins.TryGetValue(change, out var first))
                throw new ExportException(
                    ExportErrorKind.InvalidData,
                    ErrorId.ChangeNameDuplicate,
                    $"{first} and {origin} both have the change name '{change}'; a plan can hold it once. Rename one of them at the source."
                );
            _changeOrigins[change] = origin;
        }
    }

    /// <summary>Opens <c>kind/change.sql</c> for writing through its own buffer; the change must have been claimed.</summary>
    public Utf8ScriptOutput CreateScript(string kind, string change) => new(NewScriptFile(kind, change, bufferSize: 0));

    private FileStream NewScriptFile(string kind, string change, int bufferSize)
    {
        bool claimed;
        lock (_changeOrigins)
            claimed = _changeOrigins.ContainsKey(change);
        if (!claimed)
            throw new InvalidOperationException($"The change '{change}' was not claimed before its {kind} script was written.");
        var path = Path.GetFullPath(Path.Combine(_staging, kind, change + ".sql"));
        if (!path.StartsWith(_staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"The {kind} script of '{change}' would land outside the package.");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize);
    }

    /// <summary>
    /// Writes a whole script. Synchronously, on purpose: scripts are small and a package can have thousands, and
    /// an asynchronous write of a small file costs more in thread hops than the write itself.
    /// </summary>
    public Task WriteScriptAsync(string kind, string change, string content, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Encoded through one pooled buffer and written unbuffered: a StreamWriter over a 64 KB FileStream buffer (what
        // a streamed table had) allocated ~70 KB per file, 2 GB for the 30,000 scripts of 10,000 sql_actions.
        using var output = CreateScript(kind, change);
        output.Write(content);
        output.Flush();
        return Task.CompletedTask;
    }

    /// <summary>Opens <c>pgpm.plan</c> in the staging directory, to be written a line at a time as changes are planned.</summary>
    public PlanWriter CreatePlan(PlanAuthor author) =>
        new(
            new FileStream(Path.Combine(_staging, "pgpm.plan"), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0),
            Name,
            author
        );

    /// <summary>Writes <c>pgpm.plan</c> (<see cref="PlanFile"/>) for changes already in plan order.</summary>
    public void WritePlan(IReadOnlyList<PlanChange> changes, PlanAuthor author)
    {
        using var plan = CreatePlan(author);
        plan.WriteAll(changes);
    }

    /// <summary>
    /// Writes the package files and moves the package into place. An existing package keeps
    /// its user files (package.json, README.md, anything else) and gains the control requires it lacks;
    /// its plan and scripts are replaced. With <paramref name="replaceExisting"/> false an existing package is an error.
    /// </summary>
    public PackageSummary Commit(PackageMetadata metadata, PackageKind kind, long rows, bool replaceExisting)
    {
        if (_committed)
            throw new InvalidOperationException("The package was already committed.");
        try
        {
            var controlName = metadata.Name + ".control";
            var existing = Directory.Exists(TargetPath);
            if (existing && !replaceExisting)
                throw new ExportException(
                    ExportErrorKind.AlreadyExists,
                    ErrorId.PackageExists,
                    $"The package '{Name}' already exists at '{TargetPath}'. Use -Force (PowerShell) to replace its plan and scripts."
                );
            if (existing)
            {
                CopyUserFiles(TargetPath, _staging);
                var control = Path.Combine(_staging, controlName);
                File.WriteAllText(
                    control,
                    File.Exists(control)
                        ? PackageFiles.MergeControlRequires(File.ReadAllText(control, Utf8.Strict), metadata.Requires)
                        : PackageFiles.Control(metadata.Name, metadata.Requires),
                    Utf8.Strict
                );
            }
            else
            {
                File.WriteAllText(Path.Combine(_staging, controlName), PackageFiles.Control(metadata.Name, metadata.Requires), Utf8.Strict);
            }
            WriteIfMissing("Makefile", PackageFiles.Makefile(metadata.Name));
            WriteIfMissing("package.json", PackageFiles.PackageJson(metadata));

            _workspace.EnsureWorkspaceFile();
            MoveIntoPlace(existing);
            _committed = true;
            var changes = _changeOrigins.Count;
            return new PackageSummary(Name, kind, TargetPath, changes, rows) { Replaced = existing };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ExportException(
                ExportErrorKind.Write,
                ErrorId.PackageWriteFailed,
                $"Writing the package '{Name}' to '{TargetPath}' failed: {e.Message}",
                e
            );
        }
    }

    public void Dispose()
    {
        if (_committed)
            return;
        _workspace.Discard(_staging, ScriptPaths());
    }

    /// <summary>Where each claimed change's scripts are (or would be) in the staging directory: deleted by name when it is
    /// discarded.</summary>
    private List<string> ScriptPaths()
    {
        lock (_changeOrigins)
            return [.. _changeOrigins.Keys.SelectMany(change => ScriptKinds.Select(kind => Path.Combine(kind, change + ".sql")))];
    }

    private void WriteIfMissing(string file, string content)
    {
        var path = Path.Combine(_staging, file);
        if (!File.Exists(path))
            File.WriteAllText(path, content, Utf8.Strict);
    }

    private void MoveIntoPlace(bool existing)
    {
        if (!existing)
        {
            Directory.Move(_staging, TargetPath);
            return;
        }
        var retired = Path.Combine(_workspace.PackagesPath, $".{Name}.replaced-{Guid.NewGuid():N}");
        Directory.Move(TargetPath, retired);
        try
        {
            Directory.Move(_staging, TargetPath);
        }
        catch
        {
            Directory.Move(retired, TargetPath);
            throw;
        }
        _workspace.Discard(retired);
    }

    private static void CopyUserFiles(string from, string to)
    {
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos())
        {
            if (Generated.Contains(entry.Name, StringComparer.Ordinal))
                continue;
            CopyEntry(entry, Path.Combine(to, entry.Name));
        }
    }

    private static void CopyEntry(FileSystemInfo entry, string destination)
    {
        if (entry is DirectoryInfo dir)
        {
            Directory.CreateDirectory(destination);
            foreach (var child in dir.EnumerateFileSystemInfos())
                CopyEntry(child, Path.Combine(destination, child.Name));
        }
        else
        {
            File.Copy(entry.FullName, destination, overwrite: false);
        }
    }

    /// <summary>A name as it can be shown on one line: control characters escaped.</summary>
    internal static string Printable(string? value)
    {
        if (value is null)
            return "NULL";
        var sb = new System.Text.StringBuilder("'");
        foreach (var c in value)
            sb.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        return sb.Append('\'').ToString();
    }
}
