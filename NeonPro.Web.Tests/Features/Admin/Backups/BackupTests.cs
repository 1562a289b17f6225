using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Features.Admin.Backups;
using NeonPro.Web.Infrastructure;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Cli;
using NeonPro.Web.Tests.Features.Scheduling;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Admin.Backups;

// The clinic's server and CI are Linux; file modes are what these tests check.
#pragma warning disable CA1416

/// <summary>A backup taken while the clinic works, restored with the verb into a new folder, serves again as it was.</summary>
public sealed class BackupTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    [Fact]
    public async Task A_backup_taken_while_bookings_are_written_restores_into_a_new_folder_and_the_app_runs_on_it()
    {
        var w = await SchedulingWorld.CreateAsync(app, patients: 8);
        var manager = await app.CreateStaffAsync(Roles.Manager);
        var (receptionist, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var token = (await receptionist.GetDocumentAsync("/Scheduling")).AntiforgeryToken();
        var start = SchedulingWorld.NextMondayUtc(9).AddDays(7);
        var firstBooked = new TaskCompletionSource();
        var booking = Task.Run(async () =>
        {
            for (var i = 0; i < 8; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await w.PostBookingAsync(receptionist, token, w.PatientIds[i], start.AddHours(i))).StatusCode);
                firstBooked.TrySetResult();
            }
        });
        await firstBooked.Task;
        var before = await CountAppointmentsAsync();
        var folder = Path.Combine(app.DataFolder, "copies");

        var copy = await app.WithScopeAsync(sp => sp.GetRequiredService<DatabaseBackup>().BackupAsync(folder, prune: false, CancellationToken.None));

        await booking;
        var after = await CountAppointmentsAsync();
        var (copied, insertsAudited) = await CountCopyAsync(copy.DatabaseFile);
        Assert.InRange(copied, before, after);
        // The copy is one instant: every appointment in it has its audit row, and no row describes one it lacks.
        Assert.Equal(copied, insertsAudited);
        Assert.Equal(SqliteFiles.OwnerOnly, File.GetUnixFileMode(copy.DatabaseFile));
        Assert.Equal(SqliteFiles.OwnerOnly, File.GetUnixFileMode(copy.KeyFile!));

        var restoredFolder = NeonProFactory.NewDataFolder();
        Assert.Equal(0, await RunVerbAsync(restoredFolder, "restore", "--from", copy.DatabaseFile));

        using var restored = NeonProFactory.OnDataFolder(restoredFolder);
        await using (var db = restored.NewDbContext()) Assert.Equal(copied, await db.Appointments.CountAsync());
        var client = restored.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(manager.Email!, NeonProFactory.TestPassword)).StatusCode);
        using var verdict = JsonDocument.Parse(await client.GetStringAsync("/api/compliance/audit/verify"));
        Assert.True(verdict.RootElement.GetProperty("intact").GetBoolean(), verdict.RootElement.ToString());
    }

    [Fact]
    public async Task A_second_backup_in_the_same_second_gets_its_own_file()
    {
        var folder = Path.Combine(app.DataFolder, "twice");

        var (first, second) = await app.WithScopeAsync(async sp =>
        {
            var backup = sp.GetRequiredService<DatabaseBackup>();
            return (await backup.BackupAsync(folder, prune: false, CancellationToken.None), await backup.BackupAsync(folder, prune: false, CancellationToken.None));
        });

        Assert.NotEqual(first.DatabaseFile, second.DatabaseFile);
        Assert.True(File.Exists(first.DatabaseFile) && File.Exists(second.DatabaseFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
    }

    [Fact]
    public async Task Restore_refuses_while_the_app_runs_on_the_data_folder()
    {
        var copy = await app.WithScopeAsync(sp => sp.GetRequiredService<DatabaseBackup>().BackupAsync(Path.Combine(app.DataFolder, "refused"), prune: false, CancellationToken.None));
        var databaseBefore = await File.ReadAllBytesAsync(app.DatabasePath);

        var exit = await RunVerbAsync(app.DataFolder, "restore", "--from", copy.DatabaseFile);

        Assert.Equal(1, exit);
        Assert.False(Directory.GetFiles(app.DataFolder, "neonpro.db.before-restore-*").Length > 0, "the running database was moved aside");
        Assert.True(File.Exists(app.DatabasePath));
        Assert.NotEmpty(databaseBefore);
    }

    private async Task<int> CountAppointmentsAsync()
    {
        await using var db = app.NewDbContext();
        return await db.Appointments.CountAsync();
    }

    private static async Task<(int Appointments, int InsertsAudited)> CountCopyAsync(string file)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        async Task<int> CountAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt32(await command.ExecuteScalarAsync());
        }
        return (await CountAsync("SELECT count(*) FROM Appointments"),
            await CountAsync("SELECT count(*) FROM AuditEntries WHERE EntityType = 'Appointment' AND Action = 'Insert'"));
    }

    /// <summary>A verb as `dotnet run --project NeonPro.Web -- VERB ...` runs it, on the given data folder, in-process.</summary>
    private static async Task<int> RunVerbAsync(string dataFolder, params string[] args)
    {
        string[] all = [.. args, $"--NeonPro:DataFolder={dataFolder}"];
        var builder = WebApplication.CreateBuilder(CommandLine.HostArguments(all));
        builder.AddNeonPro();
        await using var verbApp = builder.Build();
        return await CommandLine.RunAsync(verbApp, all);
    }
}
