using System.Text.Json.Nodes;
using Pgpm.Export.Cli;

namespace Pgpm.Export.Sandbox.Cli;

/// <summary>
/// <c>pgpm-export sandbox --info FILE [--no-introspection]</c>: starts the built-in sample's PostgreSQL and GraphQL
/// endpoint and keeps them running until standard input closes or the process is stopped, for tests in other languages
/// (the Pester tests) and for trying an export by hand. Where to reach them goes into FILE as JSON, readable by the owner
/// only; the token in it is the sandbox's own throwaway one. With --no-introspection the endpoint refuses introspection
/// as Constructive's server can, so an export has to work from a manifest (docs/graphql.md).
/// </summary>
internal static class SandboxCommand
{
    /// <param name="input">Runs until this reader ends (the process's standard input).</param>
    public static async Task<int> RunAsync(
        string infoPath,
        bool introspectionDisabled,
        TextWriter output,
        TextReader input,
        CancellationToken cancellationToken
    )
    {
        await using var servers = await SampleServers.StartAsync(output, cancellationToken, introspectionDisabled).ConfigureAwait(false);
        var info = new JsonObject
        {
            ["connectionString"] = servers.ConnectionString,
            ["graphqlEndpoint"] = servers.GraphQL.Endpoint.ToString(),
            ["token"] = servers.Token,
            ["databaseId"] = SampleDatabase.SampleId.ToString(),
            ["databaseName"] = SampleDatabase.SampleName,
            ["introspection"] = introspectionDisabled ? "disabled" : "enabled",
        }.ToJsonString();
        var full = Path.GetFullPath(infoPath);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var writer = new StreamWriter(new FileStream(full, options)))
            await writer.WriteAsync(info).ConfigureAwait(false);
        output.WriteLine($"READY {full}");
        output.Flush();

        // Runs until whoever started it closes our standard input, or stops us.
        var stdinClosed = Task.Run(
            () =>
            {
                while (input.Read() >= 0) { }
            },
            CancellationToken.None
        );
        await Task.WhenAny(stdinClosed, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
        output.WriteLine("Stopping PostGraphile and PostgreSQL.");
        return CliApplication.Success;
    }
}
