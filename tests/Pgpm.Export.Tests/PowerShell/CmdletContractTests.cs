using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Pgpm.Export.HelpBuilder;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.PowerShell;

/// <summary>
/// The cmdlet surface of the built module, read by reflection (no PowerShell runs here): names and verbs,
/// the manifest, parameter sets, pipeline binding, output types, ShouldProcess, secrets, and help that
/// documents exactly the parameters there are.
/// </summary>
[Collection(ModuleFolderCollection.Name)]
public sealed class CmdletContractTests(ModuleFolderFixture module) : IDisposable
{
    private static readonly string[] SourceSets = ["ConnectionString", "GraphQL", "Source"];
    private readonly CmdletMetadata _metadata = new(module.ModuleFolder);

    public void Dispose() => _metadata.Dispose();

    private static CmdletHelp Help(string cmdlet)
    {
        var file = RepositoryFiles.Path("docs", "en-US", cmdlet + ".md");
        return MarkdownHelpParser.Parse(File.ReadAllText(file, Encoding.UTF8), file);
    }

    private static string ManifestText => File.ReadAllText(RepositoryFiles.Path("Pgpm.Export.psd1"));

    [Fact]
    public void The_cmdlets_use_approved_verbs_and_are_exactly_what_the_manifest_exports()
    {
        var approved = _metadata.ApprovedVerbs();
        Assert.Contains("Get", approved);
        Assert.All(_metadata.Cmdlets, c => Assert.Contains(c.Verb, approved));
        Assert.All(_metadata.Cmdlets, c => Assert.Equal(c.Verb + c.Noun + "Command", c.Type.Name));

        var block = Regex.Match(ManifestText, @"CmdletsToExport\s*=\s*@\(([^)]*)\)").Groups[1].Value;
        var exported = Regex.Matches(block, "'([^']+)'").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);
        Assert.Equal(_metadata.Cmdlets.Select(c => c.Name), exported);
        Assert.Equal(
            [
                "Export-PgpmProject",
                "Get-ExportDatabase",
                "Get-ExportSchema",
                "Get-ExportSqlAction",
                "Get-ExportTable",
                "New-PgpmExportSource",
            ],
            _metadata.Cmdlets.Select(c => c.Name)
        );
    }

    [Fact]
    public void The_manifest_names_what_the_module_folder_holds()
    {
        var text = ManifestText;
        string Value(string key) => Regex.Match(text, key + @"\s*=\s*'([^']*)'").Groups[1].Value;
        Assert.True(File.Exists(Path.Combine(module.ModuleFolder, Value("RootModule"))));
        Assert.Equal("7.4", Value("PowerShellVersion"));
        Assert.Matches(@"CompatiblePSEditions\s*=\s*@\('Core'\)", text);
        var formats = Regex.Match(text, @"FormatsToProcess\s*=\s*@\('([^']+)'\)").Groups[1].Value;
        Assert.True(File.Exists(Path.Combine(module.ModuleFolder, formats)), formats);
        Assert.Matches(@"LicenseUri\s*=\s*'https://", text);
        Assert.Matches(@"Tags\s*=\s*@\('pgpm'", text);
        Assert.Matches(@"FunctionsToExport\s*=\s*@\(\)", text);
    }

    [Fact]
    public void Every_cmdlet_takes_its_source_in_three_unambiguous_parameter_sets()
    {
        foreach (var cmdlet in _metadata.Cmdlets)
        {
            var expected = cmdlet.Name == "New-PgpmExportSource" ? SourceSets.Where(s => s != "Source") : SourceSets;
            Assert.Equal(expected, cmdlet.ParameterSets.Order(StringComparer.Ordinal));
            // With no source on the line the connection-string set binds and reads $env:PGPM_EXPORT_CONNECTION_STRING, as the CLI does.
            Assert.Equal("ConnectionString", cmdlet.DefaultParameterSet);
            foreach (var set in cmdlet.ParameterSets)
            {
                // A set is chosen by a parameter only it has (mandatory except in the default set), so binding never has two candidates.
                var own = cmdlet
                    .Parameters.Where(p =>
                        p.Sets.Any(s => s.Name == set && s.Mandatory == (set != cmdlet.DefaultParameterSet))
                        && p.Sets.All(s => s.Name == set)
                    )
                    .ToList();
                Assert.True(own.Count == 1, $"{cmdlet.Name} set {set} has {own.Count} parameters of its own");
            }
            var positions = cmdlet.Parameters.SelectMany(p => p.Sets.Select(s => s.Position)).Where(p => p != int.MinValue).ToList();
            Assert.Equal(positions.Distinct().Count(), positions.Count);
        }
    }

    [Fact]
    public void Pipeline_binding_is_as_designed()
    {
        static string Binding(CmdletMetadata.CmdletInfo c) =>
            string.Join(
                " ",
                c.Parameters.Where(p => p.Sets.Any(s => s.FromPipeline || s.FromPipelineByPropertyName))
                    .Select(p => $"{p.Name}:{(p.Sets.Any(s => s.FromPipeline) ? "value" : "name")}")
            );
        Assert.Equal("", Binding(_metadata["New-PgpmExportSource"]));
        Assert.Equal("", Binding(_metadata["Get-ExportDatabase"]));
        Assert.Equal("DatabaseId:name", Binding(_metadata["Get-ExportSchema"]));
        Assert.Equal("DatabaseId:name", Binding(_metadata["Get-ExportTable"]));
        Assert.Equal("DatabaseId:name", Binding(_metadata["Get-ExportSqlAction"]));
        // Rows have an id property: -DatabaseId taking Id by name would bind every row's own id.
        Assert.Equal("InputObject:value", Binding(_metadata["Export-PgpmProject"]));
        // A row's database_id is tried before Id (a database's, or a row's own key): PowerShell tries aliases in order.
        foreach (var name in new[] { "Get-ExportSchema", "Get-ExportTable", "Get-ExportSqlAction" })
            Assert.Equal(["database_id", "Id"], _metadata[name].Parameters.Single(p => p.Name == "DatabaseId").Aliases);
    }

    [Fact]
    public void Output_types_and_ShouldProcess_are_as_designed()
    {
        Assert.Equal(["Pgpm.Export.Commands.PgpmExportSource"], _metadata["New-PgpmExportSource"].OutputTypes);
        Assert.Equal(["Pgpm.Export.Model.DatabaseInfo"], _metadata["Get-ExportDatabase"].OutputTypes);
        Assert.Equal(["Pgpm.Export.Model.SchemaInfo"], _metadata["Get-ExportSchema"].OutputTypes);
        Assert.Equal(["Pgpm.Export.Row", "Pgpm.Export.Commands.ExportTableInfo"], _metadata["Get-ExportTable"].OutputTypes);
        Assert.Equal(["Pgpm.Export.Row#db_migrate.sql_actions"], _metadata["Get-ExportSqlAction"].OutputTypes);
        Assert.Equal(["Pgpm.Export.Writing.PackageSummary"], _metadata["Export-PgpmProject"].OutputTypes);
        Assert.Equal(["Export-PgpmProject"], _metadata.Cmdlets.Where(c => c.SupportsShouldProcess).Select(c => c.Name));
    }

    [Fact]
    public void Secrets_are_taken_only_as_SecureString_or_PSCredential()
    {
        foreach (var parameter in _metadata.Cmdlets.SelectMany(c => c.Parameters))
        {
            if (parameter.Name == "Token")
                Assert.Equal("SecureString", parameter.TypeName);
            if (parameter.Name == "Credential")
                Assert.True(parameter.TypeName == "PSCredential" && parameter.IsCredential);
            Assert.False(
                parameter.TypeName == "String" && Regex.IsMatch(parameter.Name, "Token|Password|Secret|Key", RegexOptions.IgnoreCase),
                parameter.Name
            );
        }
    }

    [Fact]
    public void Every_parameter_is_documented_as_it_is_and_nothing_else_is()
    {
        foreach (var cmdlet in _metadata.Cmdlets)
        {
            var help = Help(cmdlet.Name);
            Assert.Equal(cmdlet.Name, help.Name);
            Assert.Equal(
                cmdlet.Parameters.Select(p => p.Name).Order(StringComparer.Ordinal),
                help.Parameters.Select(p => p.Name).Order(StringComparer.Ordinal)
            );
            foreach (var parameter in cmdlet.Parameters)
            {
                var doc = help.Parameters.Single(p => p.Name == parameter.Name);
                var where = $"{cmdlet.Name} -{parameter.Name}";
                Assert.False(string.IsNullOrWhiteSpace(doc.Description), where);
                Assert.Equal((where, parameter.TypeName), (where, doc.Type));
                var sets = parameter.Sets.Select(s => s.Name).ToList();
                Assert.Equal(
                    (where, sets.SequenceEqual([CmdletMetadata.AllSets]) ? "(All)" : string.Join(", ", sets)),
                    (where, string.Join(", ", doc.ParameterSets))
                );
                Assert.Equal((where, parameter.Sets.Any(s => s.Mandatory)), (where, doc.Required));
                var position = parameter.Sets.Select(s => s.Position).Max();
                Assert.Equal((where, position == int.MinValue ? "Named" : position.ToString()), (where, doc.Position));
                var byValue = parameter.Sets.Any(s => s.FromPipeline);
                var byName = parameter.Sets.Any(s => s.FromPipelineByPropertyName);
                var pipeline = (byName, byValue) switch
                {
                    (true, true) => "True (ByPropertyName, ByValue)",
                    (true, _) => "True (ByPropertyName)",
                    (_, true) => "True (ByValue)",
                    _ => "False",
                };
                Assert.Equal((where, pipeline), (where, doc.PipelineInput));
                Assert.Equal((where, string.Join(", ", parameter.Aliases)), (where, string.Join(", ", doc.Aliases)));
                Assert.Equal((where, parameter.Wildcards), (where, doc.Wildcards));
            }
        }
    }

    [Fact]
    public void Every_page_has_its_syntax_per_set_examples_inputs_and_outputs()
    {
        foreach (var cmdlet in _metadata.Cmdlets)
        {
            var help = Help(cmdlet.Name);
            Assert.False(string.IsNullOrWhiteSpace(help.Synopsis), cmdlet.Name);
            Assert.True(help.Description.Length > 200, cmdlet.Name);
            Assert.True(help.Examples.Count >= 2, cmdlet.Name);
            Assert.All(help.Examples, e => Assert.Contains(cmdlet.Name, e.Code));
            Assert.All(help.Examples, e => Assert.False(string.IsNullOrWhiteSpace(e.Remarks), e.Title));
            Assert.NotEmpty(help.Inputs);
            Assert.NotEmpty(help.Outputs);
            Assert.Equal(cmdlet.ParameterSets.Order(StringComparer.Ordinal), help.Syntax.Select(s => s.Name).Order(StringComparer.Ordinal));
            Assert.Equal(cmdlet.DefaultParameterSet, help.Syntax.Single(s => s.IsDefault).Name);
            foreach (var set in help.Syntax)
            {
                var inSet = cmdlet
                    .Parameters.Where(p => p.Sets.Any(s => s.Name == set.Name || s.Name == CmdletMetadata.AllSets))
                    .Select(p => p.Name);
                var written = Regex
                    .Matches(set.Line, @"(?<=[\s\[])-(\w+)")
                    .Select(m => m.Groups[1].Value)
                    .Where(n => n != "CommonParameters");
                Assert.Equal(inSet.Order(StringComparer.Ordinal), written.Order(StringComparer.Ordinal));
                Assert.StartsWith(cmdlet.Name + " ", set.Line);
            }
        }
        var about = File.ReadAllText(RepositoryFiles.Path("docs", "en-US", "about_Pgpm.Export.md"));
        foreach (var section in new[] { "## SOURCES", "## DIALECTS", "## METADATA ONLY", "## TOKEN HANDLING", "## LOSSY SERVERS" })
            Assert.Contains(section, about);
    }

    [Fact]
    public void The_built_MAML_is_well_formed_and_describes_every_cmdlet()
    {
        var maml = XDocument.Load(Path.Combine(module.ModuleFolder, "en-US", "Pgpm.Export.PowerShell.dll-Help.xml"));
        XNamespace command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        XNamespace maml_ = "http://schemas.microsoft.com/maml/2004/10";
        var commands = maml.Root!.Elements(command + "command").ToList();
        Assert.Equal(
            _metadata.Cmdlets.Select(c => c.Name),
            commands.Select(c => c.Element(command + "details")!.Element(command + "name")!.Value)
        );
        foreach (var (element, cmdlet) in commands.Zip(_metadata.Cmdlets))
        {
            var parameters = element
                .Element(command + "parameters")!
                .Elements(command + "parameter")
                .Select(p => p.Element(maml_ + "name")!.Value);
            Assert.Equal(cmdlet.Parameters.Select(p => p.Name).Order(StringComparer.Ordinal), parameters.Order(StringComparer.Ordinal));
            Assert.Equal(cmdlet.ParameterSets.Count, element.Element(command + "syntax")!.Elements(command + "syntaxItem").Count());
            Assert.True(element.Element(command + "examples")!.Elements(command + "example").Count() >= 2);
        }
        Assert.True(File.Exists(Path.Combine(module.ModuleFolder, "en-US", "about_Pgpm.Export.help.txt")));
    }

    [Fact]
    public void The_format_file_is_well_formed_and_its_views_select_types_the_module_outputs()
    {
        var format = XDocument.Load(Path.Combine(module.ModuleFolder, "Pgpm.Export.Format.ps1xml"));
        var selected = format.Descendants("TypeName").Select(t => t.Value).ToList();
        var outputs = _metadata.Cmdlets.SelectMany(c => c.OutputTypes).ToHashSet();
        Assert.All(selected, t => Assert.Contains(t, outputs));
        foreach (
            var wanted in new[]
            {
                "Pgpm.Export.Model.DatabaseInfo",
                "Pgpm.Export.Row#db_migrate.sql_actions",
                "Pgpm.Export.Writing.PackageSummary",
            }
        )
            Assert.Contains(wanted, selected);
        foreach (var view in format.Descendants("TableControl"))
            Assert.Equal(view.Descendants("TableColumnHeader").Count(), view.Descendants("TableColumnItem").Count());
    }

    [Fact]
    public async Task Npgsql_loads_in_the_modules_own_context_and_the_modules_own_assemblies_in_the_default_one()
    {
        Assert.False(File.Exists(Path.Combine(module.ModuleFolder, "Npgsql.dll")));
        Assert.True(File.Exists(Path.Combine(module.ModuleFolder, "dependencies", "Npgsql.dll")));
        Assert.True(File.Exists(Path.Combine(module.ModuleFolder, "Pgpm.Export.Core.dll")));
        Assert.Empty(Directory.GetFiles(module.ModuleFolder, "System.Management.Automation.dll", SearchOption.AllDirectories));

        var probe = await Pgpm.Export.Sandbox.ProcessRunner.RunAsync("dotnet", [module.ProbeAssembly, module.ModuleFolder]);
        var lines = probe.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("before-import: 6 cmdlets, 1 initializer", lines);
        Assert.Contains("loaded: Pgpm.Export.PowerShell in Default", lines);
        Assert.Contains("loaded: Pgpm.Export.Core in Default", lines);
        Assert.Contains("loaded: Pgpm.Export.Commands in Default", lines);
        Assert.Contains("loaded: Npgsql in Pgpm.Export", lines);
        Assert.DoesNotContain(lines, l =>
            l.StartsWith("loaded: Npgsql in Default") || l.StartsWith("loaded: Pgpm.Export.Core in Pgpm.Export")
        );
    }

    [Fact]
    public void Every_option_a_message_names_is_a_real_flag_and_a_real_cmdlet_parameter()
    {
        var flags = typeof(Pgpm.Export.Cli.CliOptions)
            .GetProperties()
            .Select(p => p.GetValue(new Pgpm.Export.Cli.CliOptions()))
            .OfType<System.CommandLine.Option>()
            .Select(o => o.Name)
            .ToHashSet();
        var parameters = _metadata.Cmdlets.SelectMany(c => c.Parameters).Select(p => "-" + p.Name).ToHashSet();
        Assert.All(Pgpm.Export.Errors.OptionName.All, option =>
        {
            Assert.Contains(option.CommandLine.Split(' ')[0], flags);
            Assert.Contains(option.PowerShell.Split(',', ' ')[0], parameters);
        });
    }

    [Fact]
    public void The_Pester_tests_run_every_cmdlet()
    {
        var pester = Directory.GetFiles(RepositoryFiles.Path("tests", "Pester"), "*.Tests.ps1");
        Assert.NotEmpty(pester);
        var text = string.Concat(pester.Select(File.ReadAllText));
        foreach (var cmdlet in _metadata.Cmdlets)
            Assert.Matches(@"(^|[\s|({])" + Regex.Escape(cmdlet.Name) + @"\s+-", text);
    }
}
