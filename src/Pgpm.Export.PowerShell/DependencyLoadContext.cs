using System.Reflection;
using System.Runtime.Loader;

namespace Pgpm.Export.PowerShell;

/// <summary>The load context of the module's engine and its third-party assemblies, all from <c>dependencies/</c>.</summary>
internal sealed class DependencyLoadContext(string directory) : AssemblyLoadContext("Pgpm.Export", isCollectible: false)
{
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var path = Path.Combine(directory, assemblyName.Name + ".dll");
        // Anything not shipped in dependencies/ (the runtime, PowerShell itself) comes from the default context.
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
