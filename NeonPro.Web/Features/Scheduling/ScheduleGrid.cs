using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Scheduling;

public enum GridView { Day, Week }

public enum GridAxis { Professional, Room }

/// <summary>What the grid shows: a date, a view, columns by professional or room, optionally one professional.</summary>
public sealed record GridQuery(DateOnly Date, GridView View, GridAxis Axis, Guid? Professional)
{
    public DateOnly FirstDay => View == GridView.Day ? Date : Date.AddDays(-(((int)Date.DayOfWeek + 6) % 7));
    public int DayCount => View == GridView.Day ? 1 : 7;
    public IEnumerable<DateOnly> Days => Enumerable.Range(0, DayCount).Select(FirstDay.AddDays);

    public DateOnly Previous => View == GridView.Day ? Date.AddDays(-1) : Date.AddDays(-7);
    public DateOnly Next => View == GridView.Day ? Date.AddDays(1) : Date.AddDays(7);

    /// <summary>The query string this view lives at, so it can be shared and survives reload and back.</summary>
    public string ToQueryString(DateOnly? date = null, GridView? view = null, GridAxis? axis = null, Guid? professional = null, bool clearProfessional = false)
    {
        var p = clearProfessional ? null : professional ?? Professional;
        var q = $"?date={(date ?? Date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&view={(view ?? View).ToString().ToLowerInvariant()}&by={(axis ?? Axis).ToString().ToLowerInvariant()}";
        return p is { } id ? q + $"&professional={id}" : q;
    }
}

public sealed record GridColumn(Guid Id, string Name, string Color, CredentialStanding Standing);

public sealed record GridAppointment(
    Guid Id, Guid Version, Guid ProfessionalId, Guid? RoomId, DateTime StartLocal, DateTime EndLocal, AppointmentStatus Status,
    string PatientName, string TreatmentName, string? RoomName, string ProfessionalName);

/// <summary>Everything the grid partial renders, computed in a handful of queries.</summary>
public sealed class ScheduleGrid
{
    public required GridQuery Query { get; init; }
    public required IReadOnlyList<GridColumn> Columns { get; init; }
    public required IReadOnlyList<GridColumn> AllProfessionals { get; init; }
    public required TimeOnly Opens { get; init; }
    public required TimeOnly Closes { get; init; }
    public required int SlotMinutes { get; init; }
    /// <summary>A week cell lists this many appointments and links to the day for the rest.</summary>
    public const int WeekCellLimit = 10;

    /// <summary>What each cell draws: every appointment of a day view, the first WeekCellLimit of a week cell.</summary>
    public required Dictionary<(Guid Column, DateOnly Day), List<GridAppointment>> Cells { get; init; }
    /// <summary>How many appointments each cell holds, drawn or not.</summary>
    public required Dictionary<(Guid Column, DateOnly Day), int> CellCounts { get; init; }
    /// <summary>Local working intervals per professional and day; empty list = not working that day.</summary>
    public required Dictionary<(Guid Professional, DateOnly Day), List<(TimeOnly Start, TimeOnly End)>> Working { get; init; }
    public required Dictionary<DateOnly, string> ClosedDays { get; init; }
    /// <summary>Professionals who cannot be booked at all on a day, with the reason (absent: bookable at least in part).</summary>
    public required Dictionary<(Guid Professional, DateOnly Day), DayUnavailable> Unavailable { get; init; }
    public required DateTime NowLocal { get; init; }

    /// <summary>Why a column cannot be booked that day: the clinic is closed, or (by professional) the professional can't be.</summary>
    public DayUnavailable UnavailableOn(Guid column, DateOnly day) =>
        ClosedDays.ContainsKey(day) ? DayUnavailable.ClinicClosed
        : Query.Axis == GridAxis.Professional ? Unavailable.GetValueOrDefault((column, day)) : DayUnavailable.None;

    /// <summary>
    /// A day with nothing to show and nothing to book: the clinic closed, or nobody working (Sunday), and no appointment
    /// on it. It gets a sentence instead of an empty hatched grid. One professional chosen keeps their column, which
    /// says why they cannot be booked.
    /// </summary>
    public bool IsEmptyDay(DateOnly day) =>
        Columns.All(c => CountAt(c.Id, day) == 0)
        && (ClosedDays.ContainsKey(day)
            || (Query.Axis == GridAxis.Professional && Query.Professional is null && Columns.All(c => UnavailableOn(c.Id, day) is DayUnavailable.NoWorkingHours or DayUnavailable.TimeOff)));

    /// <summary>
    /// Whether an appointment that holds time covers any part of the slot in this column (the professional's or the
    /// room's): such a slot is drawn under its block and never offered as free. No-shows do not hold time.
    /// </summary>
    public bool IsOccupied(Guid column, DateOnly day, TimeOnly slot)
    {
        if (!Cells.TryGetValue((column, day), out var list)) return false;
        var start = day.ToDateTime(slot);
        var end = start.AddMinutes(SlotMinutes);
        foreach (var a in list)
            if (AppointmentStateMachine.OccupiesTime(a.Status) && TimeOverlap.Overlaps(a.StartLocal, a.EndLocal, start, end)) return true;
        return false;
    }

    public int SlotCount => (int)((Closes - Opens).TotalMinutes / SlotMinutes);
    public IEnumerable<TimeOnly> Slots => Enumerable.Range(0, SlotCount).Select(i => Opens.AddMinutes(i * SlotMinutes));

    public IReadOnlyList<GridAppointment> At(Guid column, DateOnly day) =>
        Cells.TryGetValue((column, day), out var list) ? list : [];

    public int CountAt(Guid column, DateOnly day) => CellCounts.GetValueOrDefault((column, day));

    /// <summary>Whether a professional works through the whole slot (shading marks the rest).</summary>
    public bool IsWorking(Guid professional, DateOnly day, TimeOnly slot)
    {
        if (ClosedDays.ContainsKey(day)) return false;
        if (!Working.TryGetValue((professional, day), out var intervals)) return false;
        var end = slot.AddMinutes(SlotMinutes);
        return intervals.Any(i => i.Start <= slot && (end <= i.End || i.End == TimeOnly.MaxValue) && end > slot);
    }

    /// <summary>
    /// What a slot is drawn as, given the column's standing that day (<see cref="UnavailableOn"/>, found once per column):
    /// off when the column cannot be booked; busy when an appointment holds it; free when the column works through it
    /// (a room always does), off otherwise. Each question is asked once per slot.
    /// </summary>
    public SlotState StateOf(Guid column, DateOnly day, TimeOnly slot, DayUnavailable columnDay) =>
        columnDay != DayUnavailable.None ? SlotState.Off
        : IsOccupied(column, day, slot) ? SlotState.Busy
        : Query.Axis == GridAxis.Room || IsWorking(column, day, slot) ? SlotState.Free
        : SlotState.Off;

    /// <summary>Offset from the top of the day column, in slots (fractions allowed).</summary>
    public double SlotsFromOpen(DateTime local) => (local.TimeOfDay - Opens.ToTimeSpan()).TotalMinutes / SlotMinutes;
}

/// <summary>Builds the grid for a query: columns, appointments, working hours and closed days of the range.</summary>
public sealed class ScheduleGridQuery(NeonProDbContext db, ClinicClock clock)
{
    public async Task<ScheduleGrid> LoadAsync(GridQuery q, CancellationToken ct = default)
    {
        var settings = await db.SchedulingSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SchedulingSettings.SingletonId, ct) ?? new SchedulingSettings();
        var zone = clock.TimeZone;
        var fromUtc = Availability.ToUtc(q.FirstDay.ToDateTime(TimeOnly.MinValue), zone);
        var toUtc = Availability.ToUtc(q.FirstDay.AddDays(q.DayCount).ToDateTime(TimeOnly.MinValue), zone);

        // All professionals and rooms, once: the active ones are the columns and the picker, and every one names the
        // appointments (an appointment may belong to someone made inactive since).
        var allProfessionals = await db.Professionals.AsNoTracking().OrderBy(p => p.FullName)
            .Select(p => new { p.Id, p.FullName, p.Color, p.IsActive, p.Council, p.RegistrationStatus, p.CardValidUntil, p.FeesPaidThrough })
            .ToListAsync(ct);
        var allRooms = await db.Rooms.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name, r.IsActive }).ToListAsync(ct);
        var professionals = allProfessionals.Where(p => p.IsActive)
            // As the registration stands on the day shown (a card that lapses next week makes next week unbookable).
            .Select(p => new GridColumn(p.Id, p.FullName, p.Color, Credentials.Standing(p.Council, p.RegistrationStatus, p.CardValidUntil, p.FeesPaidThrough, q.Date)))
            .ToList();

        IReadOnlyList<GridColumn> columns = q.Axis == GridAxis.Professional
            ? professionals.Where(p => q.Professional is null || p.Id == q.Professional).ToList()
            : allRooms.Where(r => r.IsActive).Select(r => new GridColumn(r.Id, r.Name, "#6c757d", CredentialStanding.Good)).ToList();

        // Statuses that free the time are not drawn; no-shows stay visible (the front desk follows them up).
        var hidden = new[] { AppointmentStatus.Cancelled, AppointmentStatus.Rescheduled };
        // No appointment lasts longer than BookingService.MaximumDuration, so a lower bound on the start keeps the
        // StartUtc index range tight (without it every earlier appointment is read to test its end).
        var earliestStart = fromUtc.AddMinutes(-BookingService.MaximumDuration);
        var appointmentsQuery = db.Appointments.AsNoTracking()
            .Where(a => a.StartUtc >= earliestStart && a.StartUtc < toUtc && a.EndUtc > fromUtc && !hidden.Contains(a.Status));
        if (q.Professional is { } only) appointmentsQuery = appointmentsQuery.Where(a => a.ProfessionalId == only);
        // Slim rows first; names come from small lookups, and patient names only for what is drawn (a busy week has
        // thousands of bookings but shows at most WeekCellLimit per cell).
        var rows = await appointmentsQuery
            .OrderBy(a => a.StartUtc)
            .Select(a => new { a.Id, a.Version, a.ProfessionalId, a.RoomId, a.StartUtc, a.EndUtc, a.Status, a.PatientId, a.TreatmentId })
            .ToListAsync(ct);

        var startsLocal = rows.Select(r => clock.ToClinicTime(r.StartUtc)).ToArray();
        var cellRows = new Dictionary<(Guid, DateOnly), List<int>>();
        var counts = new Dictionary<(Guid, DateOnly), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var column = q.Axis == GridAxis.Professional ? rows[i].ProfessionalId : rows[i].RoomId ?? Guid.Empty;
            var key = (column, DateOnly.FromDateTime(startsLocal[i]));
            counts[key] = counts.GetValueOrDefault(key) + 1;
            if (!cellRows.TryGetValue(key, out var list)) cellRows[key] = list = [];
            if (q.View == GridView.Day || list.Count < ScheduleGrid.WeekCellLimit) list.Add(i);
        }

        var patientIds = cellRows.Values.SelectMany(l => l).Select(i => rows[i].PatientId).Distinct().ToList();
        var patientNames = new Dictionary<Guid, string>(patientIds.Count);
        foreach (var chunk in patientIds.Chunk(500))
            foreach (var p in await db.Patients.AsNoTracking().Where(p => chunk.Contains(p.Id))
                         .Select(p => new { p.Id, Name = p.SocialName ?? p.FullName }).ToListAsync(ct))
                patientNames[p.Id] = p.Name;
        var treatmentNames = await db.Treatments.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var roomNames = allRooms.ToDictionary(r => r.Id, r => r.Name);
        var professionalNames = allProfessionals.ToDictionary(p => p.Id, p => p.FullName);

        var cells = new Dictionary<(Guid, DateOnly), List<GridAppointment>>(cellRows.Count);
        foreach (var (key, indexes) in cellRows)
            cells[key] = indexes.Select(i =>
            {
                var r = rows[i];
                return new GridAppointment(r.Id, r.Version, r.ProfessionalId, r.RoomId, startsLocal[i], clock.ToClinicTime(r.EndUtc), r.Status,
                    patientNames.GetValueOrDefault(r.PatientId, ""), treatmentNames.GetValueOrDefault(r.TreatmentId, ""),
                    r.RoomId is { } room ? roomNames.GetValueOrDefault(room) : null, professionalNames.GetValueOrDefault(r.ProfessionalId, ""));
            }).ToList();

        var firstDay = q.FirstDay;
        var lastDay = q.FirstDay.AddDays(q.DayCount - 1);
        var closed = await db.ClinicClosedDays.AsNoTracking().Where(c => c.Date >= firstDay && c.Date <= lastDay)
            .ToDictionaryAsync(c => c.Date, c => c.Name, ct);

        var working = new Dictionary<(Guid, DateOnly), List<(TimeOnly, TimeOnly)>>();
        var unavailable = new Dictionary<(Guid, DateOnly), DayUnavailable>();
        if (q.Axis == GridAxis.Professional && columns.Count > 0)
        {
            var ids = columns.Select(c => c.Id).ToList();
            var hours = await db.WorkingHours.AsNoTracking().Where(w => ids.Contains(w.ProfessionalId)).ToListAsync(ct);
            var exceptions = await db.AvailabilityExceptions.AsNoTracking()
                .Where(e => ids.Contains(e.ProfessionalId) && e.Date >= firstDay && e.Date <= lastDay).ToListAsync(ct);
            foreach (var id in ids)
            {
                var weekly = hours.Where(h => h.ProfessionalId == id).Select(h => new WeeklyInterval(h.Day, h.Start, h.End)).ToList();
                var exc = exceptions.Where(e => e.ProfessionalId == id).Select(e => new AvailabilityException(e.Date, e.Kind, e.Start, e.End)).ToList();
                // The registration as it will stand on each day shown, not today: a card that lapses next week greys next week.
                var p = allProfessionals.First(x => x.Id == id);
                foreach (var day in q.Days)
                {
                    var standing = Credentials.Standing(p.Council, p.RegistrationStatus, p.CardValidUntil, p.FeesPaidThrough, day);
                    var reason = BookableDay.Check(day, closed.ContainsKey(day), standing, p.IsActive, weekly, exc);
                    if (reason != DayUnavailable.None) unavailable[(id, day)] = reason;
                }
                var available = Availability.Between(fromUtc, toUtc, zone, weekly, exc, closed.Keys);
                foreach (var interval in available)
                {
                    // Split back into local days for drawing.
                    var s = clock.ToClinicTime(interval.Start);
                    var e = clock.ToClinicTime(interval.End);
                    while (s < e)
                    {
                        var dayEnd = s.Date.AddDays(1);
                        var segmentEnd = e < dayEnd ? e : dayEnd;
                        var key = (id, DateOnly.FromDateTime(s));
                        if (!working.TryGetValue(key, out var list)) working[key] = list = [];
                        list.Add((TimeOnly.FromDateTime(s), segmentEnd == dayEnd ? TimeOnly.MaxValue : TimeOnly.FromDateTime(segmentEnd)));
                        s = segmentEnd;
                    }
                }
            }
        }

        return new ScheduleGrid
        {
            Query = q,
            Columns = columns,
            AllProfessionals = professionals,
            Opens = settings.OpensAt,
            Closes = settings.ClosesAt,
            SlotMinutes = settings.SlotMinutes is >= 5 and <= 60 ? settings.SlotMinutes : 15,
            Cells = cells,
            CellCounts = counts,
            Working = working,
            ClosedDays = closed,
            Unavailable = unavailable,
            NowLocal = clock.Now,
        };
    }
}

/// <summary>How a slot of the grid is drawn: offered for booking, under an appointment, or not bookable.</summary>
public enum SlotState { Free, Busy, Off }
