using Pgpm.Export.Commands;
using Pgpm.Export.Errors;
using Pgpm.Export.Logging;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.Reliability;

/// <summary>A real PostGraphile server behind an HTTPS endpoint whose certificate is self-signed.</summary>
[Collection(PostgresCollection.Name)]
public class TlsTests(PostgresFixture postgres)
{
    private const string Token = "tok-TLS-5e1f-aa07";

    [Fact]
    public async Task An_untrusted_certificate_is_refused_by_default_and_accepted_only_when_asked_with_a_warning()
    {
        var database = await postgres.NewSampleDatabaseAsync("tls");
        await using var server = await GraphQLExport.StartAsync(postgres, database, GraphQLDialect.Default, token: Token);
        await using var https = await FaultProxy.StartAsync(server.Endpoint, SelfSignedCertificate.ForLoopback());
        Assert.Equal("https", https.Endpoint.Scheme);
        Environment.SetEnvironmentVariable("PGPM_EXPORT_TOKEN", Token);
        try
        {
            using var refused = new TempDirectory();
            var (exit, stdout, stderr) = await CliRun.RunAsync(
                "--graphql-endpoint",
                https.Endpoint.ToString(),
                "--database",
                "pets",
                "--out",
                refused.Path
            );
            Assert.Equal(1, exit);
            Assert.Equal("", stdout);
            Assert.Contains($"The TLS connection to {https.Endpoint} failed", stderr);
            Assert.Contains("certificate", stderr);
            Assert.Contains("--skip-certificate-check", stderr);
            Assert.DoesNotContain("retrying", stderr);
            Assert.Empty(Directory.EnumerateFileSystemEntries(refused.Path));

            using var plain = new TempDirectory();
            Assert.Equal(
                0,
                (await CliRun.RunAsync("--graphql-endpoint", server.Endpoint.ToString(), "--database", "pets", "--out", plain.Path)).Exit
            );
            using var accepted = new TempDirectory();
            (exit, _, stderr) = await CliRun.RunAsync(
                "--graphql-endpoint",
                https.Endpoint.ToString(),
                "--database",
                "pets",
                "--out",
                accepted.Path,
                "--skip-certificate-check"
            );
            Assert.Equal(0, exit);
            Assert.Contains($"warning: TLS certificate checks are off for {https.Endpoint}", stderr);
            WorkspaceAssert.Identical(plain.Path, accepted.Path, minimumFiles: 10);
            Assert.DoesNotContain(Token, stderr);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PGPM_EXPORT_TOKEN", null);
        }

        // The PowerShell adapter's path: the same refusal when opening the source.
        var error = await Assert.ThrowsAsync<ExportException>(() =>
            SourceOpener.OpenAsync(
                new SourceRequest { GraphQLEndpoint = https.Endpoint.ToString(), Token = Token },
                NullExportLog.Instance,
                CancellationToken.None
            )
        );
        Assert.Equal("GraphQLCertificateRejected", error.ErrorId);
        Assert.Contains("-SkipCertificateCheck", OptionName.Render(error.Message, Vocabulary.PowerShell));
        Assert.DoesNotContain(Token, error.ToString());
    }
}
