using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace Pgpm.Export.PowerShell.Tests.Infrastructure;

/// <summary>
/// One runspace of the real engine with the built module imported, as a user has it after Import-Module.
/// Scripts run with the sample servers' values as variables: $endpoint, $token (SecureString), $plainToken,
/// $connectionString, $databaseId, $databaseName.
/// </summary>
public sealed class PowerShellRun : IDisposable
{
    private readonly Runspace _runspace;

    public PowerShellRun(ModuleFixture module, TestHost? host = null)
    {
        Host = host ?? new TestHost(interactive: false);
        var state = InitialSessionState.CreateDefault2();
        _runspace = RunspaceFactory.CreateRunspace(Host, state);
        _runspace.Open();
        var servers = module.Servers;
        Invoke(
                """
                param($manifest, $endpoint, $plainToken, $connectionString, $databaseId, $databaseName)
                Import-Module $manifest -ErrorAction Stop
                $global:endpoint = $endpoint
                $global:plainToken = $plainToken
                $global:token = ConvertTo-SecureString $plainToken -AsPlainText -Force
                $global:connectionString = $connectionString
                $global:databaseId = [guid]$databaseId
                $global:databaseName = $databaseName
                """,
                module.Manifest,
                servers.GraphQL.Endpoint.ToString(),
                servers.Token,
                servers.ConnectionString,
                Pgpm.Export.Sandbox.SampleDatabase.SampleId.ToString(),
                Pgpm.Export.Sandbox.SampleDatabase.SampleName
            )
            .ThrowOnError();
    }

    public TestHost Host { get; }

    /// <summary>Runs a script (with positional arguments bound to its param block) and collects every stream.</summary>
    public Result Invoke(string script, params object?[] arguments)
    {
        using var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript(script);
        foreach (var argument in arguments)
            shell.AddArgument(argument);
        try
        {
            var output = shell.Invoke();
            return new Result(output, [.. shell.Streams.Error], [.. shell.Streams.Warning], null);
        }
        catch (RuntimeException e)
        {
            return new Result([], [.. shell.Streams.Error], [.. shell.Streams.Warning], e);
        }
    }

    /// <summary>
    /// Starts a script without waiting for it, for tests that stop it as Ctrl+C does (<c>Stop</c>/<c>BeginStop</c>);
    /// the caller disposes the returned instance.
    /// </summary>
    public System.Management.Automation.PowerShell Start(string script, out IAsyncResult running, params object?[] arguments)
    {
        var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript(script);
        foreach (var argument in arguments)
            shell.AddArgument(argument);
        running = shell.BeginInvoke();
        return shell;
    }

    public void Dispose() => _runspace.Dispose();

    /// <summary>What a script produced; <see cref="Thrown"/> is the terminating error, if any.</summary>
    public sealed record Result(
        Collection<PSObject> Output,
        IReadOnlyList<ErrorRecord> Errors,
        IReadOnlyList<WarningRecord> Warnings,
        RuntimeException? Thrown
    )
    {
        /// <summary>The terminating error or else the first non-terminating one.</summary>
        public ErrorRecord? Error => Thrown?.ErrorRecord ?? Errors.FirstOrDefault();

        public Result ThrowOnError()
        {
            if (Error is { } error)
                throw new InvalidOperationException($"The script failed: {error.FullyQualifiedErrorId}: {error}");
            return this;
        }
    }
}
