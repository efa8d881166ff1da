using System.Text;
using Pgpm.Export.HelpBuilder;

// pgpm help builder: <docs/en-US> <output en-US folder> <cmdlet assembly file name>
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: Pgpm.Export.HelpBuilder <markdown folder> <output folder> <cmdlet assembly file name>");
    return 2;
}
var (source, output, assembly) = (args[0], args[1], args[2]);
try
{
    var cmdlets = Directory
        .EnumerateFiles(source, "*-*.md")
        .Order(StringComparer.Ordinal)
        .Select(f => MarkdownHelpParser.Parse(File.ReadAllText(f, Encoding.UTF8), f))
        .ToList();
    Directory.CreateDirectory(output);
    File.WriteAllText(Path.Combine(output, assembly + "-Help.xml"), MamlWriter.Render(cmdlets), new UTF8Encoding(false));
    foreach (var about in Directory.EnumerateFiles(source, "about_*.md").Order(StringComparer.Ordinal))
        File.WriteAllText(
            Path.Combine(output, Path.GetFileNameWithoutExtension(about) + ".help.txt"),
            AboutTopicWriter.Render(File.ReadAllText(about, Encoding.UTF8)),
            new UTF8Encoding(false)
        );
    Console.WriteLine($"help: {cmdlets.Count} cmdlets -> {Path.Combine(output, assembly + "-Help.xml")}");
    return 0;
}
catch (FormatException e)
{
    Console.Error.WriteLine($"help: {e.Message}");
    return 1;
}
