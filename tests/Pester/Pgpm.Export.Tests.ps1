#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Runs every cmdlet of the built module against the real sample servers (a throwaway PostgreSQL and
    PostGraphile, started by `pgpm-export sandbox`). Run by `./test` (or `./test --pester` alone) in the pinned
    pwsh with the pinned Pester; PGPM_EXPORT_MODULE may point at another built module folder.
#>

BeforeAll {
    $repo = Resolve-Path "$PSScriptRoot/../.."
    $version = ([xml](Get-Content "$repo/Directory.Build.props")).Project.PropertyGroup.Version | Where-Object { $_ } | Select-Object -First 1
    $script:modulePath = if ($env:PGPM_EXPORT_MODULE) { $env:PGPM_EXPORT_MODULE } else { "$repo/out/Pgpm.Export/$version" }
    Import-Module "$script:modulePath/Pgpm.Export.psd1" -Force -ErrorAction Stop

    # The sandbox runs until its standard input closes; its first READY line says the servers are up.
    $script:infoFile = Join-Path ([IO.Path]::GetTempPath()) "pgpm-export-pester-$([guid]::NewGuid().ToString('N')).json"
    $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in 'run', '--project', "$repo/src/Pgpm.Export.Sandbox.Cli", '-c', 'Release', '--', 'sandbox', '--info', $script:infoFile) {
        $start.ArgumentList.Add($argument)
    }
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $script:sandbox = [Diagnostics.Process]::Start($start)
    while ($null -ne ($line = $script:sandbox.StandardOutput.ReadLine())) {
        if ($line.StartsWith('READY ')) { break }
    }
    if ($null -eq $line) { throw "pgpm-export sandbox exited before it was ready." }

    $info = Get-Content $script:infoFile -Raw | ConvertFrom-Json
    $script:token = $info.token
    $script:secureToken = ConvertTo-SecureString $info.token -AsPlainText -Force
    $script:endpoint = $info.graphqlEndpoint
    $script:connectionString = $info.connectionString
    $script:databaseId = [guid]$info.databaseId
    $script:databaseName = $info.databaseName
    $script:source = New-PgpmExportSource -GraphQLEndpoint $script:endpoint -Token $script:secureToken

    # psql against the sandbox's PostgreSQL, for the few tests that need rows the sample does not have.
    function global:Invoke-SandboxSql([string] $Sql) {
        $parts = @{}
        foreach ($pair in $script:connectionString.Split(';', [StringSplitOptions]::RemoveEmptyEntries)) {
            $key, $value = $pair.Split('=', 2)
            $parts[$key.Trim()] = $value
        }
        $env:PGPASSWORD = $parts['Password']
        try {
            $output = & psql -X -q -v ON_ERROR_STOP=1 -h $parts['Host'] -p $parts['Port'] -U $parts['Username'] -d $parts['Database'] -c $Sql 2>&1
            if ($LASTEXITCODE -ne 0) { throw "psql failed: $output" }
        }
        finally {
            Remove-Item Env:PGPASSWORD -ErrorAction Ignore
        }
    }
}

AfterAll {
    if ($script:source) { $script:source.Dispose() }
    if ($script:sandbox) {
        $script:sandbox.StandardInput.Close()
        $script:sandbox.WaitForExit()
    }
    if ($script:infoFile) { Remove-Item $script:infoFile -ErrorAction Ignore }
}

Describe 'Pgpm.Export module' {
    It 'exports exactly the cmdlets of its manifest' {
        (Get-Command -Module Pgpm.Export).Name | Sort-Object |
            Should -Be @('Export-PgpmProject', 'Get-ExportDatabase', 'Get-ExportSchema', 'Get-ExportSqlAction', 'Get-ExportTable', 'New-PgpmExportSource')
    }

    It 'has full help for <_>' -ForEach @('Export-PgpmProject', 'Get-ExportDatabase', 'Get-ExportSchema', 'Get-ExportSqlAction', 'Get-ExportTable', 'New-PgpmExportSource') {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
        $documented = @($help.Parameters.Parameter.Name)
        (Get-Command $_).Parameters.Keys | Where-Object { $_ -notin [Management.Automation.PSCmdlet]::CommonParameters } |
            ForEach-Object { $documented | Should -Contain $_ }
    }

    It 'has an about topic' {
        Get-Help about_Pgpm.Export | Out-String | Should -Match 'METADATA ONLY'
    }
}

Describe 'New-PgpmExportSource' {
    It 'opens a GraphQL source that shows its endpoint and never the token' {
        $script:source.Kind | Should -Be 'GraphQL'
        $script:source.IsOpen | Should -BeTrue
        ($script:source | Format-List * | Out-String).Contains($script:token) | Should -BeFalse
    }

    It 'opens a SQL source' {
        $sql = New-PgpmExportSource -ConnectionString $script:connectionString
        try { $sql.Kind | Should -Be 'Sql' } finally { $sql.Dispose() }
    }

    It 'refuses a wrong token with an authentication error' {
        $wrong = ConvertTo-SecureString 'wrong-token' -AsPlainText -Force
        $err = { New-PgpmExportSource -GraphQLEndpoint $script:endpoint -Token $wrong } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'GraphQLUnauthorized,*'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
    }

    It 'takes the token from a credential or from $env:PGPM_EXPORT_TOKEN' {
        $credential = [pscredential]::new('ignored', $script:secureToken)
        (Get-ExportDatabase -GraphQLEndpoint $script:endpoint -Credential $credential).Name | Should -Contain $script:databaseName
        $env:PGPM_EXPORT_TOKEN = $script:token
        try { (Get-ExportDatabase -GraphQLEndpoint $script:endpoint).Name | Should -Contain $script:databaseName }
        finally { Remove-Item Env:PGPM_EXPORT_TOKEN }
    }
}

Describe 'Get-ExportDatabase and Get-ExportSchema' {
    It 'lists databases, filters by wildcard and reports a missing name' {
        (Get-ExportDatabase -Source $script:source -Name 'pe*').Id | Should -Be $script:databaseId
        Get-ExportDatabase -Source $script:source -Name 'no-such-database' -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'DatabaseNotFound,*'
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'pipes databases into Get-ExportSchema by property name' {
        $schemas = Get-ExportDatabase -Source $script:source -Name $script:databaseName | Get-ExportSchema -Source $script:source
        $schemas | Should -Not -BeNullOrEmpty
        $schemas.DatabaseId | Sort-Object -Unique | Should -Be $script:databaseId
    }
}

Describe 'Get-ExportTable and Get-ExportSqlAction' {
    It 'streams rows with snake_case properties and a type name per table' {
        $fields = Get-ExportTable -Source $script:source -DatabaseId $script:databaseId -Name field
        $fields | Should -Not -BeNullOrEmpty
        $fields[0].PSObject.TypeNames[0] | Should -Be 'Pgpm.Export.Row#metaschema_public.field'
        $fields[0].'Pgpm.Table' | Should -Be 'metaschema_public.field'
        $fields[0].database_id | Should -Be $script:databaseId
        $fields[0].is_required | Should -BeOfType [bool]
    }

    It 'stops reading when the pipeline wants no more: the pages after it are never asked for' {
        # A throwaway database with 60 sql_actions rows, more than the cmdlet may read ahead of the pipeline
        # (CommandPump.ObjectsInFlight = 16), so the bound holds however late the stop arrives under load.
        $rows = 60
        $readAhead = 16 + 3
        $id = [guid]::NewGuid()
        $insert = @"
INSERT INTO metaschema_public.database (id, owner_id, schema_hash, schema_name, private_schema_name, name, label, hash)
VALUES ('$id', gen_random_uuid(), 'hstop', 'stop_public', 'stop_private', 'stop_$($id.ToString('N'))', 'Stop', gen_random_uuid());
INSERT INTO db_migrate.sql_actions (name, database_id, deploy, deps, content, revert, verify)
SELECT 'a' || g, '$id', 'schemas/stop_public/a' || g, ARRAY[]::text[], 'SELECT 1;', 'SELECT 1;', 'SELECT 1;' FROM generate_series(1, $rows) g;
"@
        Invoke-SandboxSql $insert
        try {
            # The sandbox counts the GraphQL requests it receives; with one row per page, each row read is one request.
            $requests = { (Invoke-RestMethod ($script:endpoint -replace '/graphql$', '/_sandbox/requests')).graphql }
            $actions = @{ GraphQLEndpoint = $script:endpoint; Token = $script:secureToken; PageSize = 1; DatabaseId = $id }
            $before = & $requests
            $all = @(Get-ExportSqlAction @actions)
            $full = (& $requests) - $before
            $before = & $requests
            $first = @(Get-ExportSqlAction @actions | Select-Object -First 1)
            $early = (& $requests) - $before
            $all.Count | Should -Be $rows
            $first.Count | Should -Be 1
            $first[0].id | Should -Be $all[0].id
            # Reading every row asks for one page per row; stopping at the first leaves all but the read-ahead unasked.
            ($full - $early) | Should -BeGreaterOrEqual ($rows - $readAhead)
        }
        finally {
            Invoke-SandboxSql "DELETE FROM db_migrate.sql_actions WHERE database_id = '$id'; DELETE FROM metaschema_public.database WHERE id = '$id';"
        }
    }

    It 'works with Where-Object, ConvertTo-Json and Export-Csv' {
        $csv = Join-Path TestDrive: 'fields.csv'
        Get-ExportTable -Source $script:source -DatabaseId $script:databaseId -Name field | Where-Object is_required | Export-Csv $csv
        (Import-Csv $csv | Select-Object -First 1).database_id | Should -Be $script:databaseId.ToString()
        Get-ExportTable -Source $script:source -DatabaseId $script:databaseId -Name schema | ConvertTo-Json -Depth 3 | Should -Match '"schema_name"'
    }

    It 'lists the tables and whether the API exposes them' {
        $tables = Get-ExportTable -Source $script:source -ListAvailable
        ($tables | Where-Object FullName -eq 'metaschema_public.database').Exposed | Should -BeTrue
    }

    It 'reads sql_actions through the exportSqlActions plugin' {
        $actions = Get-ExportSqlAction -Source $script:source -DatabaseId $script:databaseId
        $actions | Should -Not -BeNullOrEmpty
        $actions[0].PSObject.TypeNames[0] | Should -Be 'Pgpm.Export.Row#db_migrate.sql_actions'
    }
}

Describe 'Export-PgpmProject' {
    It 'writes nothing with -WhatIf' {
        $out = Join-Path TestDrive: 'whatif'
        Export-PgpmProject -Source $script:source -DatabaseId $script:databaseId -OutputPath $out -WhatIf
        Test-Path $out | Should -BeFalse
    }

    It 'writes both packages and outputs their summaries' {
        $out = Join-Path TestDrive: 'direct'
        $packages = Export-PgpmProject -Source $script:source -Database $script:databaseName -OutputPath $out
        $packages.Kind | Should -Be @('Database', 'Service')
        Test-Path (Join-Path $out 'packages/pets/pgpm.plan') | Should -BeTrue
    }

    It 'refuses to replace a package silently and replaces it with -Force' {
        $out = Join-Path TestDrive: 'replace'
        Export-PgpmProject -Source $script:source -DatabaseId $script:databaseId -OutputPath $out | Out-Null
        $plan = Join-Path $out 'packages/pets/pgpm.plan'
        Set-Content $plan 'changed by hand'
        # -Confirm:$false asks nothing, in an interactive session or not: without -Force that is a refusal.
        $err = { Export-PgpmProject -Source $script:source -DatabaseId $script:databaseId -OutputPath $out -Confirm:$false -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'PackageExists,*'
        $err.CategoryInfo.Category | Should -Be 'ResourceExists'
        $err.Exception.Message | Should -BeLike '*-Force*'
        Get-Content $plan -Raw | Should -Be "changed by hand$([Environment]::NewLine)"
        (Export-PgpmProject -Source $script:source -DatabaseId $script:databaseId -OutputPath $out -Force).Count | Should -Be 2
        Get-Content $plan -Raw | Should -Not -Be "changed by hand$([Environment]::NewLine)"
    }

    It 'exports a database handed back by a job, bound by property name' {
        $out = Join-Path TestDrive: 'job'
        $database = Start-Job {
            param($module, $endpoint, $token, $name)
            Import-Module $module
            Get-ExportDatabase -GraphQLEndpoint $endpoint -Token (ConvertTo-SecureString $token -AsPlainText -Force) -Name $name
        } -ArgumentList "$script:modulePath/Pgpm.Export.psd1", $script:endpoint, $script:token, $script:databaseName | Receive-Job -Wait -AutoRemoveJob
        $database.PSObject.TypeNames[0] | Should -Be 'Deserialized.Pgpm.Export.Model.DatabaseInfo'
        ($database | Export-PgpmProject -Source $script:source -OutputPath $out).Name | Should -Be @('pets', 'pets-service')
    }

    It 'refuses to replace a package from a background job instead of waiting there on a prompt' {
        $out = Join-Path TestDrive: 'job-replace'
        Export-PgpmProject -Source $script:source -DatabaseId $script:databaseId -OutputPath $out | Out-Null
        # A job's host forwards a question to a parent that is not reading it: the job would sit Blocked until Receive-Job.
        $job = Start-Job {
            param($module, $connectionString, $id, $out)
            Import-Module $module
            try { Export-PgpmProject -ConnectionString $connectionString -DatabaseId $id -OutputPath $out -ErrorAction Stop }
            catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category.ToString() }
        } -ArgumentList "$script:modulePath/Pgpm.Export.psd1", $script:connectionString, $script:databaseId, (Resolve-Path $out).ProviderPath
        try {
            $null = $job | Wait-Job -Timeout 300
            $job.State | Should -Be 'Completed'
            $answer = $job | Receive-Job
            $answer[0] | Should -BeLike 'PackageExists,*'
            $answer[1] | Should -Be 'ResourceExists'
        }
        finally { $job | Remove-Job -Force }
    }

    It 'takes rows handed back by a job without warning about the properties every job adds to them' {
        $direct = Join-Path TestDrive: 'job-rows-direct'
        $fromJob = Join-Path TestDrive: 'job-rows'
        Export-PgpmProject -Source $script:source -DatabaseId $script:databaseId -OutputPath $direct | Out-Null
        $rows = Start-Job {
            param($module, $connectionString, $id)
            Import-Module $module
            Get-ExportTable -ConnectionString $connectionString -DatabaseId $id
            Get-ExportSqlAction -ConnectionString $connectionString -DatabaseId $id
        } -ArgumentList "$script:modulePath/Pgpm.Export.psd1", $script:connectionString, $script:databaseId | Receive-Job -Wait -AutoRemoveJob
        $rows[0].PSObject.Properties.Name | Should -Contain 'PSComputerName'
        $rows | Export-PgpmProject -Source $script:source -DatabaseId $script:databaseId -OutputPath $fromJob -WarningVariable warnings | Out-Null
        $warnings | Should -BeNullOrEmpty
        $hash = { param($root) $root = (Resolve-Path $root).ProviderPath
            Get-ChildItem $root -Recurse -File | Sort-Object FullName | ForEach-Object { [IO.Path]::GetRelativePath($root, $_.FullName) + ':' + (Get-FileHash $_.FullName).Hash } }
        (& $hash $fromJob) | Should -Be (& $hash $direct)
    }

    It 'writes the same bytes from piped rows as from the source' {
        $direct = Join-Path TestDrive: 'direct-bytes'
        $piped = Join-Path TestDrive: 'piped-bytes'
        Export-PgpmProject -ConnectionString $script:connectionString -DatabaseId $script:databaseId -OutputPath $direct | Out-Null
        & {
            Get-ExportTable -Source $script:source -DatabaseId $script:databaseId
            Get-ExportSqlAction -Source $script:source -DatabaseId $script:databaseId
        } | Export-PgpmProject -Source $script:source -DatabaseId $script:databaseId -OutputPath $piped | Out-Null
        # GetRelativePath needs the file-system path: it does not understand a PowerShell drive such as TestDrive:.
        $hash = { param($root) $root = (Resolve-Path $root).ProviderPath
            Get-ChildItem $root -Recurse -File | Sort-Object FullName | ForEach-Object { [IO.Path]::GetRelativePath($root, $_.FullName) + ':' + (Get-FileHash $_.FullName).Hash } }
        $pipedHashes = & $hash $piped
        $pipedHashes | Should -Not -BeNullOrEmpty
        $pipedHashes | Should -Be (& $hash $direct)
    }

    It 'writes only the rows that pass the filter' {
        $out = Join-Path TestDrive: 'filtered'
        Get-ExportTable -Source $script:source -DatabaseId $script:databaseId |
            Where-Object Pgpm.Table -ne 'metaschema_public.field' |
            Export-PgpmProject -Source $script:source -DatabaseId $script:databaseId -OutputPath $out -WarningAction SilentlyContinue | Out-Null
        Get-Content (Join-Path $out 'packages/pets-service/pgpm.plan') -Raw | Should -Not -Match 'migrate/field '
        Test-Path (Join-Path $out 'packages/pets') | Should -BeFalse
    }

    It 'rejects a piped object that is not a row and writes nothing' {
        $out = Join-Path TestDrive: 'rejected'
        { 'not a row' | Export-PgpmProject -Source $script:source -DatabaseId $script:databaseId -OutputPath $out -ErrorAction Stop } | Should -Throw
        Test-Path $out | Should -BeFalse
    }

    It 'stops at an answer larger than -MaxResponseSize instead of holding it' {
        { Get-ExportDatabase -GraphQLEndpoint $script:endpoint -Token $script:secureToken -MaxResponseSize 1KB -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*over the limit of 1024 bytes*'
    }

    It 'never shows the token in any stream' {
        $out = Join-Path TestDrive: 'streams'
        $all = Export-PgpmProject -GraphQLEndpoint $script:endpoint -Token $script:secureToken -DatabaseId $script:databaseId -OutputPath $out -Verbose *>&1 | Out-String
        $all.Contains($script:token) | Should -BeFalse
        Get-ChildItem $out -Recurse -File | ForEach-Object { (Get-Content $_.FullName -Raw).Contains($script:token) | Should -BeFalse }
    }
}
