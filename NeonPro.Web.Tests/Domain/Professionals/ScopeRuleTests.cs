using NeonPro.Web.Domain.Professionals;

namespace NeonPro.Web.Tests.Domain.Professionals;

public class ScopeRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private static readonly Profession[] ToxinProfessions = [Profession.Physician, Profession.Dentist, Profession.Biomedic];

    private static ScopeDecision Decide(Profession p, CredentialStanding standing = CredentialStanding.Good,
        bool requiresSupervision = false, IEnumerable<ScopeOverride>? overrides = null, bool active = true) =>
        ScopeRule.Decide(p, standing, active, requiresSupervision, ToxinProfessions, treatmentActive: true, overrides ?? [], Today);

    [Fact]
    public void The_default_comes_from_the_treatments_allowed_professions()
    {
        Assert.Equal(ScopeMode.Independent, Decide(Profession.Physician).Mode);
        var refused = Decide(Profession.Aesthetician);
        Assert.Equal(ScopeMode.Prohibited, refused.Mode);
        Assert.Equal(ScopeReason.DefaultNotAllowed, refused.Reason);
    }

    [Fact]
    public void An_explicit_entry_overrides_the_default_both_ways()
    {
        var allow = Decide(Profession.Nurse, overrides: [new ScopeOverride(ScopeMode.Supervised, null, null, "Somente com o Dr. X presente")]);
        Assert.Equal(ScopeMode.Supervised, allow.Mode);
        Assert.Equal(ScopeReason.Override, allow.Reason);
        Assert.Equal("Somente com o Dr. X presente", allow.Conditions);

        var forbid = Decide(Profession.Dentist, overrides: [new ScopeOverride(ScopeMode.Prohibited, null, null, null)]);
        Assert.Equal(ScopeMode.Prohibited, forbid.Mode);
    }

    [Fact]
    public void An_expired_or_future_entry_no_longer_applies()
    {
        var expired = new ScopeOverride(ScopeMode.Independent, new DateOnly(2025, 1, 1), Today.AddDays(-1), null);
        Assert.Equal(ScopeMode.Prohibited, Decide(Profession.Nurse, overrides: [expired]).Mode);
        var future = new ScopeOverride(ScopeMode.Independent, Today.AddDays(1), null, null);
        Assert.Equal(ScopeMode.Prohibited, Decide(Profession.Nurse, overrides: [future]).Mode);
        var lastDay = new ScopeOverride(ScopeMode.Independent, null, Today, null);
        Assert.Equal(ScopeMode.Independent, Decide(Profession.Nurse, overrides: [lastDay]).Mode);
    }

    [Theory]
    [InlineData(CredentialStanding.Suspended)]
    [InlineData(CredentialStanding.Cancelled)]
    [InlineData(CredentialStanding.Lapsed)]
    public void A_suspended_cancelled_or_lapsed_registration_may_perform_nothing(CredentialStanding standing)
    {
        var d = Decide(Profession.Physician, standing, overrides: [new ScopeOverride(ScopeMode.Independent, null, null, null)]);
        Assert.Equal(ScopeMode.Prohibited, d.Mode);
        Assert.Equal(ScopeReason.CredentialNotInGoodStanding, d.Reason);
    }

    [Fact]
    public void A_card_lapsing_soon_is_still_bookable() =>
        Assert.Equal(ScopeMode.Independent, Decide(Profession.Physician, CredentialStanding.LapsingSoon).Mode);

    [Fact]
    public void A_professional_under_supervision_performs_allowed_treatments_supervised() =>
        Assert.Equal(ScopeMode.Supervised, Decide(Profession.Biomedic, requiresSupervision: true).Mode);

    [Fact]
    public void An_inactive_professional_may_perform_nothing() =>
        Assert.Equal(ScopeReason.InactiveProfessional, Decide(Profession.Physician, active: false).Reason);
}

public class CredentialStandingTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    [Fact]
    public void Status_and_dates_decide_the_standing()
    {
        Assert.Equal(CredentialStanding.Good, Credentials.Standing(Council.Crm, RegistrationStatus.Active, Today.AddDays(31), null, Today));
        Assert.Equal(CredentialStanding.LapsingSoon, Credentials.Standing(Council.Crm, RegistrationStatus.Active, Today.AddDays(30), null, Today));
        Assert.Equal(CredentialStanding.LapsingSoon, Credentials.Standing(Council.Crm, RegistrationStatus.Active, Today, null, Today));
        Assert.Equal(CredentialStanding.Lapsed, Credentials.Standing(Council.Crm, RegistrationStatus.Active, Today.AddDays(-1), null, Today));
        Assert.Equal(CredentialStanding.Lapsed, Credentials.Standing(Council.Crm, RegistrationStatus.Active, Today.AddYears(1), Today.AddDays(-1), Today));
        Assert.Equal(CredentialStanding.Suspended, Credentials.Standing(Council.Crm, RegistrationStatus.Suspended, Today.AddYears(1), null, Today));
        Assert.Equal(CredentialStanding.Cancelled, Credentials.Standing(Council.Crm, RegistrationStatus.Cancelled, null, null, Today));
        Assert.Equal(CredentialStanding.Good, Credentials.Standing(Council.None, RegistrationStatus.Active, null, null, Today));
    }
}
