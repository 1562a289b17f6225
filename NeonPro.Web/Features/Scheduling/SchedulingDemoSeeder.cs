using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Catalog;
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

        var professionals = await db.Professionals.AsNoTracking().AsSplitQuery().Include(p => p.WorkingHours).Include(p => p.Scopes).Where(p => p.IsActive).ToListAsync(ct);
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
        // Large: about five years (31 months back, 30 ahead) of 15-minute visits; the 1,000,000 for twelve
        // professionals is about 55 a day each, which only short visits over 07:00–21:00 can hold without overlaps.
        var (first, last) = size == DemoSize.Large ? (today.AddMonths(-31), today.AddMonths(30)) : (today.AddDays(-45), today.AddDays(30));
        var random = new Random(4242);
        var nowUtc = clock.UtcNow;

        // Which treatments each professional may do, before and after today. Registrations are taken as in good
        // standing in the past (the suspended demo professional worked normally until recently); a professional who
        // must be supervised books under their named supervisor, as the booking form does.
        List<Treatment> Menu(Professional p, CredentialStanding standing) => treatments
            .Where(t => ScopeRule.Decide(p.Profession, standing, true, p.RequiresSupervision, t.AllowedProfessions, true,
                    p.Scopes.Where(s => s.TreatmentId == t.Id).Select(s => s.AsOverride()), today) is { MayPerform: true } scope
                && (scope.Mode == ScopeMode.Independent || p.SupervisorId is not null))
            .ToList();
        var pastMenu = professionals.ToDictionary(p => p.Id, p => Menu(p, CredentialStanding.Good));
        var futureMenu = professionals.ToDictionary(p => p.Id, p => Menu(p, p.StandingOn(today)));
        var fitting = treatments.ToDictionary(t => t.Id, t => rooms.Where(t.FitsIn).ToList());

        // Capacity of each day in 15-minute slots. The large set spreads what is left of the target over what is left of
        // the capacity, day by day, so every week is about equally busy; it aims to finish a few days before the window
        // ends, so random shortfalls on the way are made up and the count lands exactly on the target.
        var days = new List<(DateOnly Day, long Slots)>();
        for (var d = first; d <= last; d = d.AddDays(1))
            if (!closed.Contains(d))
                days.Add((d, professionals.Where(p => (d < today ? pastMenu : futureMenu)[p.Id].Count > 0)
                    .Sum(p => p.WorkingHours.Where(h => h.Day == d.DayOfWeek).Sum(h => (long)((h.End - h.Start).TotalMinutes / 15)))));
        var remainingSlots = days.Sum(d => d.Slots);
        var reserve = days.TakeLast(5).Sum(d => d.Slots);
        // Bookings per slot offered: a cancelled or rescheduled booking leaves its time free for another, while a slot
        // whose patient or room cannot be found stays empty. Starts from an estimate and follows what actually happens.
        double offered = 0;

        var watch = Stopwatch.StartNew();
        var total = 0;
        var batch = new List<Appointment>(10_000);
        // Busy intervals of rooms and patients in the day being generated (professionals are filled in sequence).
        var roomBusy = new Dictionary<Guid, List<(DateTime, DateTime)>>();
        var patientBusy = new HashSet<Guid>();
        // Bookings a patient moved (status Rescheduled), waiting for a later slot of the same professional; the
        // booking that takes it links back through RescheduledFromId, as a move in the app does.
        var pendingMoves = new Dictionary<Guid, Queue<Appointment>>();
        var treatmentsById = treatments.ToDictionary(t => t.Id);
        Appointment? NextMove(Guid professionalId, List<Treatment> options) =>
            pendingMoves.TryGetValue(professionalId, out var queue) && queue.TryPeek(out var waiting)
                && !patientBusy.Contains(waiting.PatientId) && options.Any(t => t.Id == waiting.TreatmentId) ? waiting : null;
        await using var bulk = DemoDatabase.CreateUnaudited(services);

        Guid? FreeRoom(Treatment treatment, DateTime startUtc, DateTime endUtc) =>
            fitting[treatment.Id].Select(r => (Guid?)r.Id).FirstOrDefault(id =>
                !roomBusy.TryGetValue(id!.Value, out var busy) || busy.All(b => !TimeOverlap.Overlaps(b.Item1, b.Item2, startUtc, endUtc)));

        foreach (var (day, daySlots) in days)
        {
            if (size == DemoSize.Large && total >= LargeTarget) break;
            var bookingsPerSlot = offered > 1000 ? total / offered : 1.1;
            var perSlot = size == DemoSize.Large
                ? Math.Min(1.0, (LargeTarget - total) / (Math.Max(daySlots, remainingSlots - reserve) * bookingsPerSlot))
                : 0.35;
            remainingSlots -= daySlots;
            offered += daySlots * perSlot;
            roomBusy.Clear();
            patientBusy.Clear();
            foreach (var pro in professionals)
            {
                var options = (day < today ? pastMenu : futureMenu)[pro.Id];
                if (options.Count == 0) continue;
                var withoutEquipment = options.Where(t => t.RequiredEquipment.Count == 0).ToList();
                foreach (var hours in pro.WorkingHours.Where(h => h.Day == day.DayOfWeek).OrderBy(h => h.Start))
                {
                    var cursor = day.ToDateTime(hours.Start);
                    var end = day.ToDateTime(hours.End);
                    while (cursor < end && (size != DemoSize.Large || total < LargeTarget))
                    {
                        var movedFrom = NextMove(pro.Id, options);
                        var treatment = movedFrom is not null ? treatmentsById[movedFrom.TreatmentId] : options[random.Next(options.Count)];
                        var minutes = size == DemoSize.Large ? 15 : Math.Clamp(treatment.DurationMinutes, 15, 90);
                        var slotEnd = cursor.AddMinutes(minutes);
                        if (slotEnd > end) break;
                        if (random.NextDouble() > perSlot) { cursor = cursor.AddMinutes(15); continue; }

                        var startUtc = clock.ToUtc(cursor);
                        var endUtc = clock.ToUtc(slotEnd);
                        var roomId = FreeRoom(treatment, startUtc, endUtc);
                        // Every room with the equipment is taken: offer something that needs none instead.
                        if (roomId is null && treatment.RequiredEquipment.Count > 0)
                        {
                            if (withoutEquipment.Count == 0) { cursor = cursor.AddMinutes(15); continue; }
                            movedFrom = null; // it waits for a slot where a room with its equipment is free
                            treatment = withoutEquipment[random.Next(withoutEquipment.Count)];
                            roomId = FreeRoom(treatment, startUtc, endUtc);
                        }

                        // A patient is seen at most once a day in the demo, which also rules out patient overlaps.
                        Guid patientId;
                        if (movedFrom is not null)
                        {
                            patientId = pendingMoves[pro.Id].Dequeue().PatientId;
                            patientBusy.Add(patientId);
                        }
                        else
                        {
                            var tries = 0;
                            do patientId = patientIds[random.Next(patientIds.Count)]; while (patientBusy.Contains(patientId) && ++tries < 20);
                            if (!patientBusy.Add(patientId)) { cursor = cursor.AddMinutes(15); continue; }
                        }
                        if (roomId is { } rid)
                        {
                            if (!roomBusy.TryGetValue(rid, out var list)) roomBusy[rid] = list = [];
                            list.Add((startUtc, endUtc));
                        }

                        var status = PickStatus(random, startUtc < nowUtc);
                        var a = new Appointment
                        {
                            PatientId = patientId, ProfessionalId = pro.Id, TreatmentId = treatment.Id, RoomId = roomId,
                            SupervisorId = pro.RequiresSupervision ? pro.SupervisorId : null,
                            StartUtc = startUtc, EndUtc = endUtc, Status = status,
                            CreatedAtUtc = Earlier(startUtc.AddDays(-random.Next(1, 30)), nowUtc), CreatedByName = "seed-demo",
                            UpdatedAtUtc = Earlier(startUtc.AddDays(-1), nowUtc), UpdatedByName = "seed-demo",
                        };
                        if (movedFrom is not null)
                        {
                            a.RescheduledFromId = movedFrom.Id;
                            a.MoveCount = movedFrom.MoveCount + 1;
                            a.CreatedAtUtc = movedFrom.UpdatedAtUtc; // booked when the original was moved
                        }
                        if (status == AppointmentStatus.Rescheduled)
                        {
                            if (!pendingMoves.TryGetValue(pro.Id, out var queue)) pendingMoves[pro.Id] = queue = new();
                            queue.Enqueue(a);
                        }
                        if (status == AppointmentStatus.Cancelled)
                        {
                            a.CancelledAtUtc = Earlier(startUtc.AddHours(-random.Next(2, 72)), nowUtc);
                            a.CancelledByName = "seed-demo";
                            a.CancellationReason = "Paciente pediu para desmarcar";
                        }
                        // The small demo clinic is clicked through, so its panels show the steps each booking went
                        // through; the large benchmark set leaves them out (millions of rows nobody reads).
                        if (size == DemoSize.Small) a.History.AddRange(Steps(a, nowUtc));
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
        var lastDay = await bulk.Appointments.MaxAsync(a => (DateTime?)a.StartUtc, ct);
        report.Add($"appointments: {total:N0} from {first:dd/MM/yyyy} to {(lastDay is { } l ? clock.ToClinicTime(l).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) : "-")} in {watch.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>The status changes that led to a demo booking's status, at plausible times, none after now.</summary>
    private static IEnumerable<AppointmentStatusChange> Steps(Appointment a, DateTime nowUtc)
    {
        AppointmentStatus? from = null;
        foreach (var (to, at) in StatusPath(a, nowUtc))
        {
            yield return new AppointmentStatusChange
            {
                AppointmentId = a.Id, From = from, To = to, AtUtc = at, ByName = "seed-demo",
                Note = to == AppointmentStatus.Cancelled ? a.CancellationReason : null,
            };
            from = to;
        }
    }

    /// <summary>
    /// The statuses a demo booking went through to reach its own, from Scheduled at its creation, with their times
    /// (never after now). The large set stores no history rows; its audit history is written from this path.
    /// </summary>
    public static IEnumerable<(AppointmentStatus To, DateTime AtUtc)> StatusPath(Appointment a, DateTime nowUtc)
    {
        var path = a.Status switch
        {
            AppointmentStatus.Completed => new[] {
                (AppointmentStatus.Confirmed, a.StartUtc.AddDays(-1)), (AppointmentStatus.Arrived, a.StartUtc.AddMinutes(-10)),
                (AppointmentStatus.InProgress, a.StartUtc), (AppointmentStatus.Completed, a.EndUtc) },
            AppointmentStatus.NoShow => [(AppointmentStatus.Confirmed, a.StartUtc.AddDays(-1)), (AppointmentStatus.NoShow, a.StartUtc.AddMinutes(30))],
            AppointmentStatus.Confirmed => [(AppointmentStatus.Confirmed, a.UpdatedAtUtc)],
            AppointmentStatus.Cancelled => [(AppointmentStatus.Cancelled, a.CancelledAtUtc ?? a.UpdatedAtUtc)],
            AppointmentStatus.Rescheduled => [(AppointmentStatus.Rescheduled, a.UpdatedAtUtc)],
            _ => Array.Empty<(AppointmentStatus, DateTime)>(),
        };
        var at = a.CreatedAtUtc;
        foreach (var (to, when) in path.Prepend((AppointmentStatus.Scheduled, a.CreatedAtUtc)))
        {
            at = Earlier(when > at ? when : at, nowUtc);
            yield return (to, at);
        }
    }

    /// <summary>Nothing about a future appointment happened after now (it was booked, changed or cancelled already).</summary>
    private static DateTime Earlier(DateTime value, DateTime nowUtc) => value < nowUtc ? value : nowUtc;

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
