using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

// usage: Pgpm.Export.ModuleProbe <module folder>
var folder = Path.GetFullPath(args[0]);
var module = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.Combine(folder, "Pgpm.Export.PowerShell.dll"));

// PowerShell looks at the exported types (for cmdlets and initializers) before it runs any initializer.
var exported = module.GetExportedTypes();
var initializers = exported.Where(t => typeof(IModuleAssemblyInitializer).IsAssignableFrom(t) && !t.IsAbstract).ToList();
var cmdlets = exported.Where(t => typeof(Cmdlet).IsAssignableFrom(t) && !t.IsAbstract).ToList();
Console.WriteLine($"before-import: {cmdlets.Count} cmdlets, {initializers.Count} initializer");

foreach (var initializer in initializers)
    ((IModuleAssemblyInitializer)Activator.CreateInstance(initializer)!).OnImport();

// Binding and Get-Command read every parameter's type and every attribute.
foreach (var cmdlet in cmdlets)
{
    foreach (var property in cmdlet.GetProperties())
        _ = property.PropertyType.FullName;
    _ = cmdlet.GetCustomAttributes(inherit: true);
}

// Running a cmdlet reaches the engine and, through it, Npgsql.
var sqlSource = Type.GetType("Pgpm.Export.Sources.Sql.SqlExportSource, Pgpm.Export.Core", throwOnError: true)!;

// The SQL session is built on an NpgsqlDataSource: reading its constructor's parameter type loads Npgsql.
var sqlSession = Type.GetType("Pgpm.Export.Sources.Sql.SqlSession, Pgpm.Export.Core", throwOnError: true)!;
var npgsql = sqlSession
    .GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)[0]
    .GetParameters()[0]
    .ParameterType.Assembly;
Console.WriteLine($"engine-type: {sqlSource.FullName}; npgsql-type: {npgsql.GetName().Name}");

foreach (var context in AssemblyLoadContext.All)
foreach (
    var assembly in context.Assemblies.Where(a =>
        a.GetName().Name is { } n && (n.StartsWith("Pgpm.Export.") || n.StartsWith("Npgsql") || n.StartsWith("Microsoft.Extensions."))
    )
)
    Console.WriteLine($"loaded: {assembly.GetName().Name} in {context.Name}");
return 0;
