using Pgpm.Export.PowerShell.Tests.Infrastructure;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.PowerShell.Tests.Cmdlets;

/// <summary>
/// Each row says its table in a property (<c>Pgpm.Table</c>) that survives what a type name does not: Select-Object,
/// Export-Csv/Import-Csv, ConvertTo-Json/ConvertFrom-Json; and the idioms README and help show work.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class RowTableTests(ModuleFixture module)
{
    [Theory]
    [InlineData("$rows")]
    [InlineData("$rows | Select-Object *")]
    [InlineData("$rows | Select-Object name, Pgpm.Table")]
    [InlineData("$rows | Export-Csv $csv; Import-Csv $csv")]
    [InlineData("$rows | ConvertTo-Json -Depth 5 | ConvertFrom-Json")]
    [InlineData("[Management.Automation.PSSerializer]::Deserialize([Management.Automation.PSSerializer]::Serialize($rows))")]
    public void A_row_carries_its_table_through_the_usual_commands(string pipeline)
    {
        using var shell = new PowerShellRun(module);
        using var folder = new TempDirectory();
        var result = shell.Invoke(
            $$"""
            param($csv)
            $rows = Get-ExportTable -ConnectionString $connectionString -DatabaseId $databaseId -Name field, apis
            & { {{pipeline}} } | ForEach-Object { $_.'Pgpm.Table' } | Sort-Object -Unique
            """,
            folder.Combine("rows.csv")
        );
        Assert.Null(result.Error);
        Assert.Equal(["metaschema_public.field", "services_public.apis"], result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void The_table_comes_first_in_a_list_and_is_no_column_of_the_row()
    {
        using var shell = new PowerShellRun(module);
        var result = shell.Invoke(
            """
            $row = Get-ExportTable -ConnectionString $connectionString -DatabaseId $databaseId -Name database
            $row.PSObject.Properties.Name[0]
            ($row | Format-List | Out-String -Width 200) -match '(?m)^Pgpm\.Table\s*: metaschema_public\.database\s*$'
            """
        );
        Assert.Null(result.Error);
        Assert.Equal(["Pgpm.Table", "True"], result.Output.Select(o => o.ToString()));
    }

    /// <summary>Get-ExportTable's CSV example: one file per table, each with exactly its own table's columns.</summary>
    [Fact]
    public void The_help_example_saves_each_table_as_a_CSV_file_of_its_own_columns()
    {
        using var shell = new PowerShellRun(module);
        using var folder = new TempDirectory();
        var result = shell.Invoke(
            """
            param($folder)
            Set-Location $folder
            $source = New-PgpmExportSource -ConnectionString $connectionString
            $db = Get-ExportDatabase -Source $source -Name $databaseName
            try {
                Get-ExportTable -Source $source -DatabaseId $db.Id -Name 'services_public.*' |
                    Group-Object Pgpm.Table | ForEach-Object { $_.Group | Export-Csv "./$($_.Name).csv" }
                foreach ($table in Get-ExportTable -Source $source -DatabaseId $db.Id -Name 'services_public.*' | Group-Object Pgpm.Table) {
                    $expected = $table.Group[0].PSObject.Properties.Name -join ','
                    $saved = (Import-Csv "./$($table.Name).csv" | Select-Object -First 1).PSObject.Properties.Name -join ','
                    "$($table.Name) $($expected -eq $saved) $((Import-Csv "./$($table.Name).csv").Count -eq $table.Count)"
                }
            }
            finally { $source.Dispose() }
            """,
            folder.Path
        );
        Assert.Null(result.Error);
        Assert.Equal(
            [
                "services_public.api_schemas True True",
                "services_public.apis True True",
                "services_public.domains True True",
                "services_public.sites True True",
            ],
            result.Output.Select(o => o.ToString()).Order(StringComparer.Ordinal)
        );
    }

    /// <summary>
    /// The README's filter idiom, on rows that went through Select-Object, leaves out exactly one table's rows, and
    /// rows that lost their type name (JSON) still go back into Export-PgpmProject by their table property.
    /// </summary>
    [Fact]
    public void The_filter_idiom_and_rows_without_their_type_name_write_the_same_packages()
    {
        using var shell = new PowerShellRun(module);
        using var folder = new TempDirectory();
        var result = shell.Invoke(
            """
            param($direct, $json)
            $source = New-PgpmExportSource -ConnectionString $connectionString
            try {
                $rows = Get-ExportTable -Source $source -DatabaseId $databaseId
                $kept = $rows | Select-Object * | Where-Object Pgpm.Table -ne 'metaschema_modules_public.rls_module'
                "$($rows.Count - $kept.Count) $(@($rows | Where-Object { $_.PSObject.TypeNames[0] -like '*.rls_module' }).Count)"
                & { $kept; Get-ExportSqlAction -Source $source -DatabaseId $databaseId } |
                    Export-PgpmProject -Source $source -DatabaseId $databaseId -OutputPath $direct | Out-Null
                $kept | ConvertTo-Json -Depth 5 | ConvertFrom-Json |
                    Export-PgpmProject -Source $source -DatabaseId $databaseId -OutputPath $json | Out-Null
            }
            finally { $source.Dispose() }
            """,
            folder.Combine("direct"),
            folder.Combine("json")
        );
        Assert.Null(result.Error);
        var counts = result.Output.Single().ToString()!.Split(' ');
        Assert.NotEqual("0", counts[0]);
        Assert.Equal(counts[1], counts[0]);
        var service = Path.Combine("packages", "pets-service");
        var direct = TempDirectory.Snapshot(folder.Combine("direct", service));
        Assert.DoesNotContain(direct.Keys, k => k.Contains("rls_module"));
        Assert.Equal(direct, TempDirectory.Snapshot(folder.Combine("json", service)));
    }
}
