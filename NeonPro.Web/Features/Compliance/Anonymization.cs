using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Compliance;

public enum AnonymizationRefusal
{
    None,
    RequestNotFound,
    NotAnAnonymizationRequest,
    RequestClosed,
    IdentityNotVerified,
    AlreadyAnonymized,
}

public sealed record AnonymizationOutcome(AnonymizationRefusal Refusal, int ConsentsWithdrawn = 0, DateOnly? RetainUntil = null, int AppointmentsCancelled = 0)
{
    public bool Succeeded => Refusal == AnonymizationRefusal.None;
}

/// <summary>
/// Answers a request for anonymization or deletion (LGPD Art. 18 IV and VI) where the law requires the clinical
/// record to be kept (Art. 16 I; Lei 13.787/2018 Art. 6; CFM 1.821/2007): every identifying field of the patient
/// is erased or replaced by the marker, the record is blocked and kept until 20 years after its last entry,
/// consent-based processing stops, appointments still ahead are cancelled, and the request is completed with that
/// outcome. One transaction: all or nothing.
/// </summary>
public sealed class Anonymization(NeonProDbContext db, DatabaseOptions database, ClinicClock clock, IStringLocalizer<SharedResource> T,
    ILogger<Anonymization> log)
{
    public const string ConsentWithdrawalReason = "Anonimização a pedido do titular";
    public const string AppointmentCancellationReason = "Paciente anonimizado a pedido do titular (LGPD art. 18)";

    /// <summary>
    /// Anonymizes the request's patient. <paramref name="confirmedVersion"/> is the request's version the person confirmed
    /// on: a request changed since, or a record changed while this runs, is a stale edit (StaleVersionException or
    /// DbUpdateConcurrencyException, answered by the page's StaleEditFilter), and nothing is written.
    /// </summary>
    public async Task<AnonymizationOutcome> AnonymizeAsync(Guid requestId, Guid confirmedVersion, string? userId, string? userName, CancellationToken ct = default)
    {
        var request = await db.DataSubjectRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return new(AnonymizationRefusal.RequestNotFound);
        if (request.Right != DataSubjectRight.AnonymizationOrDeletion) return new(AnonymizationRefusal.NotAnAnonymizationRequest);
        if (request.Status is DataSubjectRequestStatus.Completed or DataSubjectRequestStatus.Refused) return new(AnonymizationRefusal.RequestClosed);
        if (!request.IdentityVerified) return new(AnonymizationRefusal.IdentityNotVerified);
        db.ExpectVersion(request, confirmedVersion);

        var patient = await db.Patients.Include(p => p.NameTokens).Include(p => p.HealthProfile)
            .FirstAsync(p => p.Id == request.PatientId, ct);
        if (patient.AnonymizedAtUtc is not null) return new(AnonymizationRefusal.AlreadyAnonymized);

        var now = clock.UtcNow;
        var retainUntil = RetainUntilFor(patient);
        Erase(patient);
        patient.AnonymizedAtUtc = now;
        patient.RecordBlocked = true;
        patient.RetentionUntil = retainUntil;

        // Every consent still in force ends: consent-based processing (marketing, image use, sharing, research) stops,
        // and the retained record now rests on the legal obligation to keep it (Art. 11 II a; Art. 16 I), not on consent.
        // The rows stay, withdrawn: they hold no identifier, and they are the clinic's proof of what was consented and
        // when it stopped (Art. 8 §2).
        var consents = await db.PatientConsents.Where(c => c.PatientId == patient.Id).ToListAsync(ct);
        // A reason typed at an earlier withdrawal is free text, often the patient's own words: it goes too.
        foreach (var withdrawn in consents.Where(c => c.WithdrawnAtUtc is not null)) withdrawn.WithdrawalReason = null;
        var current = consents.Where(c => c.WithdrawnAtUtc is null).ToList();
        foreach (var consent in current)
        {
            consent.WithdrawnAtUtc = now;
            consent.WithdrawnByUserId = userId;
            consent.WithdrawnByName = userName;
            consent.WithdrawalReason = T[ConsentWithdrawalReason];
        }

        // The visits stay (past ones are part of the clinical record), but the free text staff typed about them, the
        // front desk's notes and the reasons given for a cancellation or another step, can name the patient or a relative.
        var visits = await db.Appointments.Include(a => a.History).Where(a => a.PatientId == patient.Id).ToListAsync(ct);
        foreach (var visit in visits)
        {
            visit.Notes = null;
            visit.CancellationReason = null;
            foreach (var step in visit.History) step.Note = null;
        }

        // Nobody is left to come to the visits still ahead: they are cancelled by the clinic (no late fee), which gives
        // the professionals' and rooms' time back; past visits stay as part of the retained clinical record.
        var ahead = await AppointmentsAhead(patient.Id).ToListAsync(ct);
        foreach (var appointment in ahead) appointment.Cancel(now, userId, userName, T[AppointmentCancellationReason], fee: 0);

        request.Status = DataSubjectRequestStatus.Completed;
        request.AnsweredAtUtc = now;
        request.HandledByUserId = userId;
        request.Outcome = T["Paciente anonimizado em {0}: dados de identificação apagados ou substituídos por {1}; prontuário clínico mantido e bloqueado até {2} (Lei 13.787/2018, art. 6º; Res. CFM 1.821/2007; LGPD art. 16, I); {3} consentimento(s) retirado(s); {4} agendamento(s) futuro(s) cancelado(s).",
            clock.FormatDateTime(now), RecordRetention.AnonymizedMarker, retainUntil.ToString("d", CultureInfo.CurrentCulture), current.Count, ahead.Count];

        await db.SaveChangesAsync(ct);
        // Committed: now the former values must also leave the files themselves (the write-ahead log, old pages), so a
        // backup or a copy of the data folder taken from here on cannot give them back. Not cancelled with the request:
        // the erasure has happened, and a closed browser tab must not leave its traces behind.
        await DatabaseProviders.MakeErasedDataUnrecoverableAsync(database.Provider, db, log, CancellationToken.None);
        return new(AnonymizationRefusal.None, current.Count, retainUntil, ahead.Count);
    }

    /// <summary>The patient's appointments still to come that anonymizing cancels.</summary>
    public IQueryable<Appointment> AppointmentsAhead(Guid patientId)
    {
        var now = clock.UtcNow;
        return db.Appointments.Where(a => a.PatientId == patientId && a.StartUtc > now
            && (a.Status == AppointmentStatus.Scheduled || a.Status == AppointmentStatus.Confirmed));
    }

    /// <summary>
    /// Retention runs from the last clinical entry. Until clinical entries (sessions, evolutions, procedures) exist,
    /// that is the latest confirmation of the health profile, or the registration itself; later clinical entries
    /// extend it, and each of those features must include its own latest entry here.
    /// </summary>
    public DateOnly RetainUntilFor(Patient patient) => RecordRetention.RetainUntil(LastClinicalEntry(patient));

    private DateOnly LastClinicalEntry(Patient patient)
    {
        var h = patient.HealthProfile;
        var instants = new DateTime?[]
        {
            patient.CreatedAtUtc, h?.AllergiesConfirmedAtUtc, h?.MedicationsConfirmedAtUtc, h?.ConditionsConfirmedAtUtc,
            h?.PreviousProceduresConfirmedAtUtc, h?.ContraindicationsConfirmedAtUtc, h?.FitzpatrickConfirmedAtUtc, h?.GoalsConfirmedAtUtc,
        };
        var last = DateOnly.FromDateTime(clock.ToClinicTime(instants.Where(i => i.HasValue).Max()!.Value));
        return h?.PregnancyStatedOn is { } stated && stated > last ? stated : last;
    }

    /// <summary>
    /// Names become the marker; every other identifier, and what only describes an erased person or place, becomes
    /// null. Birth date and sex stay: the retained clinical record needs them to be read (doses, contraindications).
    /// The audit interceptor records this update with keyed hashes only, so no former value reaches it as text.
    /// </summary>
    public static void Erase(Patient p)
    {
        p.FullName = RecordRetention.AnonymizedMarker;
        p.SocialName = null;
        p.Cpf = null;
        p.PassportNumber = null;
        p.PassportCountry = null;
        p.Cns = null;
        p.Rg = null;
        p.RgIssuer = null;
        p.MobilePhone = null;
        p.OtherPhone = null;
        p.Email = null;
        p.PostalCode = null;
        p.Street = null;
        p.Number = null;
        p.Complement = null;
        p.District = null;
        p.City = null;
        p.State = null;
        p.Occupation = null;
        p.EmergencyContactName = null;
        p.EmergencyContactRelationship = null;
        p.EmergencyContactPhone = null;
        p.GuardianName = null;
        p.GuardianRelationship = null;
        p.GuardianCpf = null;
        p.GuardianPhone = null;
        p.SearchName = RecordRetention.AnonymizedMarker;
        p.PhoneDigitsReversed = null;
        p.NameTokens.Clear();
    }
}
