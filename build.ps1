#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds and tests Pgpm.Export.
.DESCRIPTION
    Build: every project in Release. -Test: the xunit suite (it starts its own PostgreSQL; needs the
    postgresql-15 and postgresql-15-postgis-3 packages and npm). The PowerShell module folder and its
    Pester tests arrive with the PowerShell issue.
.EXAMPLE
    ./build.ps1 -Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    [switch] $Test
)
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

dotnet build Pgpm.Export.sln -c $Configuration --nologo
if ($LASTEXITCODE -ne 0) { throw "dotnet build failed ($LASTEXITCODE)." }

if ($Test) {
    npm ci --prefix sandbox --no-audit --no-fund
    if ($LASTEXITCODE -ne 0) { throw "npm ci failed ($LASTEXITCODE)." }
    dotnet test Pgpm.Export.sln -c $Configuration --nologo
    if ($LASTEXITCODE -ne 0) { throw "dotnet test failed ($LASTEXITCODE)." }
}
