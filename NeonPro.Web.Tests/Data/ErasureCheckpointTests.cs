using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NeonPro.Web.Data;
using NeonPro.Web.Infrastructure.Jobs;
using NeonPro.Web.Tests.Features.Compliance;
using NeonPro.Web.Tests.Features.Patients;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Data;

/// <summary>What "make erased data unrecoverable from the files" does on SQLite when another connection is still reading.</summary>
public sealed class ErasureCheckpointTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    /// <summary>Keeps what was logged, so the test can read the warning the operator would see.</summary>
    private sealed class LogLines : ILogger
    {
        public List<(LogLevel Level, string Text)> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }

    private long WalLength() => new FileInfo(app.DatabasePath + "-wal") is { Exists: true } wal ? wal.Length : 0;

    [Fact]
    public async Task A_reader_on_an_older_snapshot_leaves_the_log_for_the_periodic_job_and_a_warning_says_so()
    {
        await using var reader = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await reader.OpenAsync();
        await using (var read = reader.CreateCommand())
        {
            // A long read (an export, a backup): its snapshot needs the page versions the log still holds.
            read.CommandText = "BEGIN; SELECT COUNT(*) FROM Patients;";
            await read.ExecuteScalarAsync();
        }
        await app.CreatePatientAsync($"Lia {PatientsArrange.UniqueSurname()}", PatientsArrange.NewCpf(), "+5511987650000", "lia@exemplo.test", "Rua Augusta");
        Assert.True(WalLength() > 0);

        var log = new LogLines();
        await app.WithScopeAsync(async sp =>
            await DatabaseProviders.MakeErasedDataUnrecoverableAsync(DatabaseProvider.Sqlite, sp.GetRequiredService<NeonProDbContext>(), log, CancellationToken.None));

        Assert.True(WalLength() > 0); // it could not be truncated under the reader's feet...
        Assert.Contains(log.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains("periodic checkpoint job"));

        // ...and once the reader is done, the periodic job empties it.
        await using (var end = reader.CreateCommand())
        {
            end.CommandText = "ROLLBACK;";
            await end.ExecuteNonQueryAsync();
        }
        await app.WithScopeAsync(async sp =>
            await new SqliteCheckpointJob(sp.GetRequiredService<NeonProDbContext>(), sp.GetRequiredService<AuditActorAccessor>(), NullLogger<SqliteCheckpointJob>.Instance).RunAsync(new JobRunContext(DateTime.UtcNow, "test"), CancellationToken.None));
        Assert.Equal(0, WalLength());
    }

    [Fact]
    public async Task With_no_reader_in_the_way_the_log_is_emptied_at_once_and_nothing_is_logged()
    {
        await app.CreatePatientAsync($"Rui {PatientsArrange.UniqueSurname()}", PatientsArrange.NewCpf(), "+5511987651111", "rui@exemplo.test", "Rua Bela Cintra");
        Assert.True(WalLength() > 0);

        var log = new LogLines();
        await app.WithScopeAsync(async sp =>
            await DatabaseProviders.MakeErasedDataUnrecoverableAsync(DatabaseProvider.Sqlite, sp.GetRequiredService<NeonProDbContext>(), log, CancellationToken.None));

        Assert.Equal(0, WalLength());
        Assert.Empty(log.Lines);
    }
}
