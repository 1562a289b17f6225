using NeonPro.Web.Domain.Access;

namespace NeonPro.Web.Tests.Domain.Access;

/// <summary>The seed's row-level rules, role by relationship: who sees how much of a record, who changes which appointment.</summary>
public sealed class AccessRulesTests
{
    private static readonly StaffRoles Admin = new(Admin: true, Manager: false, Professional: false, Receptionist: false);
    private static readonly StaffRoles Manager = new(Admin: false, Manager: true, Professional: false, Receptionist: false);
    private static readonly StaffRoles Professional = new(Admin: false, Manager: false, Professional: true, Receptionist: false);
    private static readonly StaffRoles Receptionist = new(Admin: false, Manager: false, Professional: false, Receptionist: true);
    private static readonly StaffRoles DeskAndProfessional = new(Admin: false, Manager: false, Professional: true, Receptionist: true);
    private static readonly StaffRoles NoRole = default;

    private static readonly ClinicalRelationship Own = new(OwnAppointment: true, SupervisedAppointment: false, Referred: false);
    private static readonly ClinicalRelationship Supervised = new(OwnAppointment: false, SupervisedAppointment: true, Referred: false);
    private static readonly ClinicalRelationship Referred = new(OwnAppointment: false, SupervisedAppointment: false, Referred: true);
    private static readonly ClinicalRelationship None = ClinicalRelationship.None;

    public static TheoryData<string, StaffRoles, ClinicalRelationship, bool, bool, RecordAccessLevel, RecordAccessReason> Table => new()
    {
        // who, roles, relationship, blocked, emergency grant => level, reason
        { "admin, nobody's patient", Admin, None, false, false, RecordAccessLevel.Clinical, RecordAccessReason.ManagerOrAdmin },
        { "admin, blocked record", Admin, None, true, false, RecordAccessLevel.Clinical, RecordAccessReason.ManagerOrAdmin },
        { "manager, nobody's patient", Manager, None, false, false, RecordAccessLevel.Clinical, RecordAccessReason.ManagerOrAdmin },
        { "professional, own appointment", Professional, Own, false, false, RecordAccessLevel.Clinical, RecordAccessReason.OwnPatient },
        { "professional, own appointment, blocked", Professional, Own, true, false, RecordAccessLevel.Clinical, RecordAccessReason.OwnPatient },
        { "professional, supervises it", Professional, Supervised, false, false, RecordAccessLevel.Clinical, RecordAccessReason.SupervisedPatient },
        { "professional, referred", Professional, Referred, false, false, RecordAccessLevel.Clinical, RecordAccessReason.Referral },
        { "professional, no relationship", Professional, None, false, false, RecordAccessLevel.None, RecordAccessReason.NoRelationship },
        { "professional, no relationship, blocked", Professional, None, true, false, RecordAccessLevel.None, RecordAccessReason.Blocked },
        { "professional, emergency grant", Professional, None, false, true, RecordAccessLevel.Clinical, RecordAccessReason.EmergencyAccess },
        { "professional, emergency grant, blocked", Professional, None, true, true, RecordAccessLevel.Clinical, RecordAccessReason.EmergencyAccess },
        { "receptionist", Receptionist, None, false, false, RecordAccessLevel.Registry, RecordAccessReason.FrontDesk },
        { "receptionist, blocked record", Receptionist, None, true, false, RecordAccessLevel.None, RecordAccessReason.Blocked },
        { "receptionist, an emergency grant is no use", Receptionist, None, false, true, RecordAccessLevel.Registry, RecordAccessReason.FrontDesk },
        { "desk and professional, no relationship: the union", DeskAndProfessional, None, false, false, RecordAccessLevel.Registry, RecordAccessReason.FrontDesk },
        { "desk and professional, own patient: the union", DeskAndProfessional, Own, false, false, RecordAccessLevel.Clinical, RecordAccessReason.OwnPatient },
        { "no role at all", NoRole, Own, false, true, RecordAccessLevel.None, RecordAccessReason.NoRelationship },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Record_access_follows_the_role_and_the_clinical_relationship(
        string who, StaffRoles roles, ClinicalRelationship relationship, bool blocked, bool emergency, RecordAccessLevel level, RecordAccessReason reason)
    {
        var access = RecordAccessRule.Decide(roles, blocked, relationship, emergency);
        Assert.True(new RecordAccess(level, reason) == access, $"{who}: expected {level}/{reason}, got {access.Level}/{access.Reason}");
    }

    [Fact]
    public void Only_the_registry_is_no_clinical_data()
    {
        var desk = RecordAccessRule.Decide(Receptionist, false, None, false);
        Assert.True(desk.MayOpenChart);
        Assert.False(desk.MayReadClinicalData);
    }

    [Fact]
    public void Only_a_professional_without_clinical_access_may_break_the_glass()
    {
        Assert.True(RecordAccessRule.MayRequestEmergencyAccess(Professional, RecordAccessRule.Decide(Professional, false, None, false)));
        Assert.True(RecordAccessRule.MayRequestEmergencyAccess(DeskAndProfessional, RecordAccessRule.Decide(DeskAndProfessional, false, None, false)));
        Assert.False(RecordAccessRule.MayRequestEmergencyAccess(Professional, RecordAccessRule.Decide(Professional, false, Own, false)));
        Assert.False(RecordAccessRule.MayRequestEmergencyAccess(Receptionist, RecordAccessRule.Decide(Receptionist, true, None, false)));
        Assert.False(RecordAccessRule.MayRequestEmergencyAccess(Manager, RecordAccessRule.Decide(Manager, false, None, false)));
    }

    private static readonly Guid Mine = Guid.NewGuid(), Theirs = Guid.NewGuid();

    [Fact]
    public void A_professional_changes_only_appointments_on_their_own_agenda()
    {
        Assert.True(AppointmentAccessRule.MayChange(Professional, Mine, Mine));
        Assert.False(AppointmentAccessRule.MayChange(Professional, Mine, Theirs));
        // A professional account not linked to a professional record has no agenda of its own.
        Assert.False(AppointmentAccessRule.MayChange(Professional, null, Theirs));
        Assert.False(AppointmentAccessRule.MayChange(NoRole, Mine, Mine));
    }

    [Fact]
    public void The_front_desk_managers_and_admins_change_anyones_appointments()
    {
        foreach (var roles in new[] { Receptionist, Manager, Admin, DeskAndProfessional })
        {
            Assert.True(AppointmentAccessRule.MayChange(roles, null, Theirs));
            Assert.True(AppointmentAccessRule.MayBook(roles, null, Theirs));
            Assert.True(AppointmentAccessRule.MayMove(roles, null, Theirs, Mine));
        }
    }

    [Fact]
    public void A_professional_books_and_moves_only_on_their_own_agenda()
    {
        Assert.True(AppointmentAccessRule.MayBook(Professional, Mine, Mine));
        Assert.False(AppointmentAccessRule.MayBook(Professional, Mine, Theirs));
        Assert.True(AppointmentAccessRule.MayMove(Professional, Mine, Mine, Mine));
        Assert.False(AppointmentAccessRule.MayMove(Professional, Mine, Mine, Theirs)); // onto a colleague's agenda
        Assert.False(AppointmentAccessRule.MayMove(Professional, Mine, Theirs, Mine)); // taking a colleague's appointment
    }
}
