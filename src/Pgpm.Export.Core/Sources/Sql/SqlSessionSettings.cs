using Npgsql;

namespace Pgpm.Export.Sources.Sql;

/// <summary>
/// Session settings that make PostgreSQL's text output the export's canonical form: UTC timestamps,
/// IntervalStyle postgres, ISO dates, hex bytea and shortest-exact floats. Sent as startup options, so
/// the pool's reset between uses keeps them.
/// </summary>
public static class SqlSessionSettings
{
    public const string StartupOptions =
        "-c TimeZone=UTC -c IntervalStyle=postgres -c DateStyle=ISO,YMD -c bytea_output=hex -c extra_float_digits=1";

    public static void Apply(NpgsqlConnectionStringBuilder builder)
    {
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? StartupOptions : builder.Options + " " + StartupOptions;
    }
}
