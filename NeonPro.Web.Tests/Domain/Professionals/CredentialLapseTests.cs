using NeonPro.Web.Domain.Professionals;

namespace NeonPro.Web.Tests.Domain.Professionals;

/// <summary>The day a registration stops being in good standing, which the home page lists and the standing rule uses.</summary>
public class CredentialLapseTests
{
    private static readonly DateOnly Card = new(2026, 12, 10);
    private static readonly DateOnly Fees = new(2027, 3, 31);

    [Fact]
    public void A_registration_lapses_on_the_earlier_of_the_card_and_the_annual_fee()
    {
        Assert.Equal(Card, Credentials.LapsesOn(Card, Fees));
        Assert.Equal(Card, Credentials.LapsesOn(Fees.AddYears(1), Card));
        Assert.Equal(Fees, Credentials.LapsesOn(null, Fees));
        Assert.Equal(Card, Credentials.LapsesOn(Card, null));
        Assert.Null(Credentials.LapsesOn(null, null));
    }

    [Fact]
    public void The_standing_turns_amber_thirty_days_before_the_lapse_and_red_the_day_after()
    {
        Assert.Equal(CredentialStanding.Good, Credentials.Standing(Council.Crm, RegistrationStatus.Active, Card, Fees, Card.AddDays(-31)));
        Assert.Equal(CredentialStanding.LapsingSoon, Credentials.Standing(Council.Crm, RegistrationStatus.Active, Card, Fees, Card.AddDays(-30)));
        Assert.Equal(CredentialStanding.LapsingSoon, Credentials.Standing(Council.Crm, RegistrationStatus.Active, Card, Fees, Card));
        Assert.Equal(CredentialStanding.Lapsed, Credentials.Standing(Council.Crm, RegistrationStatus.Active, Card, Fees, Card.AddDays(1)));
    }
}
