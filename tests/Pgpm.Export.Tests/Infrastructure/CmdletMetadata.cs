using System.Reflection;
using System.Runtime.InteropServices;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>
/// The cmdlets of the built module read as metadata (MetadataLoadContext): no PowerShell runtime is needed,
/// and nothing of the stub System.Management.Automation is executed.
/// </summary>
public sealed class CmdletMetadata : IDisposable
{
    public const string AllSets = "__AllParameterSets";
    private readonly MetadataLoadContext _context;

    public CmdletMetadata(string moduleFolder)
    {
        var stub = Path.Combine(
            typeof(CmdletMetadata)
                .Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "PowerShellStandardLibrary")
                .Value!,
            "lib",
            "netstandard2.0",
            "System.Management.Automation.dll"
        );
        var paths = Directory
            .GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
            .Concat(Directory.GetFiles(Path.Combine(moduleFolder, "dependencies"), "*.dll"))
            .Concat(Directory.GetFiles(moduleFolder, "Pgpm.Export.*.dll"))
            .Append(stub);
        _context = new MetadataLoadContext(new PathAssemblyResolver(paths));
        Module = _context.LoadFromAssemblyPath(Path.Combine(moduleFolder, "Pgpm.Export.PowerShell.dll"));
        Automation = _context.LoadFromAssemblyPath(stub);
        Cmdlets = Module
            .GetExportedTypes()
            .Where(t => !t.IsAbstract && Attribute(t, "CmdletAttribute") is not null)
            .Select(t => new CmdletInfo(t, this))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    public Assembly Module { get; }
    public Assembly Automation { get; }
    public IReadOnlyList<CmdletInfo> Cmdlets { get; }

    public CmdletInfo this[string name] => Cmdlets.Single(c => c.Name == name);

    /// <summary>The verbs PowerShell approves: the constants of its Verbs* classes.</summary>
    public IReadOnlySet<string> ApprovedVerbs() =>
        Automation
            .GetExportedTypes()
            .Where(t => t.Name.StartsWith("Verbs", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!))
            .ToHashSet();

    public static CustomAttributeData? Attribute(MemberInfo member, string name) =>
        member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.Name == name);

    public static T? Named<T>(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => (T?)a.TypedValue.Value).FirstOrDefault();

    public void Dispose() => _context.Dispose();

    public sealed class CmdletInfo(Type type, CmdletMetadata owner)
    {
        private readonly CustomAttributeData _cmdlet = Attribute(type, "CmdletAttribute")!;

        public Type Type { get; } = type;
        public string Verb => (string)_cmdlet.ConstructorArguments[0].Value!;
        public string Noun => (string)_cmdlet.ConstructorArguments[1].Value!;
        public string Name => $"{Verb}-{Noun}";
        public string? DefaultParameterSet => Named<string>(_cmdlet, "DefaultParameterSetName");
        public bool SupportsShouldProcess => Named<bool>(_cmdlet, "SupportsShouldProcess");

        /// <summary>The types and type names of its OutputType attributes.</summary>
        public IReadOnlyList<string> OutputTypes =>
            Type.GetCustomAttributesData()
                .Where(a => a.AttributeType.Name == "OutputTypeAttribute")
                .SelectMany(a => a.ConstructorArguments)
                .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> items ? items : [arg])
                .Select(arg => arg.Value is Type t ? t.FullName! : (string)arg.Value!)
                .ToList();

        public IReadOnlyList<ParameterInfo> Parameters
        {
            get
            {
                var declared = Type.GetProperties()
                    .Select(p =>
                        (
                            Property: p,
                            Attributes: p.GetCustomAttributesData().Where(a => a.AttributeType.Name == "ParameterAttribute").ToList()
                        )
                    )
                    .Where(p => p.Attributes.Count > 0)
                    .Select(p => new ParameterInfo(
                        p.Property.Name,
                        TypeName(p.Property.PropertyType),
                        p.Property.PropertyType,
                        p.Attributes.Select(SetOf).ToList(),
                        AliasesOf(p.Property),
                        Attribute(p.Property, "SupportsWildcardsAttribute") is not null,
                        Attribute(p.Property, "CredentialAttribute") is not null
                    ))
                    .ToList();
                if (SupportsShouldProcess)
                {
                    var switchType = owner.Automation.GetType("System.Management.Automation.SwitchParameter")!;
                    declared.Add(
                        new ParameterInfo(
                            "WhatIf",
                            "SwitchParameter",
                            switchType,
                            [new ParameterSet(AllSets, false, int.MinValue, false, false)],
                            ["wi"],
                            false,
                            false
                        )
                    );
                    declared.Add(
                        new ParameterInfo(
                            "Confirm",
                            "SwitchParameter",
                            switchType,
                            [new ParameterSet(AllSets, false, int.MinValue, false, false)],
                            ["cf"],
                            false,
                            false
                        )
                    );
                }
                return declared;
            }
        }

        /// <summary>The parameter sets the cmdlet has, as PowerShell works them out from its parameters.</summary>
        public IReadOnlySet<string> ParameterSets =>
            Parameters.SelectMany(p => p.Sets).Select(s => s.Name).Where(n => n != AllSets).ToHashSet();

        private static ParameterSet SetOf(CustomAttributeData parameter) =>
            new(
                Named<string>(parameter, "ParameterSetName") ?? AllSets,
                Named<bool>(parameter, "Mandatory"),
                parameter.NamedArguments.Any(a => a.MemberName == "Position") ? Named<int>(parameter, "Position") : int.MinValue,
                Named<bool>(parameter, "ValueFromPipeline"),
                Named<bool>(parameter, "ValueFromPipelineByPropertyName")
            );

        private static IReadOnlyList<string> AliasesOf(PropertyInfo property) =>
            Attribute(property, "AliasAttribute") is { } alias
                ? ((IEnumerable<CustomAttributeTypedArgument>)alias.ConstructorArguments[0].Value!).Select(a => (string)a.Value!).ToList()
                : [];

        /// <summary>The type as platyPS writes it: short name, Nullable unwrapped, arrays with [].</summary>
        private static string TypeName(Type type)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1")
                return TypeName(type.GetGenericArguments()[0]);
            return type.IsArray ? TypeName(type.GetElementType()!) + "[]" : type.Name;
        }
    }

    public sealed record ParameterInfo(
        string Name,
        string TypeName,
        Type Type,
        IReadOnlyList<ParameterSet> Sets,
        IReadOnlyList<string> Aliases,
        bool Wildcards,
        bool IsCredential
    );

    public sealed record ParameterSet(string Name, bool Mandatory, int Position, bool FromPipeline, bool FromPipelineByPropertyName);
}
