namespace NeonPro.Web.Domain.Access;

/// <summary>The roles a staff member holds (a user may hold several; the rules give them the union).</summary>
public readonly record struct StaffRoles(bool Admin, bool Manager, bool Professional, bool Receptionist)
{
    /// <summary>Books, moves, confirms, checks in and cancels anyone's appointments.</summary>
    public bool RunsTheWholeAgenda => Receptionist || Manager || Admin;
}

/// <summary>
/// What ties a professional to a patient. Any appointment counts, in any status and at any time: a first visit booked
/// and then cancelled is still a patient the professional was about to see (and may need to call back), and a past,
/// completed one is one they treated. Supervision counts when the professional supervises the appointment's
/// professional or the appointment itself. Referral is the hook for the coordination feature, which will set it when
/// referrals exist; nothing sets it yet.
/// </summary>
public readonly record struct ClinicalRelationship(bool OwnAppointment, bool SupervisedAppointment, bool Referred)
{
    public static ClinicalRelationship None => default;
}

/// <summary>How much of a patient's record a person may see.</summary>
public enum RecordAccessLevel
{
    /// <summary>Nothing of the chart (a blocked record to the front desk, another professional's patient).</summary>
    None,
    /// <summary>The registry and the alerts a booking needs (allergies, contraindications, minor): not the anamnese or clinical notes.</summary>
    Registry,
    /// <summary>The whole chart, clinical data included.</summary>
    Clinical,
}

/// <summary>Why the record is (or is not) open, for the chart, the audit and the break-the-glass page.</summary>
public enum RecordAccessReason
{
    NoRelationship,
    Blocked,
    FrontDesk,
    ManagerOrAdmin,
    OwnPatient,
    SupervisedPatient,
    Referral,
    EmergencyAccess,
}

public readonly record struct RecordAccess(RecordAccessLevel Level, RecordAccessReason Reason)
{
    public bool MayOpenChart => Level != RecordAccessLevel.None;
    public bool MayReadClinicalData => Level == RecordAccessLevel.Clinical;
}

/// <summary>
/// The seed's row-level rules for a patient's record: admins and managers see all (they run the clinic and its
/// compliance); a professional sees the clinical record of the patients they have a relationship with, or any other
/// under a current emergency grant ("acesso de emergência"); the front desk sees the registry, never a blocked
/// record (kept only because the law requires it, LGPD Art. 16 I) and never clinical data.
/// </summary>
public static class RecordAccessRule
{
    public static RecordAccess Decide(StaffRoles roles, bool recordBlocked, ClinicalRelationship relationship, bool emergencyGrant)
    {
        if (roles.Admin || roles.Manager) return new(RecordAccessLevel.Clinical, RecordAccessReason.ManagerOrAdmin);
        if (roles.Professional)
        {
            if (relationship.OwnAppointment) return new(RecordAccessLevel.Clinical, RecordAccessReason.OwnPatient);
            if (relationship.SupervisedAppointment) return new(RecordAccessLevel.Clinical, RecordAccessReason.SupervisedPatient);
            if (relationship.Referred) return new(RecordAccessLevel.Clinical, RecordAccessReason.Referral);
            if (emergencyGrant) return new(RecordAccessLevel.Clinical, RecordAccessReason.EmergencyAccess);
        }
        if (recordBlocked) return new(RecordAccessLevel.None, RecordAccessReason.Blocked);
        if (roles.Receptionist) return new(RecordAccessLevel.Registry, RecordAccessReason.FrontDesk);
        return new(RecordAccessLevel.None, RecordAccessReason.NoRelationship);
    }

    /// <summary>Only a professional can break the glass: an emergency grant gives clinical access, which no other role lacking it could use.</summary>
    public static bool MayRequestEmergencyAccess(StaffRoles roles, RecordAccess access) =>
        roles.Professional && access.Level != RecordAccessLevel.Clinical;
}

/// <summary>
/// Who may change an appointment (status, move, cancel) or book one: the front desk, managers and admins anyone's; a
/// professional only those on their own agenda (the appointment's professional is theirs), and books only on their own
/// agenda (a return visit for their patient is normal; filling a colleague's agenda is the desk's work). Supervising an
/// appointment opens the patient's chart but does not make the supervisee's agenda the supervisor's to rearrange.
/// </summary>
public static class AppointmentAccessRule
{
    public static bool MayChange(StaffRoles roles, Guid? myProfessionalId, Guid appointmentProfessionalId) =>
        roles.RunsTheWholeAgenda || (roles.Professional && myProfessionalId is { } me && me == appointmentProfessionalId);

    public static bool MayBook(StaffRoles roles, Guid? myProfessionalId, Guid professionalId) =>
        MayChange(roles, myProfessionalId, professionalId);

    /// <summary>A move changes the appointment and books it again, possibly on another agenda: both must be allowed.</summary>
    public static bool MayMove(StaffRoles roles, Guid? myProfessionalId, Guid appointmentProfessionalId, Guid targetProfessionalId) =>
        MayChange(roles, myProfessionalId, appointmentProfessionalId) && MayBook(roles, myProfessionalId, targetProfessionalId);
}
