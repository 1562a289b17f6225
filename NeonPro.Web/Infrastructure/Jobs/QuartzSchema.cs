using System.Text;
using NeonPro.Web.Data;

namespace NeonPro.Web.Infrastructure.Jobs;

/// <summary>
/// The tables Quartz.NET 4.7's ADO job store reads and writes (QRTZ_*), described once and written out as DDL for each
/// engine; one migration per engine runs it.
/// </summary>
/// <remarks>
/// Why DDL run by a migration and not EF entities: the tables belong to Quartz, not to the clinic's model. Quartz
/// reads them with its own SQL, per engine, with its own types (bool/bytea on PostgreSQL, bit/varbinary on SQL Server)
/// and changes them between versions; as entities they would be fifteen classes no code may touch, whose every column
/// would have to be kept equal to Quartz's by hand and whose EF-chosen types could drift from Quartz's. Described here
/// from Quartz's own schema for 4.7 (the schema Quartz embeds for that version), they stay Quartz's; the migration
/// parity tests leave the QRTZ_ tables to Quartz. A Quartz upgrade that changes its schema adds a new migration with
/// the changes; it never edits this one.
/// </remarks>
public static class QuartzSchema
{
    public const string TablePrefix = "QRTZ_";

    private enum Kind { Name, Text, LongText, Bool, Long, Int, Blob, Decimal }

    private sealed record Column(string Name, Kind Kind, int Length, bool Nullable, string? Default = null);

    private sealed record ForeignKey(string[] Columns, string Table, bool Cascade);

    private sealed record Table(string Name, Column[] Columns, string[] Key, ForeignKey? Parent = null);

    private static Column Req(string name, Kind kind, int length = 0) => new(name, kind, length, false);
    private static Column Opt(string name, Kind kind, int length = 0) => new(name, kind, length, true);

    private static readonly Column Sched = Req("SCHED_NAME", Kind.Name, 120);
    private static readonly Column TriggerName = Req("TRIGGER_NAME", Kind.Name, 150);
    private static readonly Column TriggerGroup = Req("TRIGGER_GROUP", Kind.Name, 150);
    private static readonly string[] TriggerKey = ["SCHED_NAME", "TRIGGER_NAME", "TRIGGER_GROUP"];
    private static readonly ForeignKey OfTrigger = new(TriggerKey, "TRIGGERS", Cascade: true);
    private static readonly Column[] Pause = [Opt("PAUSE_REASON", Kind.Name, 250), Opt("PAUSED_BY", Kind.Name, 200), Opt("PAUSED_AT", Kind.Long)];

    private static readonly Table[] Tables =
    [
        new("JOB_DETAILS",
        [
            Sched, Req("JOB_NAME", Kind.Name, 150), Req("JOB_GROUP", Kind.Name, 150), Opt("DESCRIPTION", Kind.Name, 250),
            Req("JOB_CLASS_NAME", Kind.Name, 250), Req("IS_DURABLE", Kind.Bool), Req("IS_NONCONCURRENT", Kind.Bool),
            Req("IS_UPDATE_DATA", Kind.Bool), Req("REQUESTS_RECOVERY", Kind.Bool), Opt("JOB_DATA", Kind.Blob),
        ], ["SCHED_NAME", "JOB_NAME", "JOB_GROUP"]),
        new("TRIGGERS",
        [
            Sched, TriggerName, TriggerGroup, Req("JOB_NAME", Kind.Name, 150), Req("JOB_GROUP", Kind.Name, 150),
            Opt("DESCRIPTION", Kind.Name, 250), Opt("NEXT_FIRE_TIME", Kind.Long), Opt("PREV_FIRE_TIME", Kind.Long),
            Opt("PRIORITY", Kind.Int), Req("TRIGGER_STATE", Kind.Name, 16), Req("TRIGGER_TYPE", Kind.Name, 8),
            Req("START_TIME", Kind.Long), Opt("END_TIME", Kind.Long), Opt("CALENDAR_NAME", Kind.Name, 200),
            Opt("MISFIRE_INSTR", Kind.Int), Opt("MISFIRE_ORIG_FIRE_TIME", Kind.Long), Opt("EXECUTION_GROUP", Kind.Name, 200),
            Opt("PREFERRED_NODE", Kind.Name, 200), new("PREFERRED_NODE_AUTO", Kind.Bool, 0, false, "false"),
            Opt("RETRY_POLICY", Kind.Name, 250), Opt("RETRY_ATTEMPT", Kind.Int), Opt("CONTINUES_TRIGGER_NAME", Kind.Name, 150),
            Opt("CONTINUES_TRIGGER_GROUP", Kind.Name, 150), Opt("CONTINUATION_CONDITION", Kind.Int), Opt("OVERLAP_POLICY", Kind.Int),
            .. Pause, Opt("MISFIRE_THRESHOLD", Kind.Long), Opt("FIXED_DELAY", Kind.Bool), Opt("JOB_DATA", Kind.Blob),
        ], TriggerKey, new(["SCHED_NAME", "JOB_NAME", "JOB_GROUP"], "JOB_DETAILS", Cascade: false)),
        new("SIMPLE_TRIGGERS",
        [
            Sched, TriggerName, TriggerGroup, Req("REPEAT_COUNT", Kind.Long), Req("REPEAT_INTERVAL", Kind.Long), Req("TIMES_TRIGGERED", Kind.Long),
        ], TriggerKey, OfTrigger),
        new("CRON_TRIGGERS",
        [
            Sched, TriggerName, TriggerGroup, Req("CRON_EXPRESSION", Kind.Name, 250), Opt("TIME_ZONE_ID", Kind.Name, 80),
        ], TriggerKey, OfTrigger),
        new("SIMPROP_TRIGGERS",
        [
            Sched, TriggerName, TriggerGroup,
            Opt("STR_PROP_1", Kind.Name, 512), Opt("STR_PROP_2", Kind.Name, 512), Opt("STR_PROP_3", Kind.Name, 512),
            Opt("INT_PROP_1", Kind.Int), Opt("INT_PROP_2", Kind.Int), Opt("LONG_PROP_1", Kind.Long), Opt("LONG_PROP_2", Kind.Long),
            Opt("DEC_PROP_1", Kind.Decimal), Opt("DEC_PROP_2", Kind.Decimal), Opt("BOOL_PROP_1", Kind.Bool), Opt("BOOL_PROP_2", Kind.Bool),
            Opt("TIME_ZONE_ID", Kind.Name, 80),
        ], TriggerKey, OfTrigger),
        new("BLOB_TRIGGERS", [Sched, TriggerName, TriggerGroup, Opt("BLOB_DATA", Kind.Blob)], TriggerKey, OfTrigger),
        new("CALENDARS", [Sched, Req("CALENDAR_NAME", Kind.Name, 200), Req("CALENDAR", Kind.Blob)], ["SCHED_NAME", "CALENDAR_NAME"]),
        new("PAUSED_TRIGGER_GRPS", [Sched, TriggerGroup, .. Pause], ["SCHED_NAME", "TRIGGER_GROUP"]),
        new("PAUSED_JOB_GRPS", [Sched, Req("JOB_GROUP", Kind.Name, 150), .. Pause], ["SCHED_NAME", "JOB_GROUP"]),
        new("FIRED_TRIGGERS",
        [
            Sched, Req("ENTRY_ID", Kind.Name, 140), TriggerName, TriggerGroup, Req("INSTANCE_NAME", Kind.Name, 200),
            Req("FIRED_TIME", Kind.Long), Req("SCHED_TIME", Kind.Long), Req("PRIORITY", Kind.Int), Req("STATE", Kind.Name, 16),
            Opt("JOB_NAME", Kind.Name, 150), Opt("JOB_GROUP", Kind.Name, 150), Opt("IS_NONCONCURRENT", Kind.Bool),
            Opt("REQUESTS_RECOVERY", Kind.Bool), Opt("EXECUTION_GROUP", Kind.Name, 200), Opt("PROGRESS", Kind.Int),
            Opt("PROGRESS_MESSAGE", Kind.Name, 250), Opt("INTERRUPT_REQUESTED_TIME", Kind.Long),
        ], ["SCHED_NAME", "ENTRY_ID"]),
        new("SCHEDULER_STATE",
        [
            Sched, Req("INSTANCE_NAME", Kind.Name, 200), Req("LAST_CHECKIN_TIME", Kind.Long), Req("CHECKIN_INTERVAL", Kind.Long),
            Opt("QUARTZ_VERSION", Kind.Name, 20),
        ], ["SCHED_NAME", "INSTANCE_NAME"]),
        new("LOCKS", [Sched, Req("LOCK_NAME", Kind.Name, 40)], ["SCHED_NAME", "LOCK_NAME"]),
        // Quartz's own execution history, misfire history and job status: unused by NeonPro (its history is JobRuns,
        // visible on the Jobs page), but part of the store's schema for this version.
        new("EXECUTION_HISTORY",
        [
            Sched, Req("ENTRY_ID", Kind.Name, 140), Req("INSTANCE_NAME", Kind.Name, 200), Req("JOB_NAME", Kind.Name, 150),
            Req("JOB_GROUP", Kind.Name, 150), TriggerName, TriggerGroup, Req("FIRED_TIME", Kind.Long), Req("RUN_TIME", Kind.Long),
            Req("SUCCEEDED", Kind.Bool), Opt("ERROR_MESSAGE", Kind.Text, 1000), new("RETRY_ATTEMPT", Kind.Int, 0, false, "0"),
            new("RETRY_SCHEDULED", Kind.Bool, 0, false, "false"), Opt("EXECUTION_LOG", Kind.LongText), Opt("RESULT", Kind.Int),
            Opt("SUMMARY", Kind.Text, 1000), Opt("METRICS", Kind.LongText), Opt("MANUAL", Kind.Bool),
            Opt("FIRE_INSTANCE_ID", Kind.Name, 140), Opt("JOB_INPUT", Kind.LongText), Opt("JOB_INPUT_TOO_LARGE", Kind.Bool),
        ], ["SCHED_NAME", "ENTRY_ID"]),
        new("MISFIRE_HISTORY",
        [
            Sched, Req("ENTRY_ID", Kind.Name, 140), Req("INSTANCE_NAME", Kind.Name, 200), TriggerName, TriggerGroup,
            Opt("JOB_NAME", Kind.Name, 150), Opt("JOB_GROUP", Kind.Name, 150), Req("MISFIRE_TIME", Kind.Long),
            Opt("SCHED_TIME", Kind.Long), Opt("REASON", Kind.Int),
        ], ["SCHED_NAME", "ENTRY_ID"]),
        new("JOB_STATUS",
        [
            Sched, Req("JOB_GROUP", Kind.Name, 150), Req("JOB_NAME", Kind.Name, 150), Req("FIRST_FIRED_TIME", Kind.Long),
            Req("LAST_FIRED_TIME", Kind.Long), Req("LAST_RESULT", Kind.Int), Req("LAST_RUN_TIME", Kind.Long),
            Req("LAST_INSTANCE_NAME", Kind.Name, 200), Opt("LAST_ENTRY_ID", Kind.Name, 140), Opt("LAST_SUMMARY", Kind.Text, 1000),
            Opt("LAST_SUCCESS_TIME", Kind.Long), Opt("LAST_FAILURE_TIME", Kind.Long), Opt("LAST_FAILURE_MESSAGE", Kind.Text, 1000),
            new("CONSECUTIVE_FAILURES", Kind.Int, 0, false, "0"), new("RUN_COUNT", Kind.Long, 0, false, "0"),
            new("FAILURE_COUNT", Kind.Long, 0, false, "0"),
        ], ["SCHED_NAME", "JOB_GROUP", "JOB_NAME"]),
    ];

    // The indexes Quartz's queries lean on: due triggers by state and time, a node's fired triggers at recovery.
    private static readonly (string Name, string Table, string Columns)[] Indexes =
    [
        ("J_G_N", "JOB_DETAILS", "SCHED_NAME, JOB_GROUP, JOB_NAME"),
        ("T_J", "TRIGGERS", "SCHED_NAME, JOB_NAME, JOB_GROUP"),
        ("T_G_N", "TRIGGERS", "SCHED_NAME, TRIGGER_GROUP, TRIGGER_NAME"),
        ("T_C", "TRIGGERS", "SCHED_NAME, CALENDAR_NAME"),
        ("T_NFT_ST", "TRIGGERS", "SCHED_NAME, TRIGGER_STATE, NEXT_FIRE_TIME, PRIORITY DESC, MISFIRE_INSTR"),
        ("FT_INST_JOB_REQ_RCVRY", "FIRED_TRIGGERS", "SCHED_NAME, INSTANCE_NAME, REQUESTS_RECOVERY"),
        ("FT_J_G", "FIRED_TRIGGERS", "SCHED_NAME, JOB_NAME, JOB_GROUP"),
        ("FT_T_G", "FIRED_TRIGGERS", "SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP"),
        ("EH_FIRED_TIME", "EXECUTION_HISTORY", "SCHED_NAME, FIRED_TIME"),
        ("EH_INST", "EXECUTION_HISTORY", "SCHED_NAME, INSTANCE_NAME"),
        ("EH_JOB_TIME", "EXECUTION_HISTORY", "SCHED_NAME, JOB_GROUP, JOB_NAME, FIRED_TIME"),
        ("EH_FIRE_INST", "EXECUTION_HISTORY", "SCHED_NAME, FIRE_INSTANCE_ID"),
        ("EH_TRIG_TIME", "EXECUTION_HISTORY", "SCHED_NAME, TRIGGER_GROUP, TRIGGER_NAME, FIRED_TIME"),
        ("MH_MISFIRE_TIME", "MISFIRE_HISTORY", "SCHED_NAME, MISFIRE_TIME"),
        ("MH_INST", "MISFIRE_HISTORY", "SCHED_NAME, INSTANCE_NAME"),
    ];

    /// <summary>The names of Quartz's tables (without prefix), in creation order.</summary>
    public static IReadOnlyList<string> TableNames => [.. Tables.Select(t => t.Name)];

    /// <summary>The statements that create Quartz's tables on one engine, each runnable on its own.</summary>
    public static IReadOnlyList<string> CreateStatements(DatabaseProvider provider)
    {
        var statements = new List<string>();
        foreach (var table in Tables)
        {
            var sql = new StringBuilder();
            sql.Append("CREATE TABLE ").Append(TablePrefix).Append(table.Name).Append(" (\n");
            foreach (var column in table.Columns)
            {
                sql.Append("    ").Append(column.Name).Append(' ').Append(TypeOf(column, provider))
                    .Append(column.Nullable ? " NULL" : " NOT NULL");
                if (column.Default is { } value) sql.Append(" DEFAULT ").Append(DefaultOf(value, column.Kind, provider));
                sql.Append(",\n");
            }
            sql.Append("    CONSTRAINT PK_").Append(TablePrefix).Append(table.Name).Append(" PRIMARY KEY (").AppendJoin(", ", table.Key).Append(')');
            if (table.Parent is { } fk)
            {
                sql.Append(",\n    CONSTRAINT FK_").Append(TablePrefix).Append(table.Name).Append('_').Append(fk.Table)
                    .Append(" FOREIGN KEY (").AppendJoin(", ", fk.Columns).Append(") REFERENCES ").Append(TablePrefix).Append(fk.Table)
                    .Append(" (").AppendJoin(", ", fk.Columns).Append(')');
                // A trigger's detail rows (its simple, cron or property schedule) go with it.
                if (fk.Cascade) sql.Append(" ON DELETE CASCADE");
            }
            sql.Append("\n)");
            statements.Add(sql.ToString());
        }
        foreach (var (name, table, columns) in Indexes)
            statements.Add($"CREATE INDEX IDX_{TablePrefix}{name} ON {TablePrefix}{table} ({columns})");
        return statements;
    }

    /// <summary>The statements that drop them again (a migration's Down), children first.</summary>
    public static IReadOnlyList<string> DropStatements() =>
        [.. Tables.Reverse().Select(t => $"DROP TABLE {TablePrefix}{t.Name}")];

    private static string TypeOf(Column column, DatabaseProvider provider) => provider switch
    {
        // SQLite keeps any type name as an affinity; these are the names Quartz's SQLite schema uses.
        DatabaseProvider.Sqlite => column.Kind switch
        {
            Kind.Name or Kind.Text => $"NVARCHAR({column.Length})",
            Kind.LongText => "TEXT",
            Kind.Bool => "BIT",
            Kind.Long => "BIGINT",
            Kind.Int => "INTEGER",
            Kind.Blob => "BLOB",
            Kind.Decimal => "NUMERIC(13,4)",
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        },
        // PostgreSQL: unquoted names fold to lower case, which is how Quartz's unquoted SQL reaches them.
        DatabaseProvider.Postgres => column.Kind switch
        {
            Kind.Name or Kind.Text or Kind.LongText => "text",
            Kind.Bool => "bool",
            Kind.Long => "bigint",
            Kind.Int => "integer",
            Kind.Blob => "bytea",
            Kind.Decimal => "numeric(13,4)",
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        },
        DatabaseProvider.SqlServer => column.Kind switch
        {
            Kind.Name or Kind.Text => $"nvarchar({column.Length})",
            Kind.LongText => "nvarchar(max)",
            Kind.Bool => "bit",
            Kind.Long => "bigint",
            Kind.Int => "int",
            Kind.Blob => "varbinary(max)",
            Kind.Decimal => "numeric(13,4)",
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        },
        _ => throw DatabaseProviders.Unknown(provider),
    };

    private static string DefaultOf(string value, Kind kind, DatabaseProvider provider) =>
        kind == Kind.Bool && provider != DatabaseProvider.Postgres ? (value == "true" ? "1" : "0") : value;
}
