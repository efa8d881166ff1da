# Module manifest for Pgpm.Export. ModuleVersion must equal <Version> in Directory.Build.props, and
# CmdletsToExport the cmdlet classes of Pgpm.Export.PowerShell.dll: the tests check both.
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
    FormatsToProcess     = @('Pgpm.Export.Format.ps1xml')
    CmdletsToExport      = @(
        'Export-PgpmProject'
        'Get-ExportDatabase'
        'Get-ExportSchema'
        'Get-ExportSqlAction'
        'Get-ExportTable'
        'New-PgpmExportSource'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('pgpm', 'Constructive', 'PostgreSQL', 'GraphQL', 'PostGraphile', 'export', 'migrations', 'PSEdition_Core', 'Linux', 'MacOS', 'Windows')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            # ProjectUri is left out until the repository has a public address; a guessed one would mislead.
            ReleaseNotes = 'First release: New-PgpmExportSource, Get-ExportDatabase, Get-ExportSchema, Get-ExportTable, Get-ExportSqlAction and Export-PgpmProject over SQL or GraphQL.'
        }
    }
}
