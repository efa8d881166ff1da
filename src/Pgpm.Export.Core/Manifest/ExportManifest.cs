using System.Reflection;
using System.Text;
using System.Text.Json;
using Pgpm.Export.Errors;
using Pgpm.Export.Model;
using Pgpm.Export.Writing;

namespace Pgpm.Export.Manifest;

/// <summary>
/// The meta tables of one Constructive schema version, in foreign-key dependency order, with their columns (name,
/// type, kind, NOT NULL, enum labels) and per-table rules. One is built in for each published schema version
/// (<see cref="BuiltInVersions"/>), derived from that version's real schema and checked against it by a test; users
/// may pass their own file in the same JSON format for other versions (spec "Manifest").
/// </summary>
/// <remarks>
/// JSON: <c>{ "version": "0.16", "tables": [ { "table": "schema.name", "onConflictDoNothing": true, "dropColumns": ["c"],
/// "columns": [ { "name": "c", "type": "text", "kind": "text", "notNull": true, "enum": "s.e" } ] } ],
/// "enums": { "s.e": ["label", …] } }</c>. Only <c>tables[].table</c> is required; a table without <c>columns</c> has no
/// column contract.
/// </remarks>
public sealed class ExportManifest
{
    private const string ResourcePrefix = "Pgpm.Export.Resources.manifest-";

    public ExportManifest(IReadOnlyList<ManifestTable> tables, string? version = null)
    {
        Tables = tables;
        Version = version;
        var duplicate = tables.GroupBy(t => t.Table).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"The manifest lists {duplicate.Key} more than once.", nameof(tables));
    }

    public IReadOnlyList<ManifestTable> Tables { get; }

    /// <summary>The schema version it describes (<c>0.16</c>), or null when the file does not say.</summary>
    public string? Version { get; }

    /// <summary>The version for messages: <c>0.16</c>, or "the given manifest" when it names none.</summary>
    public string Describe() => Version is null ? "the given manifest" : $"schema version {Version}";

    public ManifestTable? Find(TableRef table) => Tables.FirstOrDefault(t => t.Table == table);

    /// <summary>The built-in manifests, oldest version first.</summary>
    public static IReadOnlyList<ExportManifest> BuiltInVersions { get; } = LoadBuiltIns();

    /// <summary>The built-in manifest of the newest published schema version.</summary>
    public static ExportManifest BuiltIn => BuiltInVersions[^1];

    /// <summary>The built-in manifest of a schema version; <c>SchemaVersionUnknown</c> names the versions there are.</summary>
    public static ExportManifest ForVersion(string version) =>
        BuiltInVersions.FirstOrDefault(m => m.Version == version)
        ?? throw new ExportException(
            ExportErrorKind.InvalidArgument,
            ErrorId.SchemaVersionUnknown,
            $"There is no built-in manifest for schema version '{version}' ({OptionName.SchemaVersion}); "
                + $"built in: {string.Join(", ", BuiltInVersions.Select(m => m.Version))}. "
                + "For another version, derive a manifest from a database of that version with 'pgpm-export manifest' "
                + $"and pass it with {OptionName.Manifest}."
        );

    public static ExportManifest LoadFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.ManifestUnreadable,
                $"Cannot read the manifest file '{path}': {e.Message}",
                e
            );
        }
        return Parse(json, $"the manifest file '{path}'");
    }

    public static ExportManifest Parse(string json, string origin)
    {
        ExportException Invalid(string what) =>
            new(
                ExportErrorKind.InvalidArgument,
                ErrorId.ManifestInvalid,
                $"{char.ToUpperInvariant(origin[0])}{origin[1..]} is not a valid manifest: {what}."
            );

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
            var root = document.RootElement;
            if (
                root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("tables", out var tables)
                || tables.ValueKind != JsonValueKind.Array
            )
                throw Invalid("expected an object with a \"tables\" array");
            string? version = null;
            if (root.TryGetProperty("version", out var v))
                version = v.ValueKind == JsonValueKind.String ? v.GetString() : throw Invalid("\"version\" must be a string");
            var enums = ParseEnums(root, Invalid);

            var list = new List<ManifestTable>();
            var index = 0;
            foreach (var entry in tables.EnumerateArray())
            {
                if (
                    entry.ValueKind != JsonValueKind.Object
                    || !entry.TryGetProperty("table", out var name)
                    || name.ValueKind != JsonValueKind.String
                )
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
                List<ManifestColumn>? columns = null;
                if (entry.TryGetProperty("columns", out var cs))
                {
                    if (cs.ValueKind != JsonValueKind.Array)
                        throw Invalid($"entry {index} ({table}): \"columns\" must be an array");
                    columns = cs.EnumerateArray()
                        .Select((c, i) => ParseColumn(c, enums, what => Invalid($"entry {index} ({table}), column {i}: {what}")))
                        .ToList();
                    if (columns.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
                        throw Invalid($"entry {index} ({table}) lists the column {twice.Key} more than once");
                }
                list.Add(new ManifestTable(table, onConflict, drop, columns));
                index++;
            }
            try
            {
                return new ExportManifest(list, version);
            }
            catch (ArgumentException e)
            {
                throw Invalid(e.Message.TrimEnd('.'));
            }
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> ParseEnums(JsonElement root, Func<string, ExportException> invalid)
    {
        var enums = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (!root.TryGetProperty("enums", out var e))
            return enums;
        if (e.ValueKind != JsonValueKind.Object)
            throw invalid("\"enums\" must be an object of label arrays");
        foreach (var type in e.EnumerateObject())
        {
            if (type.Value.ValueKind != JsonValueKind.Array || type.Value.EnumerateArray().Any(l => l.ValueKind != JsonValueKind.String))
                throw invalid($"the labels of the enum {type.Name} must be an array of strings");
            enums[type.Name] = type.Value.EnumerateArray().Select(l => l.GetString()!).ToArray();
        }
        return enums;
    }

    private static ManifestColumn ParseColumn(
        JsonElement c,
        IReadOnlyDictionary<string, IReadOnlyList<string>> enums,
        Func<string, ExportException> invalid
    )
    {
        string Text(string property) =>
            c.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.String
                ? p.GetString()!
                : throw invalid($"\"{property}\" must be a string");
        if (c.ValueKind != JsonValueKind.Object)
            throw invalid("expected an object");
        var name = Text("name");
        var type = Text("type");
        var kindText = Text("kind");
        if (!Enum.TryParse<PgTypeKind>(kindText, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || kindText.Any(char.IsDigit))
            throw invalid($"\"kind\" '{kindText}' is none of {string.Join(", ", Enum.GetNames<PgTypeKind>().Select(KindName))}");
        var notNull = c.TryGetProperty("notNull", out var nn) && nn.ValueKind == JsonValueKind.True;
        string? enumType = null;
        IReadOnlyList<string>? labels = null;
        if (c.TryGetProperty("enum", out _))
        {
            enumType = Text("enum");
            labels = enums.TryGetValue(enumType, out var found) ? found : throw invalid($"the enum {enumType} is not in \"enums\"");
        }
        return new ManifestColumn(name, type, kind, notNull, enumType, labels);
    }

    /// <summary>
    /// The manifest as JSON: two-space indent, one table per line (its columns one per line), the enums its
    /// columns use last, trailing newline. Parsing it gives the same manifest.
    /// </summary>
    public string ToJson()
    {
        var sb = new StringBuilder("{\n");
        if (Version is not null)
            sb.Append("  \"version\": ").Append(JsonStringLiteral.Quote(Version)).Append(",\n");
        sb.Append("  \"tables\": [\n");
        for (var i = 0; i < Tables.Count; i++)
        {
            var t = Tables[i];
            sb.Append("    { \"table\": ").Append(JsonStringLiteral.Quote(t.Table.ToString()));
            if (t.OnConflictDoNothing)
                sb.Append(", \"onConflictDoNothing\": true");
            if (t.DropColumns.Count > 0)
                sb.Append(", \"dropColumns\": [").AppendJoin(", ", t.DropColumns.Select(c => JsonStringLiteral.Quote(c))).Append(']');
            if (t.Columns is { } columns)
            {
                sb.Append(", \"columns\": [\n");
                for (var j = 0; j < columns.Count; j++)
                {
                    var c = columns[j];
                    sb.Append("      { \"name\": ")
                        .Append(JsonStringLiteral.Quote(c.Name))
                        .Append(", \"type\": ")
                        .Append(JsonStringLiteral.Quote(c.Type))
                        .Append(", \"kind\": \"")
                        .Append(KindName(c.Kind.ToString()))
                        .Append('"');
                    if (c.NotNull)
                        sb.Append(", \"notNull\": true");
                    if (c.EnumType is not null)
                        sb.Append(", \"enum\": ").Append(JsonStringLiteral.Quote(c.EnumType));
                    sb.Append(" }").Append(j < columns.Count - 1 ? ",\n" : "\n");
                }
                sb.Append("    ]");
            }
            sb.Append(" }").Append(i < Tables.Count - 1 ? ",\n" : "\n");
        }
        sb.Append("  ]");
        var enums = Tables
            .SelectMany(t => t.Columns ?? [])
            .Where(c => c.EnumType is not null)
            .GroupBy(c => c.EnumType!)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (enums.Count > 0)
        {
            sb.Append(",\n  \"enums\": {\n");
            for (var i = 0; i < enums.Count; i++)
            {
                sb.Append("    ")
                    .Append(JsonStringLiteral.Quote(enums[i].Key))
                    .Append(": [")
                    .AppendJoin(", ", (enums[i].First().EnumLabels ?? []).Select(l => JsonStringLiteral.Quote(l)))
                    .Append(']')
                    .Append(i < enums.Count - 1 ? ",\n" : "\n");
            }
            sb.Append("  }");
        }
        return sb.Append("\n}\n").ToString();
    }

    private static string KindName(string kind) => kind.ToLowerInvariant();

    private static IReadOnlyList<ExportManifest> LoadBuiltIns()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var manifests = new List<ExportManifest>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var manifest = Parse(reader.ReadToEnd(), $"the built-in manifest {resource}");
            if (manifest.Version is null || resource != ResourcePrefix + manifest.Version + ".json")
                throw new InvalidOperationException($"The built-in manifest {resource} does not name its version {manifest.Version}.");
            manifests.Add(manifest);
        }
        if (manifests.Count == 0)
            throw new InvalidOperationException("The built-in manifests are missing from the assembly.");
        return manifests.OrderBy(m => System.Version.Parse(m.Version!)).ToList();
    }
}
