using System.Reflection;
using System.Text;
using System.Text.Json;
using Pgpm.Export.Errors;
using Pgpm.Export.Model;

namespace Pgpm.Export.Manifest;

/// <summary>
/// The meta tables an export writes, in foreign-key dependency order, with their per-table rules.
/// The built-in one is derived from the real Constructive 0.16 schema; users may pass their own file
/// in the same JSON format for other schema versions.
/// </summary>
public sealed class ExportManifest
{
    public const string ResourceName = "Pgpm.Export.Resources.manifest.json";

    public ExportManifest(IReadOnlyList<ManifestTable> tables)
    {
        Tables = tables;
        var duplicate = tables.GroupBy(t => t.Table).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"The manifest lists {duplicate.Key} more than once.", nameof(tables));
    }

    public IReadOnlyList<ManifestTable> Tables { get; }

    public ManifestTable? Find(TableRef table) => Tables.FirstOrDefault(t => t.Table == table);

    public static ExportManifest BuiltIn { get; } = LoadBuiltIn();

    public static ExportManifest LoadFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ExportException(ExportErrorKind.InvalidArgument, "ManifestUnreadable", $"Cannot read the manifest file '{path}': {e.Message}", e);
        }
        return Parse(json, $"the manifest file '{path}'");
    }

    public static ExportManifest Parse(string json, string origin)
    {
        ExportException Invalid(string what) =>
            new(ExportErrorKind.InvalidArgument, "ManifestInvalid", $"{char.ToUpperInvariant(origin[0])}{origin[1..]} is not a valid manifest: {what}.");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw Invalid($"it is not JSON ({e.Message})");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("tables", out var tables) || tables.ValueKind != JsonValueKind.Array)
                throw Invalid("expected an object with a \"tables\" array");
            var list = new List<ManifestTable>();
            var index = 0;
            foreach (var entry in tables.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("table", out var name) || name.ValueKind != JsonValueKind.String)
                    throw Invalid($"entry {index} has no \"table\" string");
                TableRef table;
                try
                {
                    table = TableRef.Parse(name.GetString()!);
                }
                catch (ArgumentException e)
                {
                    throw Invalid($"entry {index}: {e.Message}");
                }
                var onConflict = entry.TryGetProperty("onConflictDoNothing", out var oc) && oc.ValueKind == JsonValueKind.True;
                var drop = new List<string>();
                if (entry.TryGetProperty("dropColumns", out var dc))
                {
                    if (dc.ValueKind != JsonValueKind.Array || dc.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                        throw Invalid($"entry {index} ({table}): \"dropColumns\" must be an array of strings");
                    drop.AddRange(dc.EnumerateArray().Select(e => e.GetString()!));
                }
                list.Add(new ManifestTable(table, onConflict, drop));
                index++;
            }
            try
            {
                return new ExportManifest(list);
            }
            catch (ArgumentException e)
            {
                throw Invalid(e.Message.TrimEnd('.'));
            }
        }
    }

    /// <summary>The manifest as JSON: two-space indent, one table per entry, trailing newline.</summary>
    public string ToJson()
    {
        var sb = new StringBuilder("{\n  \"tables\": [\n");
        for (var i = 0; i < Tables.Count; i++)
        {
            var t = Tables[i];
            sb.Append("    { \"table\": ").Append(JsonSerializer.Serialize(t.Table.ToString()));
            if (t.OnConflictDoNothing) sb.Append(", \"onConflictDoNothing\": true");
            if (t.DropColumns.Count > 0)
                sb.Append(", \"dropColumns\": [").AppendJoin(", ", t.DropColumns.Select(c => JsonSerializer.Serialize(c))).Append(']');
            sb.Append(" }").Append(i < Tables.Count - 1 ? ",\n" : "\n");
        }
        return sb.Append("  ]\n}\n").ToString();
    }

    private static ExportManifest LoadBuiltIn()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The built-in manifest is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd(), "the built-in manifest");
    }
}
