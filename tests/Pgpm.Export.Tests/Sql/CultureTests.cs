using System.Globalization;
using Pgpm.Export.Sources.Sql;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.Sql;

/// <summary>
/// The export does not depend on the user's culture. In Hebrew, Arabic and Persian cultures .NET's negative sign is not
/// a plain '-' (ICU adds a direction mark), so a '-1' in a connection string that Npgsql parses with the current culture
/// failed; Turkish folds 'I' differently and German writes decimals with a comma. A user's locale must change nothing
/// a package holds, over the engine and the command line.
/// </summary>
[Collection(PostgresCollection.Name)]
public class CultureTests(PostgresFixture postgres)
{
    public static TheoryData<string> Cultures => ["he-IL", "ar-SA", "fa-IR", "tr-TR", "de-DE"];

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task A_SQL_export_in_any_culture_writes_the_bytes_of_the_invariant_culture(string name)
    {
        var database = await postgres.NewFixtureDatabaseAsync("culture_" + name.Replace('-', '_').ToLowerInvariant());
        using var output = new TempDirectory();
        var invariant = output.Combine("invariant");
        var local = output.Combine("local");
        await InCulture(CultureInfo.InvariantCulture, () => SqlExport.RunAsync(postgres, database, invariant));

        await InCulture(CultureInfo.GetCultureInfo(name), () => SqlExport.RunAsync(postgres, database, local));

        Assert.Equal(TempDirectory.Snapshot(invariant), TempDirectory.Snapshot(local));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task The_command_line_lists_databases_in_any_culture(string name)
    {
        var database = await postgres.NewFixtureDatabaseAsync("culture_cli_" + name.Replace('-', '_').ToLowerInvariant());
        var (exit, output, error) = await InCulture(CultureInfo.GetCultureInfo(name), () =>
            CliRun.RunAsync("databases", "-c", postgres.Server.ConnectionString(database))
        );
        Assert.True(exit == 0, error);
        Assert.Contains("acme-crm", output);
    }

    [Fact]
    public async Task A_connection_string_with_a_negative_number_opens_in_a_culture_whose_minus_is_not_ascii()
    {
        var database = await postgres.NewFixtureDatabaseAsync("culture_minus");
        await InCulture(CultureInfo.GetCultureInfo("he-IL"), async () =>
        {
            await using var source = await SqlExportSource.OpenAsync(
                postgres.Server.ConnectionString(database) + ";Cancellation Timeout=-1;Command Timeout=30"
            );
            Assert.Contains(await source.ListDatabasesAsync(CancellationToken.None), d => d.Id == SqlExport.Acme);
            return 0;
        });
    }

    private static async Task<T> InCulture<T>(CultureInfo culture, Func<Task<T>> action)
    {
        var (culturePrevious, uiPrevious) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
            return await action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culturePrevious, uiPrevious);
        }
    }
}
