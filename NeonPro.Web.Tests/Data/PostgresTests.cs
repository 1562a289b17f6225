using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Cli;
using NeonPro.Web.Tests.Features.Scheduling;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Data;

/// <summary>
/// The same app on a real PostgreSQL server: the migrations, the demo data, the booking rules under
/// concurrency (advisory locks per professional, room and patient instead of SQLite's single writer) and the audit
/// chain (its own advisory lock; timestamps round-tripped at PostgreSQL's microsecond precision).
/// </summary>
public sealed class PostgresTests(PostgresNeonProFactory app) : IClassFixture<PostgresNeonProFactory>
{
    [Fact]
    public Task Twenty_concurrent_booking_posts_create_exactly_one_appointment() => BookingRace.TwentyOverlappingPostsMakeExactlyOneBookingAsync(app);

    [Fact]
    public async Task Concurrent_audited_writes_keep_one_unbroken_audit_chain()
    {
        // Staff accounts and bookings written at the same time all append to the one hash chain.
        var w = await SchedulingWorld.CreateAsync(app, patients: 8);
        var (receptionist, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var token = (await receptionist.GetDocumentAsync("/Scheduling")).AntiforgeryToken();
        var start = SchedulingWorld.NextMondayUtc(9).AddDays(7);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            if (i % 2 == 0) { await app.CreateStaffAsync(Roles.Professional); return; }
            Assert.Equal(HttpStatusCode.OK, (await w.PostBookingAsync(receptionist, token, w.PatientIds[i], start.AddHours(i))).StatusCode);
        }));

        var (manager, _) = await app.SignedInClientAsync(Roles.Manager);
        var verify = await manager.GetAsync("/api/compliance/audit/verify");
        var json = await verify.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        using var result = JsonDocument.Parse(json);
        Assert.True(result.RootElement.GetProperty("intact").GetBoolean(), json);
        await using var db = app.NewDbContext();
        Assert.True(await db.AuditEntries.CountAsync() >= 8 + 4);
        Assert.Equal(await db.AuditEntries.CountAsync(), await db.AuditEntries.Select(a => a.Sequence).Distinct().CountAsync());
    }
}

/// <summary>Its own database: the demo seeder adds appointments only to an agenda that has none.</summary>
public sealed class PostgresDemoDataTests(PostgresNeonProFactory app) : IClassFixture<PostgresNeonProFactory>
{
    [Fact]
    public async Task Migrations_apply_and_the_demo_clinic_seeds_and_shows_on_the_grid()
    {
        await using (var db = app.NewDbContext())
        {
            Assert.True(db.Database.IsNpgsql());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        var report = await app.WithScopeAsync(async sp =>
        {
            var r = new DemoSeedReport();
            foreach (var seeder in sp.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
                await seeder.SeedAsync(DemoSize.Small, r, CancellationToken.None);
            return r;
        });
        Assert.Contains(report.Lines, l => l.StartsWith("appointments: ", StringComparison.Ordinal));

        await using var check = app.NewDbContext();
        var busiest = await check.Appointments.Where(a => a.Status == AppointmentStatus.Scheduled || a.Status == AppointmentStatus.Confirmed)
            .GroupBy(a => a.ProfessionalId).Select(g => new { g.Key, First = g.Min(a => a.StartUtc) }).FirstAsync();
        // Treatments keep their allowed professions (a text[] array on PostgreSQL, JSON text on SQLite).
        Assert.All(await check.Treatments.AsNoTracking().ToListAsync(), t => Assert.NotEmpty(t.AllowedProfessions));

        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var date = TimeZoneInfo.ConvertTimeFromUtc(busiest.First, TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo")).ToString("yyyy-MM-dd");
        var doc = await client.GetDocumentAsync($"/Scheduling?date={date}&view=day&by=professional&professional={busiest.Key}");
        Assert.NotEmpty(doc.QuerySelectorAll($".sched-col[data-col='{busiest.Key}'] .appt"));
    }
}

/// <summary>
/// The PostgreSQL migrations set against the model, as MigrationParityTests does on SQLite: a database
/// built by the migrations and one built by EnsureCreated must have the same columns (type, nullability, default),
/// constraints and indexes, read from PostgreSQL's catalog.
/// </summary>
public sealed class PostgresMigrationParityTests
{
    [Fact]
    public async Task Migrations_build_exactly_the_schema_the_model_describes_on_PostgreSQL()
    {
        var migrated = PostgresServer.Instance.CreateDatabase();
        var created = PostgresServer.Instance.CreateDatabase();
        await using (var db = Context(migrated)) await DatabaseProviders.MigrateAsync(db);
        await using (var db = Context(created)) await db.Database.EnsureCreatedAsync();

        var fromMigrations = await DescribeAsync(migrated);
        var fromModel = await DescribeAsync(created);
        var differences = fromModel.Except(fromMigrations).Select(f => "model has       " + f)
            .Concat(fromMigrations.Except(fromModel).Select(f => "migrations have " + f)).Order().ToList();
        Assert.True(differences.Count == 0,
            "The migrations do not build the model's schema on PostgreSQL:\n" + string.Join("\n", differences));
        Assert.True(fromModel.Count > 50, $"expected a real schema, read {fromModel.Count} facts");
    }

    private static NeonProDbContext Context(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<NeonProDbContext>();
        DatabaseProviders.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString });
        return new NeonProDbContext(builder.Options);
    }

    private static async Task<HashSet<string>> DescribeAsync(string connectionString)
    {
        var facts = new HashSet<string>();
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        async Task ReadAsync(string sql)
        {
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                facts.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString())));
        }
        await ReadAsync("""
            -- Quartz's qrtz_ tables are Quartz's schema, created by DDL in our migrations, not by the model.
            SELECT 'column', table_name, column_name, data_type, udt_name, is_nullable, coalesce(character_maximum_length, -1),
                   coalesce(numeric_precision, -1), coalesce(numeric_scale, -1), coalesce(column_default, '')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory' AND table_name NOT LIKE 'qrtz!_%' ESCAPE '!'
            """);
        // Constraint and index names and definitions (primary keys, foreign keys with their delete rules, uniques, filters).
        await ReadAsync("""
            SELECT 'constraint', conrelid::regclass::text, conname, pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"__EFMigrationsHistory"' AND conrelid::regclass::text NOT LIKE 'qrtz!_%' ESCAPE '!'
            """);
        await ReadAsync("""
            SELECT 'index', tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory' AND tablename NOT LIKE 'qrtz!_%' ESCAPE '!'
            """);
        return facts;
    }
}
