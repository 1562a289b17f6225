using NeonPro.Web.Domain.Patients;

namespace NeonPro.Web.Tests.Domain.Patients;

public class PatientRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 15, 0, 0, DateTimeKind.Utc);

    private static PatientConsent Consent(ConsentPurpose purpose, DateTime granted, DateTime? withdrawn = null) =>
        new() { Purpose = purpose, GrantedAtUtc = granted, WithdrawnAtUtc = withdrawn };

    [Fact]
    public void Marketing_needs_a_current_marketing_consent()
    {
        Assert.False(ConsentRules.MayReceiveMarketing([], Now));
        Assert.False(ConsentRules.MayReceiveMarketing([Consent(ConsentPurpose.ImageUse, Now.AddDays(-1))], Now));
        Assert.True(ConsentRules.MayReceiveMarketing([Consent(ConsentPurpose.Marketing, Now.AddDays(-1))], Now));
    }

    [Fact]
    public void A_withdrawn_consent_stops_counting_from_its_withdrawal_only()
    {
        var c = Consent(ConsentPurpose.Marketing, Now.AddDays(-10), withdrawn: Now.AddDays(-2));
        Assert.False(ConsentRules.MayReceiveMarketing([c], Now));
        Assert.True(c.IsCurrentAt(Now.AddDays(-5)), "processing done before the withdrawal stays lawful");
        // Consenting again after a withdrawal counts.
        Assert.True(ConsentRules.MayReceiveMarketing([c, Consent(ConsentPurpose.Marketing, Now.AddHours(-1))], Now));
    }

    [Theory]
    [InlineData("João da Silva", "joao da silva")]
    [InlineData("  MARIA  Conceição  ", "maria conceicao")]
    [InlineData("Ana-Júlia D'Ávila", "ana julia d avila")]
    [InlineData("", "")]
    public void Names_are_searched_without_accents_or_case(string input, string expected) =>
        Assert.Equal(expected, SearchText.Normalize(input));

    [Fact]
    public void Tokens_cover_full_and_social_name_once_each() =>
        Assert.Equal(["joao", "da", "silva", "joana"], SearchText.Tokens("João da Silva", "Joana da Silva"));

    [Fact]
    public void Age_counts_whole_years_and_minors_are_under_18()
    {
        var p = new Patient { BirthDate = new DateOnly(2008, 11, 22) };
        Assert.Equal(17, p.AgeOn(new DateOnly(2026, 11, 21)));
        Assert.True(p.IsMinorOn(new DateOnly(2026, 11, 21)));
        Assert.False(p.IsMinorOn(new DateOnly(2026, 11, 22)));
    }

    [Fact]
    public void The_social_name_is_how_the_patient_is_addressed()
    {
        Assert.Equal("Joana", new Patient { FullName = "João Souza", SocialName = "Joana" }.DisplayName);
        Assert.Equal("João Souza", new Patient { FullName = "João Souza" }.DisplayName);
    }

    [Fact]
    public void Records_are_kept_twenty_years_from_the_last_entry() =>
        Assert.Equal(new DateOnly(2046, 3, 1), RecordRetention.RetainUntil(new DateOnly(2026, 3, 1)));

    [Fact]
    public void A_request_is_overdue_after_its_due_date_while_unanswered()
    {
        var r = new DataSubjectRequest { DueOn = new DateOnly(2026, 11, 20) };
        Assert.True(r.IsOverdueOn(new DateOnly(2026, 11, 21)));
        Assert.False(r.IsOverdueOn(new DateOnly(2026, 11, 20)));
        r.Status = DataSubjectRequestStatus.Completed;
        Assert.False(r.IsOverdueOn(new DateOnly(2026, 11, 21)));
    }
}
