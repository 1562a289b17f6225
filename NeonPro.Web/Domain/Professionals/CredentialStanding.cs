using System.ComponentModel.DataAnnotations;

namespace NeonPro.Web.Domain.Professionals;

public enum RegistrationStatus
{
    [Display(Name = "Ativo")] Active,
    [Display(Name = "Suspenso")] Suspended,
    [Display(Name = "Cancelado")] Cancelled,
}

/// <summary>Where a professional's registration stands today, for colours and for booking.</summary>
public enum CredentialStanding
{
    /// <summary>Active, card and fees valid for more than 30 days.</summary>
    [Display(Name = "Registro regular")]
    Good,
    /// <summary>Active, but the card or the annual fee lapses within 30 days: shown in amber. In words it still reads as
    /// regular: the badge and the agenda add how soon.</summary>
    [Display(Name = "Registro regular")]
    LapsingSoon,
    /// <summary>The card or the annual fee has lapsed: red, not bookable.</summary>
    [Display(Name = "Carteira/anuidade vencida")]
    Lapsed,
    [Display(Name = "Registro suspenso")]
    Suspended,
    [Display(Name = "Registro cancelado")]
    Cancelled,
}

public static class Credentials
{
    public const int WarningDays = 30;

    /// <summary>
    /// Registrations do not expire as such (DOMAIN.md): what lapses is the council card or the annual fee.
    /// A professional with no council (aesthetician) is always in good standing.
    /// </summary>
    public static CredentialStanding Standing(Council council, RegistrationStatus status, DateOnly? cardValidUntil, DateOnly? feesPaidThrough, DateOnly today)
    {
        if (council == Council.None) return CredentialStanding.Good;
        if (status == RegistrationStatus.Cancelled) return CredentialStanding.Cancelled;
        if (status == RegistrationStatus.Suspended) return CredentialStanding.Suspended;

        if (LapsesOn(cardValidUntil, feesPaidThrough) is { } date)
        {
            if (date < today) return CredentialStanding.Lapsed;
            if (date <= today.AddDays(WarningDays)) return CredentialStanding.LapsingSoon;
        }
        return CredentialStanding.Good;
    }

    /// <summary>The day the registration stops being in good standing: the earlier of the card's and the fee's dates.</summary>
    public static DateOnly? LapsesOn(DateOnly? cardValidUntil, DateOnly? feesPaidThrough) => (cardValidUntil, feesPaidThrough) switch
    {
        ({ } c, { } f) => c < f ? c : f,
        ({ } c, null) => c,
        (null, { } f) => f,
        _ => null,
    };

    public static bool IsBookable(CredentialStanding standing) =>
        standing is CredentialStanding.Good or CredentialStanding.LapsingSoon;
}
