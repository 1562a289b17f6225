using System.Data;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace NeonPro.Web.Data;

/// <summary>
/// SQL Server's counterpart of PostgreSQL's pg_advisory_xact_lock: an exclusive application lock owned by the current
/// transaction (released at commit or rollback). The statement is built here alone so that a test parses exactly the
/// text the app sends.
/// </summary>
internal static class SqlServerAppLock
{
    /// <summary>
    /// How long a writer waits for another holding the same lock. Below SqlClient's 30 s command timeout, so a wait
    /// that gives up comes back as sp_getapplock's own result code rather than as a cancelled command.
    /// </summary>
    public const int TimeoutMilliseconds = 20_000;

    /// <summary>The audit chain's lock; resource names are at most 255 characters.</summary>
    public const string AuditChainResource = "neonpro:audit-chain";

    public static string ResourceName(Guid resourceId) => $"neonpro:resource:{resourceId:N}";

    /// <summary>
    /// sp_getapplock returns 0 (granted at once) or 1 (granted after waiting); -1 timed out, -2 cancelled, -3 chosen
    /// as deadlock victim, -999 bad call. Anything below 0 means the lock is not ours.
    /// </summary>
    public static readonly string CommandText =
        $"EXEC @result = sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = {TimeoutMilliseconds};";

    public static (string Sql, SqlParameter Resource, SqlParameter Result) Command(string resource) =>
        (CommandText,
         new SqlParameter("@resource", SqlDbType.NVarChar, 255) { Value = resource },
         new SqlParameter("@result", SqlDbType.Int) { Direction = ParameterDirection.Output });

    public static async Task AcquireAsync(DbContext db, string resource, CancellationToken ct)
    {
        // A lock owned by a transaction needs one: without it sp_getapplock fails with -999 and nothing is serialised.
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException($"The application lock {resource} must be taken inside a transaction.");
        var (sql, resourceParameter, result) = Command(resource);
        await db.Database.ExecuteSqlRawAsync(sql, [resourceParameter, result], ct);
        if (result.Value is not int code || code < 0)
            throw new InvalidOperationException($"SQL Server did not grant the application lock {resource} (sp_getapplock returned {result.Value}).");
    }
}
