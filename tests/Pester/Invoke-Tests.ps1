<#
    Runs the Pester suite with the pinned Pester (PESTER_MODULE, the path of tools/Pester.psd1 that ./test finds
    in the NuGet cache) against the built module (PGPM_EXPORT_MODULE), and prints "Pester: N passed, M failed".
    Anything skipped, not run, or failing in a BeforeAll/AfterAll counts as failed: nothing passes by not running.
#>
$ErrorActionPreference = 'Stop'
if (-not $env:PESTER_MODULE) { throw 'PESTER_MODULE must name Pester.psd1 (./test sets it).' }
Import-Module $env:PESTER_MODULE -Force
$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$result = Invoke-Pester -Configuration $configuration
$failed = $result.FailedCount + $result.SkippedCount + $result.NotRunCount + $result.FailedBlocksCount + $result.FailedContainersCount
"Pester: $($result.PassedCount) passed, $failed failed"
if ($failed -gt 0 -or $result.PassedCount -eq 0) { exit 1 }
