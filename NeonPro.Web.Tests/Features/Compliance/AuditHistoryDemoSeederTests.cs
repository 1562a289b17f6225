using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Features.Compliance.Audit;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Cli;
using NeonPro.Web.Tests.Features.Scheduling;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Compliance;

/// <summary>
/// The large demo set's audit history, written in bulk on a clinic seeded with the small set (the history seeder reads
/// what is on file, whichever size wrote it): chained so the whole trail verifies, shaped like the rows the app writes,
/// ending on each appointment's stored values, and written once.
/// </summary>
public sealed class AuditHistoryDemoSeederTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private Task<long> SeedAsync(DemoSize size) => app.WithScopeAsync(async sp =>
    {
        sp.GetRequiredService<AuditActorAccessor>().ActAsSystem("seed-demo");
        var report = new DemoSeedReport();
        foreach (var seeder in sp.GetServices<IDemoSeeder>().Where(s => s is not AuditHistoryDemoSeeder).OrderBy(s => s.Order))
            await seeder.SeedAsync(DemoSize.Small, report, CancellationToken.None);
        await using var db = app.NewDbContext();
        var before = await db.AuditEntries.LongCountAsync();
        await sp.GetServices<IDemoSeeder>().OfType<AuditHistoryDemoSeeder>().Single().SeedAsync(size, report, CancellationToken.None);
        return await db.AuditEntries.LongCountAsync() - before;
    });

    [Fact]
    public async Task Large_seeding_writes_the_history_of_every_seeded_patient_and_appointment_chained_like_the_app_and_only_once()
    {
        Assert.Equal(0, await SeedAsync(DemoSize.Small)); // the small set writes no history
        // Rows the app itself writes, to compare shapes with: patients registered and a booking made through the form
        // (after the demo agenda: the scheduling seeder fills only an empty one).
        var world = await SchedulingWorld.CreateAsync(app, patients: 1);
        var (receptionist, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var token = (await receptionist.GetDocumentAsync("/Scheduling")).AntiforgeryToken();
        Assert.Equal(HttpStatusCode.OK, (await world.PostBookingAsync(receptionist, token, world.PatientIds[0], SchedulingWorld.NextMondayUtc(10))).StatusCode);

        var written = await SeedAsync(DemoSize.Large);

        await using var db = app.NewDbContext();
        var appointments = await db.Appointments.AsNoTracking().Where(a => a.CreatedByName == "seed-demo").ToListAsync();
        var patients = await db.Patients.AsNoTracking().Where(p => !world.PatientIds.Contains(p.Id)).Select(p => p.Id).ToListAsync();
        Assert.True(appointments.Count > 100 && patients.Count >= 300, $"{appointments.Count} appointments, {patients.Count} patients");
        Assert.True(written > appointments.Count + patients.Count, $"{written} rows");

        // The whole chain, app rows and bulk rows together, verifies through the real API.
        var (manager, _) = await app.SignedInClientAsync(Roles.Manager);
        var verify = JsonNode.Parse(await manager.GetStringAsync("/api/compliance/audit/verify"))!;
        Assert.True(verify["intact"]!.GetValue<bool>(), verify.ToJsonString());
        Assert.Equal(await db.AuditEntries.LongCountAsync(), verify["rowsChecked"]!.GetValue<long>());

        var trail = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Appointment" || a.EntityType == "Patient" || a.EntityType == "AppointmentStatusChange")
            .OrderBy(a => a.Sequence).ToListAsync();
        var seeded = trail.Where(a => a.UserName == "Sistema: seed-demo").ToList();
        Assert.All(seeded, a => Assert.Equal(AuditActor.SystemRole, a.Role));

        // Same shape as the app's rows: the same fields, in the same order, for a booking and for a registration.
        string Fields(AuditEntry a) => string.Join(",", JsonNode.Parse(a.NewValues!)!.AsObject().Select(f => f.Key));
        var booked = trail.Single(a => a.EntityType == "Appointment" && a.Action == AuditAction.Insert && a.UserName != "Sistema: seed-demo");
        Assert.Equal(Fields(booked), Fields(seeded.First(a => a.EntityType == "Appointment" && a.Action == AuditAction.Insert)));
        var registered = trail.First(a => a.EntityType == "Patient" && a.Action == AuditAction.Insert && a.UserName != "Sistema: seed-demo");
        var seededPatient = seeded.First(a => a.EntityType == "Patient");
        Assert.Equal(Fields(registered), Fields(seededPatient));
        Assert.StartsWith("hmac:", JsonNode.Parse(seededPatient.NewValues!)!["FullName"]!.GetValue<string>()); // identifying values hashed

        // Every seeded patient's registration and every seeded booking is there once; replaying a booking's rows ends on
        // the values stored now, and the small set's stored status history is audited as the app writes it.
        Assert.Equal(patients.Select(p => p.ToString()).Order(), seeded.Where(a => a.EntityType == "Patient").Select(a => a.EntityId!).Order());
        var byAppointment = seeded.Where(a => a.EntityType == "Appointment").ToLookup(a => a.EntityId!);
        foreach (var a in appointments)
        {
            var rows = byAppointment[a.Id.ToString()].ToList();
            Assert.Equal(AuditAction.Insert, rows[0].Action);
            Assert.All(rows.Skip(1), r => Assert.Equal(AuditAction.Update, r.Action));
            var replayed = new Dictionary<string, string?>();
            foreach (var r in rows)
                foreach (var (field, value) in JsonNode.Parse(r.NewValues!)!.AsObject()) replayed[field] = value?.ToString();
            Assert.Equal(a.Status.ToString(), replayed["Status"]);
            Assert.Equal(a.Version.ToString(), replayed["Version"]);
            Assert.Equal(a.UpdatedAtUtc.ToString("O"), replayed["UpdatedAtUtc"]);
            Assert.True(rows.Zip(rows.Skip(1)).All(p => p.First.OccurredAtUtc <= p.Second.OccurredAtUtc), "a booking's rows in time order");
        }
        var steps = await db.AppointmentStatusChanges.AsNoTracking().Where(h => h.ByName == "seed-demo").CountAsync();
        Assert.Equal(steps, seeded.Count(a => a.EntityType == "AppointmentStatusChange"));

        // Seeding again adds nothing.
        Assert.Equal(0, await SeedAsync(DemoSize.Large));
    }
}
