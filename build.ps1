#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds, tests and packages Pgpm.Export.
.DESCRIPTION
    Build: every project, and the PowerShell module folder out/Pgpm.Export/<version>/ (the same
    `dotnet publish` works without pwsh).
    -Test: the xunit suites (they start their own PostgreSQL; see scripts/prerequisites.sh), then the Pester
    tests in tests/Pester against the built module with the pinned Pester 5.7.1, as ./test does.
    -Package: a zip of the module folder in out/, to unzip into a folder on $env:PSModulePath (Publish-Module
    takes the folder itself: Publish-Module -Path out/Pgpm.Export/<version>).
    The caller's location is left as it was.
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
Push-Location $PSScriptRoot
try {
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

        # Pester 5.7.1 is a PackageDownload of the PowerShell test project, so restore puts it in the NuGet cache.
        $cache = (dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
        $env:PESTER_MODULE = Join-Path $cache 'pester/5.7.1/tools/Pester.psd1'
        $env:PGPM_EXPORT_MODULE = $moduleFolder
        & "$PSScriptRoot/tests/Pester/Invoke-Tests.ps1"
        if ($LASTEXITCODE -ne 0) { throw "The Pester tests failed." }
    }

    if ($Package) {
        $zip = Join-Path $PSScriptRoot "out/Pgpm.Export.$version.zip"
        Compress-Archive -Path (Join-Path $PSScriptRoot 'out/Pgpm.Export') -DestinationPath $zip -Force
        Write-Host "Package: $zip (unzip into a folder on `$env:PSModulePath; or Publish-Module -Path $moduleFolder)"
    }
}
finally {
    Pop-Location
}
