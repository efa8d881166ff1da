namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>
/// Writes a scenario table to <c>out/test-reports/NAME.md</c>, where CI prints it: <c>dotnet test</c> shows a passing
/// test's output only at detailed verbosity, and the tables are what the reliability tests proved.
/// </summary>
public static class ScenarioReport
{
    public static void Write(string name, IEnumerable<string> lines)
    {
        var directory = RepositoryFiles.Path("out", "test-reports");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name + ".md"), string.Join("\n", lines) + "\n");
    }
}
