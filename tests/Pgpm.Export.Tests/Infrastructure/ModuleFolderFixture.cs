using Pgpm.Export.Sandbox;
using Xunit;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>
/// The PowerShell module folder, built once per run by the same `dotnet publish` a user runs (into a temporary
/// folder), and the probe that loads it the way PowerShell does.
/// </summary>
public sealed class ModuleFolderFixture : IAsyncLifetime
{
    private readonly TempDirectory _root = new();

    public string ModuleFolder => _root.Combine("Pgpm.Export", RepositoryFiles.Version);
    public string ProbeAssembly => _root.Combine("probe", "Pgpm.Export.ModuleProbe.dll");

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
        var probe = ProcessRunner.RunAsync(
            "dotnet",
            [
                "build",
                RepositoryFiles.Path("tests", "Pgpm.Export.ModuleProbe", "Pgpm.Export.ModuleProbe.csproj"),
                "-c",
                "Release",
                "--nologo",
                "-o",
                _root.Combine("probe"),
            ]
        );
        await Task.WhenAll(publish, probe);
    }

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class ModuleFolderCollection : ICollectionFixture<ModuleFolderFixture>
{
    public const string Name = "module folder";
}
