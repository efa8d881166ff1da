namespace Pgpm.Export.Tests.Infrastructure;

public static class FixtureFiles
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
