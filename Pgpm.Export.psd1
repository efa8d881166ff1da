# Module manifest for Pgpm.Export. The version must equal <Version> in Directory.Build.props (a test checks it).
# The binary cmdlets (Pgpm.Export.PowerShell.dll) are built by the PowerShell issue; until then the module folder
# is not produced and this manifest exports nothing.
@{
    RootModule           = 'Pgpm.Export.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6c1f4d0e-5b8a-4e0f-9d1c-2a7b3e9f8c41'
    Author               = 'Pgpm.Export contributors'
    CompanyName          = 'Pgpm.Export'
    Copyright            = '(c) Pgpm.Export contributors. MIT License.'
    Description          = 'Export a Constructive/pgpm database to pgpm packages over SQL or its GraphQL API.'
    CompatiblePSEditions = @('Core')
    PowerShellVersion    = '7.4'
    CmdletsToExport      = @()
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('pgpm', 'Constructive', 'PostgreSQL', 'GraphQL', 'PostGraphile', 'export', 'migrations')
        }
    }
}
