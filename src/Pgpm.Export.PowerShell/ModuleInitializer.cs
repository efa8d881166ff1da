using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace Pgpm.Export.PowerShell;

/// <summary>
/// Keeps the module's third-party dependencies (Npgsql and the rest, in <c>dependencies/</c>) in their own
/// load context, so another module with another Npgsql cannot clash with this one, while the module's own
/// assemblies (the cmdlets, Pgpm.Export.Commands, Pgpm.Export.Core, beside the manifest) stay in the default
/// context: the types they hand to PowerShell can then be named there (<c>[Pgpm.Export.Commands.PgpmExportSource]</c>,
/// <c>-is</c>, typed parameters). This is the pattern PowerShell's "Resolving PowerShell module assembly dependency
/// conflicts" guide describes: never expose a type loaded in a private context.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;

    internal static readonly string DependencyDirectory = Path.Combine(ModuleDirectory, "dependencies");

    private static readonly DependencyLoadContext Dependencies = new(DependencyDirectory);

    public void OnImport() => AssemblyLoadContext.Default.Resolving += Resolve;

    public void OnRemove(PSModuleInfo psModuleInfo) => AssemblyLoadContext.Default.Resolving -= Resolve;

    /// <summary>
    /// Called only for what the default context cannot find: the module's own assemblies load beside the
    /// manifest into the default context; a third-party assembly shipped in <c>dependencies/</c> loads into
    /// <see cref="DependencyLoadContext"/>, which then loads its own dependencies from there too.
    /// </summary>
    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name is not { } simple)
            return null;
        var own = Path.Combine(ModuleDirectory, simple + ".dll");
        if (simple.StartsWith("Pgpm.Export.", StringComparison.Ordinal) && File.Exists(own))
            return context.LoadFromAssemblyPath(own);
        return File.Exists(Path.Combine(DependencyDirectory, simple + ".dll")) ? Dependencies.LoadFromAssemblyName(name) : null;
    }
}
