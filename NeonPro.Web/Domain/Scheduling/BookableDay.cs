using NeonPro.Web.Domain.Professionals;

namespace NeonPro.Web.Domain.Scheduling;

/// <summary>Why a professional cannot be booked at all on a date (None: they can, at least for part of it).</summary>
public enum DayUnavailable { None, ClinicClosed, RegistrationNotRegular, InactiveProfessional, TimeOff, NoWorkingHours }

/// <summary>
/// Whether a professional can be booked on a local date, and if not the one reason the front desk is told: the grid
/// greys their column with it and the booking form refuses to be sent. The first reason that applies wins, in the
/// order a receptionist would look for it (the clinic, the registration, the person, their hours).
/// </summary>
public static class BookableDay
{
    public static DayUnavailable Check(
        DateOnly day, bool clinicClosed, CredentialStanding standing, bool isActive,
        IEnumerable<WeeklyInterval> weekly, IEnumerable<AvailabilityException> exceptions)
    {
        if (clinicClosed) return DayUnavailable.ClinicClosed;
        if (!Credentials.IsBookable(standing)) return DayUnavailable.RegistrationNotRegular;
        if (!isActive) return DayUnavailable.InactiveProfessional;
        var thatDay = exceptions.Where(e => e.Date == day).ToList();
        if (thatDay.Any(e => e.Kind == AvailabilityExceptionKind.TimeOff && e.Start is null && e.End is null)) return DayUnavailable.TimeOff;
        var works = weekly.Any(w => w.Day == day.DayOfWeek && w.End > w.Start)
                    || thatDay.Any(e => e.Kind == AvailabilityExceptionKind.ExtraHours && e.Start is not null && e.End > e.Start);
        return works ? DayUnavailable.None : DayUnavailable.NoWorkingHours;
    }
}
