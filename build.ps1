#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds, tests and packages Pgpm.Export.
.DESCRIPTION
    Build: every project, and the PowerShell module folder out/Pgpm.Export/<version>/ (the same
    `dotnet publish` works without pwsh).
    -Test: the xunit suite (it starts its own PostgreSQL; needs the postgresql-15 and postgresql-15-postgis-3
    packages and npm), then the Pester tests in tests/Pester against the built module (needs Pester 5).
    -Package: a zip of the module folder in out/, ready for Publish-Module or a private feed.
.EXAMPLE
    ./build.ps1 -Test
.EXAMPLE
    ./build.ps1 -Package
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    [switch] $Test,
    [switch] $Package
)
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$version = ([xml](Get-Content Directory.Build.props)).Project.PropertyGroup.Version | Where-Object { $_ } | Select-Object -First 1
$moduleFolder = Join-Path $PSScriptRoot "out/Pgpm.Export/$version"

dotnet build Pgpm.Export.sln -c $Configuration --nologo
if ($LASTEXITCODE -ne 0) { throw "dotnet build failed ($LASTEXITCODE)." }
dotnet publish src/Pgpm.Export.PowerShell/Pgpm.Export.PowerShell.csproj -c $Configuration --nologo
if ($LASTEXITCODE -ne 0) { throw "dotnet publish of the module failed ($LASTEXITCODE)." }
Write-Host "Module folder: $moduleFolder"

if ($Test) {
    npm ci --prefix sandbox --no-audit --no-fund
    if ($LASTEXITCODE -ne 0) { throw "npm ci failed ($LASTEXITCODE)." }
    dotnet test Pgpm.Export.sln -c $Configuration --nologo
    if ($LASTEXITCODE -ne 0) { throw "dotnet test failed ($LASTEXITCODE)." }

    $pester = Get-Module -ListAvailable Pester | Where-Object Version -ge '5.0' | Sort-Object Version -Descending | Select-Object -First 1
    if (-not $pester) { throw 'The Pester tests need Pester 5: Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser' }
    Import-Module $pester
    $env:PGPM_EXPORT_MODULE = $moduleFolder
    $result = Invoke-Pester -Path tests/Pester -Output Detailed -PassThru
    if ($result.FailedCount -gt 0 -or $result.PassedCount -eq 0) { throw "Pester: $($result.FailedCount) failed, $($result.PassedCount) passed." }
}

if ($Package) {
    $zip = Join-Path $PSScriptRoot "out/Pgpm.Export.$version.zip"
    Compress-Archive -Path (Join-Path $PSScriptRoot 'out/Pgpm.Export') -DestinationPath $zip -Force
    Write-Host "Package: $zip"
}
