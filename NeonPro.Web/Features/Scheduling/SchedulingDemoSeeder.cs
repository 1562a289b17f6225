using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Infrastructure.Cli;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Scheduling;

/// <summary>
/// Past and future appointments with a realistic status mix, never overlapping for a professional, a room or a
/// patient, always inside the professional's hours and scope. Small: about two months around today. Large (the
/// benchmark set): 1,000,000 appointments over about five years, written through an unaudited context in batches.
/// Runs after professionals, catalog and patients (Order 40); idempotent.
/// </summary>
public sealed class SchedulingDemoSeeder(NeonProDbContext db, ClinicClock clock, IServiceProvider services) : IDemoSeeder
{
    public int Order => 40;
    public const int LargeTarget = 1_000_000;

    public async Task SeedAsync(DemoSize size, DemoSeedReport report, CancellationToken ct)
    {
        if (await db.Appointments.AnyAsync(ct)) return;
        if (!await db.SchedulingSettings.AnyAsync(ct))
        {
            db.SchedulingSettings.Add(new SchedulingSettings { OpensAt = new TimeOnly(7, 0), ClosesAt = new TimeOnly(21, 0), LateCancellationFee = 50m });
            await db.SaveChangesAsync(ct);
        }

        var professionals = await db.Professionals.AsNoTracking().Include(p => p.WorkingHours).Include(p => p.Scopes).Where(p => p.IsActive).ToListAsync(ct);
        var treatments = await db.Treatments.AsNoTracking().Include(t => t.RequiredEquipment).Where(t => t.IsActive).ToListAsync(ct);
        var rooms = await db.Rooms.AsNoTracking().Include(r => r.Equipment).Where(r => r.IsActive).OrderBy(r => r.Name).ToListAsync(ct);
        var patientIds = await db.Patients.AsNoTracking().Where(p => p.AnonymizedAtUtc == null && p.BirthDate <= DateOnly.FromDateTime(DateTime.UtcNow.AddYears(-18)))
            .Select(p => p.Id).ToListAsync(ct);
        if (professionals.Count == 0 || treatments.Count == 0 || patientIds.Count == 0)
        {
            report.Add("appointments: skipped (no professionals, treatments or adult patients to book)");
            return;
        }
        var closed = (await db.ClinicClosedDays.AsNoTracking().Select(c => c.Date).ToListAsync(ct)).ToHashSet();

        var today = DateOnly.FromDateTime(clock.Now);
        var (first, last) = size == DemoSize.Large ? (today.AddMonths(-30), today.AddMonths(30)) : (today.AddDays(-45), today.AddDays(30));
        var random = new Random(4242);
        var nowUtc = clock.UtcNow;

        // Which treatments each professional may do by default and which rooms fit each treatment.
        var menu = professionals.ToDictionary(p => p.Id, p => treatments
            .Where(t => ScopeRule.Decide(p.Profession, p.StandingOn(today), true, p.RequiresSupervision, t.AllowedProfessions, true,
                p.Scopes.Where(s => s.TreatmentId == t.Id).Select(s => s.AsOverride()), today) is { MayPerform: true, Mode: ScopeMode.Independent })
            .ToList());
        var fitting = treatments.ToDictionary(t => t.Id, t => rooms.Where(t.FitsIn).ToList());

        // Capacity in 15-minute slots, to spread the large target evenly.
        long capacity = 0;
        for (var d = first; d <= last; d = d.AddDays(1))
            if (!closed.Contains(d))
                foreach (var p in professionals.Where(p => menu[p.Id].Count > 0))
                    capacity += p.WorkingHours.Where(h => h.Day == d.DayOfWeek).Sum(h => (long)((h.End - h.Start).TotalMinutes / 15));
        var perSlot = size == DemoSize.Large ? Math.Min(1.0, LargeTarget / (capacity * 0.9 * 1.15)) : 0.35;

        var watch = Stopwatch.StartNew();
        var total = 0;
        var batch = new List<Appointment>(10_000);
        // Busy intervals of rooms and patients in the day being generated (professionals are filled in sequence).
        var roomBusy = new Dictionary<Guid, List<(DateTime, DateTime)>>();
        var patientBusy = new Dictionary<Guid, DateTime>();
        await using var bulk = DemoDatabase.CreateUnaudited(services);

        for (var day = first; day <= last && (size != DemoSize.Large || total < LargeTarget); day = day.AddDays(1))
        {
            if (closed.Contains(day)) continue;
            roomBusy.Clear();
            patientBusy.Clear();
            foreach (var pro in professionals)
            {
                var options = menu[pro.Id];
                if (options.Count == 0) continue;
                foreach (var hours in pro.WorkingHours.Where(h => h.Day == day.DayOfWeek).OrderBy(h => h.Start))
                {
                    var cursor = day.ToDateTime(hours.Start);
                    var end = day.ToDateTime(hours.End);
                    while (cursor < end)
                    {
                        var treatment = options[random.Next(options.Count)];
                        var minutes = size == DemoSize.Large ? (random.NextDouble() < 0.8 ? 15 : 30) : Math.Clamp(treatment.DurationMinutes, 15, 90);
                        var slotEnd = cursor.AddMinutes(minutes);
                        if (slotEnd > end) break;
                        if (random.NextDouble() > perSlot) { cursor = cursor.AddMinutes(15); continue; }

                        var startUtc = clock.ToUtc(cursor);
                        var endUtc = clock.ToUtc(slotEnd);
                        Guid? roomId = null;
                        if (fitting[treatment.Id] is { Count: > 0 } candidates)
                        {
                            roomId = candidates.Select(r => (Guid?)r.Id).FirstOrDefault(id =>
                                !roomBusy.TryGetValue(id!.Value, out var busy) || busy.All(b => !TimeOverlap.Overlaps(b.Item1, b.Item2, startUtc, endUtc)));
                            // Only a treatment that needs equipment must have a room; others go without when all are taken.
                            if (roomId is null && treatment.RequiredEquipment.Count > 0) { cursor = cursor.AddMinutes(15); continue; }
                        }
                        else if (treatment.RequiredEquipment.Count > 0) { cursor = cursor.AddMinutes(15); continue; }

                        // A patient is seen at most once a day in the demo, which also rules out patient overlaps.
                        Guid patientId;
                        var tries = 0;
                        do patientId = patientIds[random.Next(patientIds.Count)]; while (patientBusy.ContainsKey(patientId) && ++tries < 20);
                        if (patientBusy.ContainsKey(patientId)) { cursor = cursor.AddMinutes(15); continue; }
                        patientBusy[patientId] = startUtc;
                        if (roomId is { } rid)
                        {
                            if (!roomBusy.TryGetValue(rid, out var list)) roomBusy[rid] = list = [];
                            list.Add((startUtc, endUtc));
                        }

                        var status = PickStatus(random, startUtc < nowUtc);
                        var a = new Appointment
                        {
                            PatientId = patientId, ProfessionalId = pro.Id, TreatmentId = treatment.Id, RoomId = roomId,
                            StartUtc = startUtc, EndUtc = endUtc, Status = status,
                            CreatedAtUtc = startUtc.AddDays(-random.Next(1, 30)), CreatedByName = "seed-demo",
                            UpdatedAtUtc = startUtc.AddDays(-1), UpdatedByName = "seed-demo",
                        };
                        if (status == AppointmentStatus.Cancelled)
                        {
                            a.CancelledAtUtc = startUtc.AddHours(-random.Next(2, 72));
                            a.CancelledByName = "seed-demo";
                            a.CancellationReason = "Paciente pediu para desmarcar";
                        }
                        batch.Add(a);
                        total++;
                        // A cancelled or rescheduled booking frees its time: another booking may take it.
                        if (AppointmentStateMachine.OccupiesTime(status) || status == AppointmentStatus.NoShow) cursor = slotEnd;

                        if (batch.Count == batch.Capacity)
                        {
                            await FlushAsync(bulk, batch, ct);
                            if (size == DemoSize.Large) Console.Error.WriteLine($"seed-demo: {total:N0} appointments ({watch.Elapsed.TotalSeconds:F0} s)");
                        }
                    }
                }
            }
        }
        await FlushAsync(bulk, batch, ct);
        report.Add($"appointments: {total:N0} from {first:dd/MM/yyyy} to {last:dd/MM/yyyy} in {watch.Elapsed.TotalSeconds:F0} s");
    }

    private static AppointmentStatus PickStatus(Random random, bool past)
    {
        var r = random.NextDouble();
        return past
            ? r switch { < 0.78 => AppointmentStatus.Completed, < 0.86 => AppointmentStatus.NoShow, < 0.97 => AppointmentStatus.Cancelled, _ => AppointmentStatus.Rescheduled }
            : r switch { < 0.55 => AppointmentStatus.Scheduled, < 0.88 => AppointmentStatus.Confirmed, < 0.97 => AppointmentStatus.Cancelled, _ => AppointmentStatus.Rescheduled };
    }

    private static async Task FlushAsync(NeonProDbContext bulk, List<Appointment> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        await using var tx = await bulk.Database.BeginTransactionAsync(ct);
        bulk.Appointments.AddRange(batch);
        await bulk.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        bulk.ChangeTracker.Clear();
        batch.Clear();
    }
}
