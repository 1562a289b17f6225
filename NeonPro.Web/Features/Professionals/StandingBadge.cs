using NeonPro.Web.Domain.Professionals;

namespace NeonPro.Web.Features.Professionals;

/// <summary>A professional's standing as the badge shows it: the standing and, when it lapses soon, in how many days.</summary>
public sealed record StandingBadge(CredentialStanding Standing, int? DaysLeft, bool HasCouncil)
{
    public static StandingBadge For(Council council, RegistrationStatus status, DateOnly? cardValidUntil, DateOnly? feesPaidThrough, DateOnly today)
    {
        var standing = Credentials.Standing(council, status, cardValidUntil, feesPaidThrough, today);
        DateOnly? lapses = new[] { cardValidUntil, feesPaidThrough }.Where(d => d is not null).Min();
        int? days = standing == CredentialStanding.LapsingSoon && lapses is { } d ? d.DayNumber - today.DayNumber : null;
        return new StandingBadge(standing, days, council != Council.None);
    }

    public static StandingBadge For(Professional p, DateOnly today) =>
        For(p.Council, p.RegistrationStatus, p.CardValidUntil, p.FeesPaidThrough, today);

    /// <summary>Red for anything that stops booking, amber for a lapse within 30 days.</summary>
    public string CssClass => Standing switch
    {
        CredentialStanding.Good => "text-bg-success",
        CredentialStanding.LapsingSoon => "text-bg-warning",
        _ => "text-bg-danger",
    };

    public bool Bookable => Credentials.IsBookable(Standing);
}
