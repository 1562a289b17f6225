using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Access;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Patients;

/// <summary>What one person may see of one patient's record, and the emergency reason they gave if that is why.</summary>
public sealed record PatientRecordAccess(RecordAccess Access, bool MayRequestEmergencyAccess, string? EmergencyReason)
{
    public bool MayOpenChart => Access.MayOpenChart;
    public bool MayReadClinicalData => Access.MayReadClinicalData;
}

/// <summary>
/// The one place that answers "may this person open this patient's record, and how much of it?" and "may this person
/// change or book this appointment?", on the server, for every handler. Pages and features that show or change a
/// patient's clinical data (anamnese today; treatment records, consent forms and photos later) call
/// <see cref="ToPatientAsync"/> on every handler, GET and POST alike, and refuse with 403 unless
/// <see cref="PatientRecordAccess.MayReadClinicalData"/>; registry-only screens need <see cref="PatientRecordAccess.MayOpenChart"/>.
/// Scheduling handlers call <see cref="MayChangeAppointmentAsync"/>, <see cref="MayMoveAppointmentAsync"/> and
/// <see cref="MayBookAsync"/> before any write. The rules themselves are Domain's (<see cref="RecordAccessRule"/>,
/// <see cref="AppointmentAccessRule"/>); this service gathers the facts they need from the database.
/// </summary>
public sealed class ClinicalAccess(NeonProDbContext db, ClinicClock clock, AuditLog audit)
{
    /// <summary>An emergency access lasts the rest of a shift: long enough to treat, short enough not to become a habit.</summary>
    public static readonly TimeSpan EmergencyGrantLength = TimeSpan.FromHours(12);
    public const int EmergencyReasonMinLength = 15;
    public const int EmergencyReasonMaxLength = 500;

    public static StaffRoles RolesOf(ClaimsPrincipal user) => new(
        user.IsInRole(Roles.Admin), user.IsInRole(Roles.Manager), user.IsInRole(Roles.Professional), user.IsInRole(Roles.Receptionist));

    public async Task<PatientRecordAccess> ToPatientAsync(ClaimsPrincipal user, Guid patientId, bool recordBlocked, CancellationToken ct = default)
    {
        var roles = RolesOf(user);
        var relationship = ClinicalRelationship.None;
        string? emergencyReason = null;
        // Only a professional's access depends on relationships and grants: spare everyone else the queries.
        if (roles.Professional && !(roles.Admin || roles.Manager))
        {
            relationship = await RelationshipAsync(user, patientId, ct);
            if (relationship == ClinicalRelationship.None) emergencyReason = await EmergencyReasonAsync(user, patientId, ct);
        }
        var access = RecordAccessRule.Decide(roles, recordBlocked, relationship, emergencyReason is not null);
        return new(access, RecordAccessRule.MayRequestEmergencyAccess(roles, access),
            access.Reason == RecordAccessReason.EmergencyAccess ? emergencyReason : null);
    }

    /// <summary>
    /// Breaks the glass: an EmergencyAccess row in the audit trail, with the reason as given. That row is the grant:
    /// <see cref="ToPatientAsync"/> finds it for <see cref="EmergencyGrantLength"/>, so there is nothing else to revoke or
    /// keep in step, and the Audit page lists every one. Sealed by the caller's SaveChanges.
    /// </summary>
    public void GrantEmergencyAccess(Guid patientId, string reason) =>
        audit.Add(AuditAction.EmergencyAccess, nameof(Patient), patientId.ToString(), new { reason = reason.Trim() });

    public async Task<bool> MayChangeAppointmentAsync(ClaimsPrincipal user, Guid appointmentProfessionalId, CancellationToken ct = default)
    {
        var roles = RolesOf(user);
        return AppointmentAccessRule.MayChange(roles, roles.RunsTheWholeAgenda ? null : await MyProfessionalIdAsync(user, ct), appointmentProfessionalId);
    }

    public async Task<bool> MayMoveAppointmentAsync(ClaimsPrincipal user, Guid appointmentProfessionalId, Guid targetProfessionalId, CancellationToken ct = default)
    {
        var roles = RolesOf(user);
        return AppointmentAccessRule.MayMove(roles, roles.RunsTheWholeAgenda ? null : await MyProfessionalIdAsync(user, ct), appointmentProfessionalId, targetProfessionalId);
    }

    public async Task<bool> MayBookAsync(ClaimsPrincipal user, Guid professionalId, CancellationToken ct = default)
    {
        var roles = RolesOf(user);
        return AppointmentAccessRule.MayBook(roles, roles.RunsTheWholeAgenda ? null : await MyProfessionalIdAsync(user, ct), professionalId);
    }

    /// <summary>The professional record this staff account signs in as (Professional.UserId), if any.</summary>
    public async Task<Guid?> MyProfessionalIdAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = user.ActorId();
        if (userId is null) return null;
        return await db.Professionals.AsNoTracking().Where(p => p.UserId == userId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
    }

    private async Task<ClinicalRelationship> RelationshipAsync(ClaimsPrincipal user, Guid patientId, CancellationToken ct)
    {
        if (await MyProfessionalIdAsync(user, ct) is not { } me) return ClinicalRelationship.None;
        // Every appointment counts, whatever its status or date (see ClinicalRelationship).
        var appointments = db.Appointments.AsNoTracking().Where(a => a.PatientId == patientId);
        var own = await appointments.AnyAsync(a => a.ProfessionalId == me, ct);
        var supervisees = db.Professionals.Where(p => p.SupervisorId == me).Select(p => p.Id);
        var supervised = !own && await appointments.AnyAsync(a => a.SupervisorId == me || supervisees.Contains(a.ProfessionalId), ct);
        // Referrals do not exist yet: the coordination feature sets Referred here when they do.
        return new(own, supervised, Referred: false);
    }

    /// <summary>The reason of this person's latest emergency access to this patient still within its window, if any.</summary>
    private async Task<string?> EmergencyReasonAsync(ClaimsPrincipal user, Guid patientId, CancellationToken ct)
    {
        var userId = user.ActorId();
        if (userId is null) return null;
        var key = patientId.ToString();
        var since = clock.UtcNow - EmergencyGrantLength;
        var details = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Patient) && a.EntityId == key && a.Action == AuditAction.EmergencyAccess
                        && a.UserId == userId && a.OccurredAtUtc >= since)
            .OrderByDescending(a => a.Sequence)
            .Select(a => a.NewValues)
            .FirstOrDefaultAsync(ct);
        if (details is null) return null;
        return ReasonOf(details) ?? "";
    }

    /// <summary>The reason stored with an EmergencyAccess row.</summary>
    public static string? ReasonOf(string? newValues)
    {
        if (string.IsNullOrEmpty(newValues)) return null;
        using var doc = JsonDocument.Parse(newValues);
        return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String
            ? r.GetString() : null;
    }
}
