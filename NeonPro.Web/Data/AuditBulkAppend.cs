using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using NeonPro.Web.Domain.Audit;

namespace NeonPro.Web.Data;

/// <summary>
/// Appends a long stream of audit rows to the chain without EF's change tracker: one prepared INSERT per row in
/// transactions of many thousand rows, each transaction taking the chain's lock and reading its tail first, and every
/// row sealed by <see cref="AuditInterceptor.Seal"/>, so the rows verify exactly like those the app writes.
/// Parameters come from the model's own type mappings: every engine stores the values as EF would.
/// </summary>
public static class AuditBulkAppend
{
    public static async Task<long> AppendAsync(NeonProDbContext db, IEnumerable<AuditEntry> rows, AuditActor actor, DateTime now,
        int rowsPerTransaction = 50_000, CancellationToken ct = default)
    {
        var type = db.Model.FindEntityType(typeof(AuditEntry))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties().ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var insert = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var getters = columns.Select(c => c.GetGetter()).ToArray();
        var mappings = columns.Select(c => c.GetRelationalTypeMapping()).ToArray();

        long written = 0;
        using var source = rows.GetEnumerator();
        var more = source.MoveNext();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            while (more)
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await DatabaseProviders.LockAuditChainAsync(db, ct);
                var tail = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
                    .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
                var sequence = tail?.Sequence ?? 0;
                var previous = tail?.Hash ?? AuditChain.Genesis;

                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.Transaction = tx.GetDbTransaction();
                command.CommandText = insert;
                var parameters = new DbParameter[columns.Count];
                for (var i = 0; i < columns.Count; i++)
                {
                    parameters[i] = mappings[i].CreateParameter(command, "@p" + i, null, columns[i].IsNullable);
                    command.Parameters.Add(parameters[i]);
                }
                await command.PrepareAsync(ct);

                var inThisTransaction = 0;
                while (more && inThisTransaction < rowsPerTransaction)
                {
                    var row = source.Current;
                    previous = AuditInterceptor.Seal(row, ++sequence, previous, now, actor);
                    for (var i = 0; i < parameters.Length; i++)
                    {
                        var value = getters[i].GetClrValue(row);
                        if (value is not null && mappings[i].Converter is { } converter) value = converter.ConvertToProvider(value);
                        parameters[i].Value = value ?? DBNull.Value;
                    }
                    await command.ExecuteNonQueryAsync(ct);
                    inThisTransaction++;
                    more = source.MoveNext();
                }
                await tx.CommitAsync(ct);
                written += inThisTransaction;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return written;
    }
}
