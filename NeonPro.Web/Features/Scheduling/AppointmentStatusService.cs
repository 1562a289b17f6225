using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Scheduling;

public enum StatusChangeResult { Changed, Refused, Conflict, NotFound }

public sealed record StatusChangeOutcome(StatusChangeResult Result, Appointment? Appointment, BookingProblem? Problem);

/// <summary>
/// Moves an appointment along its status machine (confirm, check in, start, complete, cancel, no-show), refusing
/// invalid transitions and edits of a version someone else changed meanwhile, and recording who did what in its history.
/// </summary>
public sealed class AppointmentStatusService(NeonProDbContext db, ClinicClock clock, BookingService booking)
{
    public async Task<StatusChangeOutcome> ChangeAsync(Guid appointmentId, Guid expectedVersion, AppointmentStatus to, string? reason,
        string? actorUserId, string? actorName, CancellationToken ct = default)
    {
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == appointmentId, ct);
        if (appointment is null) return new(StatusChangeResult.NotFound, null, new(BookingService.ConflictField, "Este agendamento não existe mais."));
        if (appointment.Version != expectedVersion)
            return new(StatusChangeResult.Conflict, appointment, booking.ChangedBy(appointment));

        var now = clock.UtcNow;
        switch (AppointmentStateMachine.Check(appointment.Status, to, now, appointment.StartUtc))
        {
            case TransitionRefusal.NoShowBeforeStart:
                return new(StatusChangeResult.Refused, appointment, new("Status", "Falta só pode ser registrada depois do horário de início."));
            case TransitionRefusal.AlreadyFinal:
            case TransitionRefusal.NotAllowed:
                return new(StatusChangeResult.Refused, appointment, new("Status", "Não é possível passar de {0} para {1}.", appointment.Status, to));
        }
        if (to == AppointmentStatus.Cancelled && string.IsNullOrWhiteSpace(reason))
            return new(StatusChangeResult.Refused, appointment, new("Reason", "Informe o motivo do cancelamento."));

        if (to == AppointmentStatus.Cancelled)
        {
            var settings = await db.SchedulingSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SchedulingSettings.SingletonId, ct) ?? new SchedulingSettings();
            appointment.Cancel(now, actorUserId, actorName, reason!.Trim(), settings.CancellationPolicy.FeeFor(now, appointment.StartUtc));
        }
        else
        {
            appointment.ChangeStatus(to, now, actorUserId, actorName, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        }
        // Someone moved it along between this read and this save (the version check above cannot see that): the same
        // answer as a stale version, naming who it was from the row as it now stands.
        if (await db.SaveLostToAnotherEditAsync(ct))
        {
            var current = await db.Appointments.AsNoTracking().FirstAsync(a => a.Id == appointmentId, ct);
            return new(StatusChangeResult.Conflict, current, booking.ChangedBy(current));
        }
        return new(StatusChangeResult.Changed, appointment, null);
    }
}
