using Pgpm.Export.PowerShell.Tests.Infrastructure;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.PowerShell.Tests.Cmdlets;

/// <summary>
/// The README's way to keep rows and export them later (Export-Clixml, then Import-Clixml | Export-PgpmProject) writes
/// the same bytes as a direct export, arrays and NULLs included; CSV is documented as for reading only (a newcomer's
/// trial, item 2).
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class RowFileRoundTripTests(ModuleFixture module)
{
    [Fact]
    public void Rows_kept_as_Clixml_export_the_same_bytes_as_the_source()
    {
        using var shell = new PowerShellRun(module);
        using var folder = new TempDirectory();
        var result = shell.Invoke(
            """
            param($folder)
            $s = New-PgpmExportSource -ConnectionString $connectionString
            try {
                Export-PgpmProject -Source $s -DatabaseId $databaseId -OutputPath (Join-Path $folder direct) | Out-Null
                & { Get-ExportTable -Source $s -DatabaseId $databaseId; Get-ExportSqlAction -Source $s -DatabaseId $databaseId } |
                    Export-Clixml (Join-Path $folder rows.xml)
                (Import-Clixml (Join-Path $folder rows.xml) | Where-Object { $_.PSObject.Properties.Value -is [array] }).Count
                Import-Clixml (Join-Path $folder rows.xml) |
                    Export-PgpmProject -Source $s -DatabaseId $databaseId -OutputPath (Join-Path $folder kept) | Out-Null
            } finally { $s.Dispose() }
            """,
            folder.Path
        );
        Assert.Null(result.Error);
        Assert.True((int)result.Output.Single().BaseObject > 0, "the sample has rows with array columns");
        var direct = Files(folder.Combine("direct"));
        Assert.True(direct.Count >= 10);
        Assert.Equal(direct, Files(folder.Combine("kept")));
    }

    private static Dictionary<string, string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllText);
}
