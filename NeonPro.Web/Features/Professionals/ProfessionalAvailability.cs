using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Professionals;

/// <summary>
/// What scheduling asks about a professional: when they are available and whether they may perform a treatment.
/// Loads only what the question needs and hands it to the domain rules (Availability, ScopeRule).
/// </summary>
public sealed class ProfessionalAvailability(NeonProDbContext db, ClinicClock clock)
{
    /// <summary>The professional's available time in [fromUtc, toUtc), in UTC, in the clinic's time zone rules.</summary>
    public async Task<IReadOnlyList<UtcInterval>> AvailableBetweenAsync(Guid professionalId, DateTime fromUtc, DateTime toUtc)
    {
        if (toUtc <= fromUtc) return [];
        var zone = clock.TimeZone;
        var inputs = await LoadAsync(professionalId, LocalDate(fromUtc, zone), LocalDate(toUtc, zone));
        return Availability.Between(fromUtc, toUtc, zone, inputs.Weekly, inputs.Exceptions.Select(e => e.Rule), inputs.ClosedDays.Keys);
    }

    /// <summary>
    /// Day by day, in the clinic's local time: the available ranges, and why a day has none (a day off, the clinic
    /// closed). The professional's page shows a week of this.
    /// </summary>
    public async Task<IReadOnlyList<AvailabilityDay>> DaysAsync(Guid professionalId, DateOnly firstDay, int dayCount)
    {
        var zone = clock.TimeZone;
        var lastDay = firstDay.AddDays(dayCount - 1);
        var inputs = await LoadAsync(professionalId, firstDay, lastDay);
        var fromUtc = Availability.ToUtc(firstDay.ToDateTime(TimeOnly.MinValue), zone);
        var toUtc = Availability.ToUtc(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        var intervals = Availability.Between(fromUtc, toUtc, zone, inputs.Weekly, inputs.Exceptions.Select(e => e.Rule), inputs.ClosedDays.Keys);

        // Cut every interval at local midnights so each day lists only its own hours.
        var ranges = new List<LocalRange>();
        foreach (var i in intervals)
        {
            var start = TimeZoneInfo.ConvertTimeFromUtc(i.Start, zone);
            var end = TimeZoneInfo.ConvertTimeFromUtc(i.End, zone);
            while (start < end)
            {
                var midnight = start.Date.AddDays(1);
                var cut = end < midnight ? end : midnight;
                ranges.Add(new LocalRange(start, cut));
                start = cut;
            }
        }

        var days = new List<AvailabilityDay>();
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            var wholeDay = inputs.Exceptions
                .Where(e => e.Rule.Date == day && e.Rule is { Kind: AvailabilityExceptionKind.TimeOff or AvailabilityExceptionKind.Blocked, Start: null, End: null })
                .OrderBy(e => e.Rule.Kind) // a day off names the day before a block does
                .FirstOrDefault();
            days.Add(new AvailabilityDay(
                day,
                ranges.Where(r => DateOnly.FromDateTime(r.Start) == day).ToList(),
                inputs.ClosedDays.GetValueOrDefault(day),
                wholeDay?.Rule.Kind,
                wholeDay?.Reason));
        }
        return days;
    }

    /// <summary>"May this professional perform this treatment on this date, and how?" for scheduling to call before booking.</summary>
    public async Task<ScopeDecision> ScopeForAsync(Guid professionalId, Guid treatmentId, DateOnly date)
    {
        var professional = await db.Professionals.AsNoTracking()
            .Where(p => p.Id == professionalId)
            .Select(p => new { p.Profession, p.Council, p.RegistrationStatus, p.CardValidUntil, p.FeesPaidThrough, p.IsActive, p.RequiresSupervision })
            .FirstOrDefaultAsync()
            ?? throw new InvalidOperationException($"Professional {professionalId} does not exist.");
        var treatment = await db.Treatments.AsNoTracking()
            .Where(t => t.Id == treatmentId)
            .Select(t => new { t.AllowedProfessions, t.IsActive })
            .FirstOrDefaultAsync()
            ?? throw new InvalidOperationException($"Treatment {treatmentId} does not exist.");
        var overrides = await db.ProfessionalScopes.AsNoTracking()
            .Where(s => s.ProfessionalId == professionalId && s.TreatmentId == treatmentId)
            .Select(s => new ScopeOverride(s.Mode, s.ValidFrom, s.ValidUntil, s.Conditions))
            .ToListAsync();

        // Standing on the date of the treatment, not today: a card that lapses before the appointment blocks it.
        var standing = Credentials.Standing(professional.Council, professional.RegistrationStatus, professional.CardValidUntil, professional.FeesPaidThrough, date);
        return ScopeRule.Decide(professional.Profession, standing, professional.IsActive, professional.RequiresSupervision,
            treatment.AllowedProfessions, treatment.IsActive, overrides, date);
    }

    private static DateOnly LocalDate(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    private sealed record ExceptionRow(AvailabilityException Rule, string? Reason);

    private sealed record Inputs(List<WeeklyInterval> Weekly, List<ExceptionRow> Exceptions, Dictionary<DateOnly, string> ClosedDays);

    private async Task<Inputs> LoadAsync(Guid professionalId, DateOnly firstDay, DateOnly lastDay)
    {
        var weekly = await db.WorkingHours.AsNoTracking()
            .Where(h => h.ProfessionalId == professionalId)
            .Select(h => new WeeklyInterval(h.Day, h.Start, h.End))
            .ToListAsync();
        var exceptions = await db.AvailabilityExceptions.AsNoTracking()
            .Where(e => e.ProfessionalId == professionalId && e.Date >= firstDay && e.Date <= lastDay)
            .Select(e => new ExceptionRow(new AvailabilityException(e.Date, e.Kind, e.Start, e.End), e.Reason))
            .ToListAsync();
        var closed = await db.ClinicClosedDays.AsNoTracking()
            .Where(c => c.Date >= firstDay && c.Date <= lastDay)
            .Select(c => new { c.Date, c.Name })
            .ToDictionaryAsync(c => c.Date, c => c.Name);
        return new Inputs(weekly, exceptions, closed);
    }
}

/// <summary>A stretch of available time on one local day (End may be the next midnight).</summary>
public sealed record LocalRange(DateTime Start, DateTime End)
{
    public string Display =>
        Start.ToString("HH:mm", CultureInfo.InvariantCulture) + "–" +
        (End.TimeOfDay == TimeSpan.Zero && End.Date > Start.Date ? "24:00" : End.ToString("HH:mm", CultureInfo.InvariantCulture));
}

/// <summary>
/// One local day of a professional's availability, with the reason when there is none: the clinic closed, or a
/// whole-day exception (TimeOff: "Folga"; Blocked: the day blocked) and its reason.
/// </summary>
public sealed record AvailabilityDay(DateOnly Date, IReadOnlyList<LocalRange> Ranges, string? ClosedDayName,
    AvailabilityExceptionKind? WholeDayException, string? ExceptionReason)
{
    public bool DayOff => WholeDayException == AvailabilityExceptionKind.TimeOff;
}
