using Pgpm.Export.Sandbox;

namespace Pgpm.Export.PowerShell.Tests.Infrastructure;

/// <summary>
/// A Constructive database added beside the sample for one test and removed after it: its metaschema_public.database
/// row, named <c>&lt;prefix&gt;_&lt;id&gt;</c>, plus whatever rows the test inserts for it (field and sql_actions rows
/// are removed with it). Triggers are off for the inserts, as a restore would have them.
/// </summary>
public sealed class ThrowawayDatabase(ModuleFixture module, Guid id) : IAsyncDisposable
{
    public Guid Id => id;

    /// <param name="rows">SQL inserting the database's other rows, given its id.</param>
    public static async Task<ThrowawayDatabase> CreateAsync(ModuleFixture module, string prefix, Func<Guid, string> rows)
    {
        var id = Guid.NewGuid();
        await module.Servers.Postgres.ExecuteAsync(
            SampleDatabase.DatabaseName,
            $"""
            SET session_replication_role TO replica;
            INSERT INTO metaschema_public.database (id, owner_id, schema_hash, schema_name, private_schema_name, name, label, hash)
            VALUES ('{id}', gen_random_uuid(), 'h{prefix}', '{prefix}_public', '{prefix}_private', '{prefix}_{id:N}', '{prefix}',
                    gen_random_uuid());
            {rows(id)}
            """
        );
        return new ThrowawayDatabase(module, id);
    }

    public async ValueTask DisposeAsync() =>
        await module.Servers.Postgres.ExecuteAsync(
            SampleDatabase.DatabaseName,
            $"""
            SET session_replication_role TO replica;
            DELETE FROM metaschema_public.field WHERE database_id = '{id}';
            DELETE FROM db_migrate.sql_actions WHERE database_id = '{id}';
            DELETE FROM metaschema_public.database WHERE id = '{id}';
            """
        );
}
