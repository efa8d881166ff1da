using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace Pgpm.Export.PowerShell;

/// <summary>
/// Keeps the module's dependencies (Npgsql and the rest) out of PowerShell's default load context, so
/// another module with another Npgsql cannot clash with this one. The cmdlet assembly sits in the module
/// folder; everything else sits in <c>dependencies/</c>, where the default context does not look. When the
/// default context fails to find one of this module's own assemblies, it is loaded into
/// <see cref="DependencyLoadContext"/>, which then loads its dependencies from the same folder.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    internal static readonly string DependencyDirectory =
        Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!, "dependencies");

    private static readonly DependencyLoadContext Dependencies = new(DependencyDirectory);

    public void OnImport() => AssemblyLoadContext.Default.Resolving += ResolveOwnAssembly;

    public void OnRemove(PSModuleInfo psModuleInfo) => AssemblyLoadContext.Default.Resolving -= ResolveOwnAssembly;

    /// <summary>Only the module's own assemblies are routed here; their dependencies follow them into the same context.</summary>
    private static Assembly? ResolveOwnAssembly(AssemblyLoadContext context, AssemblyName name) =>
        name.Name is { } simple && simple.StartsWith("Pgpm.Export.", StringComparison.Ordinal)
            ? Dependencies.LoadFromAssemblyName(name)
            : null;
}
