using Pgpm.Export.Sandbox;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.PowerShell.Tests.Infrastructure;

/// <summary>
/// What every in-engine test needs once per run: the module folder built by the same `dotnet publish` a user runs
/// (into a temporary folder), and the sample servers (a throwaway PostgreSQL with the real Constructive schema and
/// a real PostGraphile v5 endpoint with a bearer token).
/// </summary>
public sealed class ModuleFixture : IAsyncLifetime
{
    private readonly TempDirectory _root = new();
    private SampleServers? _servers;

    public string ModuleFolder => _root.Combine("Pgpm.Export", RepositoryFiles.Version);
    public string Manifest => Path.Combine(ModuleFolder, "Pgpm.Export.psd1");
    public SampleServers Servers => _servers ?? throw new InvalidOperationException("The sample servers are not running.");

    public async Task InitializeAsync()
    {
        var publish = ProcessRunner.RunAsync(
            "dotnet",
            [
                "publish",
                RepositoryFiles.Path("src", "Pgpm.Export.PowerShell", "Pgpm.Export.PowerShell.csproj"),
                "-c",
                "Release",
                "--nologo",
                "-o",
                _root.Combine("publish"),
                $"-p:ModuleFolder={ModuleFolder}{Path.DirectorySeparatorChar}",
            ]
        );
        var servers = SampleServers.StartAsync(TextWriter.Null, CancellationToken.None);
        await Task.WhenAll(publish, servers);
        _servers = await servers;
        // PostGraphile builds its schema on the first request; answered once here, no test pays for it inside tab
        // completion's few seconds just because it happened to run first.
        using var http = new HttpClient();
        using var warm = new HttpRequestMessage(HttpMethod.Post, _servers.GraphQL.Endpoint)
        {
            Content = new StringContent(
                """{"query":"{ __schema { queryType { name } } }"}""",
                System.Text.Encoding.UTF8,
                "application/json"
            ),
        };
        warm.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _servers.Token);
        (await http.SendAsync(warm)).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (_servers is not null)
            await _servers.DisposeAsync();
        _root.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ModuleCollection : ICollectionFixture<ModuleFixture>
{
    public const string Name = "module in the engine";
}
