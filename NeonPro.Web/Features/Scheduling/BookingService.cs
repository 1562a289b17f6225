using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Catalog;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Forms;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Scheduling;

/// <summary>
/// What the receptionist asks for: who, with whom, what, where, when. RecordedAs is set only when a manager records a
/// visit that already happened, with its outcome (see <see cref="PastBooking"/>).
/// </summary>
public sealed record BookingRequest(
    Guid PatientId, Guid ProfessionalId, Guid TreatmentId, Guid? RoomId, DateTime StartUtc, int DurationMinutes,
    string? Notes, bool WarningsAcknowledged, AppointmentStatus? RecordedAs = null);

/// <summary>A reason a booking cannot be made: the form field it belongs to and a pt-BR sentence (a localization key + args).</summary>
public sealed record BookingProblem(string Field, string Message, params object[] Args);

public enum BookingResult { Booked, Refused, NeedsAcknowledgement, Conflict }

public sealed record BookingOutcome(BookingResult Result, Appointment? Appointment, IReadOnlyList<BookingProblem> Problems, IReadOnlyList<BookingProblem> Warnings)
{
    public static BookingOutcome Refused(IReadOnlyList<BookingProblem> problems) => new(BookingResult.Refused, null, problems, []);
}

/// <summary>
/// Books and moves appointments. Every rule is checked inside one transaction that also holds the write lock
/// (SQLite) or the resources' advisory locks (PostgreSQL), so of two receptionists booking the same professional,
/// room or patient at overlapping times exactly one succeeds; nothing is written on a refusal.
/// </summary>
public sealed class BookingService(NeonProDbContext db, ClinicClock clock)
{
    public const int MinimumDuration = 5;
    public const int MaximumDuration = 600;

    public async Task<BookingOutcome> BookAsync(BookingRequest request, string? actorUserId, string? actorName, CancellationToken ct = default)
    {
        var basic = CheckShape(request);
        if (basic.Count > 0) return BookingOutcome.Refused(basic);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await DatabaseProviders.LockResourcesAsync(db, Resources(request), ct);

        // Checked against the clock inside the transaction, and against the actor's roles as stored: a receptionist
        // whose form carries the "already happened" choice anyway is refused, not trusted.
        var mayRecord = request.RecordedAs is not null && await IsManagerOrAdminAsync(actorUserId, ct);
        if (PastBookingProblem(PastBooking.Check(request.StartUtc, clock.UtcNow, request.RecordedAs, mayRecord)) is { } past)
            return BookingOutcome.Refused([past]);

        var (problems, warnings, supervisorId) = await CheckRulesAsync(request, excludingAppointmentId: null, ct);
        if (problems.Count > 0)
            return new(problems.Any(p => p.Field == ConflictField) ? BookingResult.Conflict : BookingResult.Refused, null, problems, warnings);
        if (warnings.Count > 0 && !request.WarningsAcknowledged)
            return new(BookingResult.NeedsAcknowledgement, null, [], warnings);

        var now = clock.UtcNow;
        var appointment = new Appointment
        {
            PatientId = request.PatientId,
            ProfessionalId = request.ProfessionalId,
            TreatmentId = request.TreatmentId,
            RoomId = request.RoomId,
            StartUtc = request.StartUtc,
            EndUtc = request.StartUtc.AddMinutes(request.DurationMinutes),
            Status = request.RecordedAs ?? AppointmentStatus.Scheduled,
            Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(),
            SupervisorId = supervisorId,
            AcknowledgedWarnings = warnings.Count > 0 ? string.Join(" | ", warnings.Select(w => string.Format(System.Globalization.CultureInfo.InvariantCulture, w.Message, w.Args))) : null,
            CreatedAtUtc = now,
            CreatedByName = actorName,
            UpdatedAtUtc = now,
            UpdatedByName = actorName,
        };
        appointment.History.Add(new AppointmentStatusChange
        {
            AppointmentId = appointment.Id, From = null, To = appointment.Status, AtUtc = now, ByUserId = actorUserId, ByName = actorName,
            Note = request.RecordedAs is null ? null : "registrado após o atendimento",
        });
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(BookingResult.Booked, appointment, [], warnings);
    }

    /// <summary>
    /// Moves an appointment to another time, professional or room under the same rules as booking. The original
    /// becomes Rescheduled (kept as history) and links forward through the new one's RescheduledFromId.
    /// expectedVersion guards against moving something another person changed meanwhile.
    /// </summary>
    public async Task<BookingOutcome> MoveAsync(Guid appointmentId, Guid expectedVersion, Guid professionalId, Guid? roomId, DateTime startUtc,
        string? actorUserId, string? actorName, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var original = await db.Appointments.FirstOrDefaultAsync(a => a.Id == appointmentId, ct);
        if (original is null) return BookingOutcome.Refused([new(ConflictField, "Este agendamento não existe mais.")]);
        if (original.Version != expectedVersion)
            return new(BookingResult.Conflict, original, [ChangedBy(original)], []);
        var refusal = AppointmentStateMachine.Check(original.Status, AppointmentStatus.Rescheduled, clock.UtcNow, original.StartUtc);
        if (refusal != TransitionRefusal.None)
            return BookingOutcome.Refused([new(ConflictField, "Um agendamento com status {0} não pode ser remarcado.", original.Status)]);

        var duration = (int)(original.EndUtc - original.StartUtc).TotalMinutes;
        var request = new BookingRequest(original.PatientId, professionalId, original.TreatmentId, roomId, startUtc, duration, original.Notes, WarningsAcknowledged: true);
        var basic = CheckShape(request);
        if (basic.Count > 0) return BookingOutcome.Refused(basic);
        // Moving is booking again: never into the past (a visit that happened elsewhere in time is recorded, not moved).
        if (PastBookingProblem(PastBooking.Check(startUtc, clock.UtcNow, recordedAs: null, mayRecord: false)) is { } past)
            return BookingOutcome.Refused([past]);
        await DatabaseProviders.LockResourcesAsync(db, Resources(request), ct);

        var (problems, warnings, supervisorId) = await CheckRulesAsync(request, excludingAppointmentId: original.Id, ct);
        if (problems.Count > 0)
            return new(problems.Any(p => p.Field == ConflictField) ? BookingResult.Conflict : BookingResult.Refused, null, problems, warnings);

        var now = clock.UtcNow;
        var moved = new Appointment
        {
            PatientId = original.PatientId,
            ProfessionalId = professionalId,
            TreatmentId = original.TreatmentId,
            RoomId = roomId,
            StartUtc = startUtc,
            EndUtc = startUtc.AddMinutes(duration),
            Status = original.Status == AppointmentStatus.Confirmed ? AppointmentStatus.Confirmed : AppointmentStatus.Scheduled,
            Notes = original.Notes,
            SupervisorId = supervisorId,
            RescheduledFromId = original.Id,
            MoveCount = original.MoveCount + 1,
            AcknowledgedWarnings = original.AcknowledgedWarnings,
            CreatedAtUtc = now,
            CreatedByName = actorName,
            UpdatedAtUtc = now,
            UpdatedByName = actorName,
        };
        moved.History.Add(new AppointmentStatusChange
        {
            AppointmentId = moved.Id, From = null, To = moved.Status, AtUtc = now, ByUserId = actorUserId, ByName = actorName,
            Note = $"remarcado de {clock.FormatDateTime(original.StartUtc)}",
        });
        original.ChangeStatus(AppointmentStatus.Rescheduled, now, actorUserId, actorName, $"remarcado para {clock.FormatDateTime(startUtc)}");
        db.Appointments.Add(moved);
        // The locks keep other bookings out, not a status change of this appointment: one that lands in between is a
        // stale edit like any other, answered with who made it.
        if (await db.SaveLostToAnotherEditAsync(ct))
        {
            var current = await db.Appointments.AsNoTracking().FirstAsync(a => a.Id == original.Id, ct);
            return new(BookingResult.Conflict, current, [ChangedBy(current)], []);
        }
        await tx.CommitAsync(ct);
        return new(BookingResult.Booked, moved, [], warnings);
    }

    /// <summary>The field name problems of "someone else got there first" are reported under.</summary>
    public const string ConflictField = "";

    /// <summary>"Alterado por {quem} às {HH:mm}; recarregue.": the sentence every stale edit gets (StaleEditNotice).</summary>
    public BookingProblem ChangedBy(Appointment current) => current.UpdatedByName is { } who
        ? new(ConflictField, StaleEditNotice.ChangedBy, who, StaleEditNotice.At(clock, current.UpdatedAtUtc))
        : new(ConflictField, StaleEditNotice.ChangedBySomeoneElse);

    private static BookingProblem? PastBookingProblem(PastBookingRefusal refusal) => refusal switch
    {
        PastBookingRefusal.StartsInThePast => new("StartUtc", "Não é possível agendar no passado."),
        PastBookingRefusal.NotAllowedToRecord => new("RecordedAs", "Só a gerência registra um atendimento já realizado."),
        PastBookingRefusal.NotARecordableStatus => new("RecordedAs", "Escolha o que aconteceu: concluído ou faltou."),
        PastBookingRefusal.RecordStartsInTheFuture => new("StartUtc", "Um atendimento já realizado tem data e horário no passado."),
        _ => null,
    };

    private async Task<bool> IsManagerOrAdminAsync(string? userId, CancellationToken ct) =>
        userId is not null && await (
            from ur in db.UserRoles
            join role in db.Roles on ur.RoleId equals role.Id
            where ur.UserId == userId && (role.Name == Roles.Manager || role.Name == Roles.Admin)
            select ur).AnyAsync(ct);

    private static List<BookingProblem> CheckShape(BookingRequest r)
    {
        var problems = new List<BookingProblem>();
        if (r.PatientId == Guid.Empty) problems.Add(new("PatientId", "Escolha o paciente."));
        if (r.ProfessionalId == Guid.Empty) problems.Add(new("ProfessionalId", "Escolha o profissional."));
        if (r.TreatmentId == Guid.Empty) problems.Add(new("TreatmentId", "Escolha o tratamento."));
        if (r.DurationMinutes is < MinimumDuration or > MaximumDuration)
            problems.Add(new("DurationMinutes", "A duração deve ficar entre {0} e {1} minutos.", MinimumDuration, MaximumDuration));
        return problems;
    }

    private static IEnumerable<Guid> Resources(BookingRequest r) =>
        r.RoomId is { } room ? [r.ProfessionalId, room, r.PatientId] : [r.ProfessionalId, r.PatientId];

    /// <summary>
    /// What the booking rules would say about overlaps for this time, asked while the form is still being filled (no
    /// lock, nothing written): the professional's, the room's and, once chosen, the patient's appointments that hold
    /// time. Booking checks the same again inside its transaction, so this is a preview, never the decision.
    /// </summary>
    public async Task<IReadOnlyList<BookingProblem>> ClashesAsync(Guid professionalId, Guid? patientId, Guid? roomId, DateTime startUtc, int durationMinutes,
        Guid? excludingAppointmentId = null, CancellationToken ct = default)
    {
        if (durationMinutes is < MinimumDuration or > MaximumDuration) return [];
        var professionalName = await db.Professionals.AsNoTracking().Where(p => p.Id == professionalId).Select(p => p.FullName).FirstOrDefaultAsync(ct);
        if (professionalName is null) return [];
        var roomName = roomId is { } id ? await db.Rooms.AsNoTracking().Where(r => r.Id == id).Select(r => r.Name).FirstOrDefaultAsync(ct) : null;
        var start = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        var found = await ClashesAsync(professionalId, professionalName, patientId, roomName is null ? null : roomId, roomName, start, start.AddMinutes(durationMinutes), excludingAppointmentId, ct);
        return found.DistinctBy(p => string.Format(System.Globalization.CultureInfo.InvariantCulture, p.Message, p.Args)).ToList();
    }

    /// <summary>Overlaps: the professional's, the room's and the patient's other appointments that hold time.</summary>
    private async Task<List<BookingProblem>> ClashesAsync(Guid professionalId, string professionalName, Guid? patientId, Guid? roomId, string? roomName,
        DateTime startUtc, DateTime endUtc, Guid? excludingAppointmentId, CancellationToken ct)
    {
        var problems = new List<BookingProblem>();
        var holding = AppointmentStateMachine.TimeHolding;
        var earliestStart = startUtc.AddMinutes(-MaximumDuration); // bounds the index range: nothing lasts longer
        var clashes = await db.Appointments.AsNoTracking()
            .Where(a => a.StartUtc >= earliestStart && a.StartUtc < endUtc && a.EndUtc > startUtc && holding.Contains(a.Status)
                        && (excludingAppointmentId == null || a.Id != excludingAppointmentId)
                        && (a.ProfessionalId == professionalId || (patientId != null && a.PatientId == patientId) || (roomId != null && a.RoomId == roomId)))
            .Select(a => new { a.ProfessionalId, a.PatientId, a.RoomId, a.StartUtc, a.EndUtc })
            .ToListAsync(ct);
        foreach (var c in clashes.Where(c => TimeOverlap.Overlaps(c.StartUtc, c.EndUtc, startUtc, endUtc)))
        {
            var when = $"{clock.ToClinicTime(c.StartUtc):HH:mm}–{clock.ToClinicTime(c.EndUtc):HH:mm}";
            if (c.ProfessionalId == professionalId)
                problems.Add(new(ConflictField, "{0} já tem um agendamento das {1}.", professionalName, when));
            else if (c.PatientId == patientId)
                problems.Add(new(ConflictField, "O paciente já tem um agendamento das {0} com outro profissional.", when));
            else
                problems.Add(new(ConflictField, "A sala {0} já está ocupada das {1}.", roomName!, when));
        }
        return problems;
    }

    private async Task<(List<BookingProblem> Problems, List<BookingProblem> Warnings, Guid? SupervisorId)> CheckRulesAsync(
        BookingRequest r, Guid? excludingAppointmentId, CancellationToken ct)
    {
        var problems = new List<BookingProblem>();
        var warnings = new List<BookingProblem>();
        var startUtc = DateTime.SpecifyKind(r.StartUtc, DateTimeKind.Utc);
        var endUtc = startUtc.AddMinutes(r.DurationMinutes);
        var localDate = DateOnly.FromDateTime(clock.ToClinicTime(startUtc));

        var patient = await db.Patients.AsNoTracking().Include(p => p.HealthProfile).FirstOrDefaultAsync(p => p.Id == r.PatientId, ct);
        var professional = await db.Professionals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == r.ProfessionalId, ct);
        var treatment = await db.Treatments.AsNoTracking().Include(t => t.RequiredEquipment).FirstOrDefaultAsync(t => t.Id == r.TreatmentId, ct);
        var room = r.RoomId is { } roomId ? await db.Rooms.AsNoTracking().Include(x => x.Equipment).FirstOrDefaultAsync(x => x.Id == roomId, ct) : null;

        if (patient is null || patient.AnonymizedAtUtc is not null) problems.Add(new("PatientId", "Paciente não encontrado."));
        if (professional is null) problems.Add(new("ProfessionalId", "Profissional não encontrado."));
        if (treatment is null) problems.Add(new("TreatmentId", "Tratamento não encontrado."));
        if (r.RoomId is not null && (room is null || !room.IsActive)) problems.Add(new("RoomId", "Sala não encontrada ou inativa."));
        if (problems.Count > 0) return (problems, warnings, null);

        // Treatment and room.
        if (!treatment!.IsActive) problems.Add(new("TreatmentId", "O tratamento {0} está inativo.", treatment.Name));
        if (treatment.RequiredEquipment.Count > 0 && room is null)
            problems.Add(new("RoomId", "O tratamento {0} exige uma sala com {1}.", treatment.Name, string.Join(", ", treatment.RequiredEquipment.Select(e => e.Name))));
        else if (room is not null && !treatment.FitsIn(room))
            problems.Add(new("RoomId", "A sala {0} não tem o equipamento exigido por {1} ({2}).", room.Name, treatment.Name,
                string.Join(", ", treatment.MissingIn(room).Select(e => e.Name))));

        // Professional: registration and scope.
        var standing = professional!.StandingOn(localDate);
        var overrides = await db.ProfessionalScopes.AsNoTracking()
            .Where(s => s.ProfessionalId == professional.Id && s.TreatmentId == treatment.Id)
            .Select(s => new ScopeOverride(s.Mode, s.ValidFrom, s.ValidUntil, s.Conditions)).ToListAsync(ct);
        var scope = ScopeRule.Decide(professional.Profession, standing, professional.IsActive, professional.RequiresSupervision,
            treatment.AllowedProfessions, treatment.IsActive, overrides, localDate);
        Guid? supervisorId = null;
        if (!scope.MayPerform)
        {
            problems.Add(scope.Reason switch
            {
                ScopeReason.CredentialNotInGoodStanding => new("ProfessionalId", "O registro de {0} no conselho não está regular ({1}); não é possível agendar.", professional.FullName, standing),
                ScopeReason.InactiveProfessional => new("ProfessionalId", "{0} está inativo(a).", professional.FullName),
                _ => new("TreatmentId", "{0} não pode realizar {1} (escopo profissional).", professional.FullName, treatment.Name),
            });
        }
        else if (scope.Mode == ScopeMode.Supervised)
        {
            supervisorId = professional.SupervisorId;
            if (supervisorId is null)
                problems.Add(new("ProfessionalId", "{0} só pode realizar {1} sob supervisão, e não tem supervisor cadastrado.", professional.FullName, treatment.Name));
        }

        // Patient: age limits and pregnancy/breastfeeding.
        var age = patient!.AgeOn(localDate);
        var health = patient.HealthProfile;
        foreach (var reason in treatment.ContraindicationsFor(age, health?.Pregnant == true, health?.Breastfeeding == true))
            problems.Add(reason switch
            {
                PatientContraindication.BelowMinimumAge => new("PatientId", "{0} exige idade mínima de {1} anos; o paciente tem {2}.", treatment.Name, treatment.MinimumAge!, age),
                PatientContraindication.AboveMaximumAge => new("PatientId", "{0} tem idade máxima de {1} anos; o paciente tem {2}.", treatment.Name, treatment.MaximumAge!, age),
                PatientContraindication.Pregnancy => new("PatientId", "{0} é contraindicado na gestação, e a paciente declarou estar grávida.", treatment.Name),
                _ => new("PatientId", "{0} é contraindicado na amamentação, e a paciente declarou estar amamentando.", treatment.Name),
            });

        // Availability of the professional, in the clinic's zone.
        var weekly = await db.WorkingHours.AsNoTracking().Where(w => w.ProfessionalId == professional.Id)
            .Select(w => new WeeklyInterval(w.Day, w.Start, w.End)).ToListAsync(ct);
        var fromDate = localDate.AddDays(-1);
        var toDate = DateOnly.FromDateTime(clock.ToClinicTime(endUtc)).AddDays(1);
        var exceptions = await db.AvailabilityExceptions.AsNoTracking()
            .Where(e => e.ProfessionalId == professional.Id && e.Date >= fromDate && e.Date <= toDate)
            .Select(e => new AvailabilityException(e.Date, e.Kind, e.Start, e.End)).ToListAsync(ct);
        var closed = await db.ClinicClosedDays.AsNoTracking().Where(c => c.Date >= fromDate && c.Date <= toDate).Select(c => c.Date).ToListAsync(ct);
        var available = Availability.Between(startUtc, endUtc, clock.TimeZone, weekly, exceptions, closed);
        if (!Availability.Covers(available, startUtc, endUtc))
            problems.Add(new("StartUtc", "{0} não atende neste horário.", professional.FullName));

        if (problems.Count > 0) return (problems, warnings, supervisorId);

        problems.AddRange(await ClashesAsync(professional.Id, professional.FullName, patient.Id, room?.Id, room?.Name, startUtc, endUtc, excludingAppointmentId, ct));
        if (problems.Count > 0) return (problems.DistinctBy(p => string.Format(System.Globalization.CultureInfo.InvariantCulture, p.Message, p.Args)).ToList(), warnings, supervisorId);

        // Warnings that do not block but must be acknowledged.
        var now = clock.UtcNow;
        var consents = await db.PatientConsents.AsNoTracking().Where(c => c.PatientId == patient.Id).ToListAsync(ct);
        if (!ConsentRules.HasCurrent(consents, ConsentPurpose.HealthCare, now))
            warnings.Add(new("PatientId", "O paciente não tem consentimento vigente para tratamento de dados de saúde."));
        if (treatment.PhotoRequired && !ConsentRules.HasCurrent(consents, ConsentPurpose.ImageUse, now))
            warnings.Add(new("PatientId", "{0} exige fotos, e o paciente não tem consentimento de uso de imagem vigente.", treatment.Name));
        if (health?.AllergiesConfirmedAtUtc is not { } confirmed || confirmed < now.AddMonths(-12))
            warnings.Add(new("PatientId", "A lista de alergias não foi confirmada nos últimos 12 meses."));
        if (standing == CredentialStanding.LapsingSoon)
            warnings.Add(new("ProfessionalId", "A carteira ou anuidade de {0} vence em breve.", professional.FullName));
        return (problems, warnings, supervisorId);
    }
}
