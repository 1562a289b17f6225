using NeonPro.Web.Domain.Professionals;

namespace NeonPro.Web.Features.Professionals;

/// <summary>The pt-BR words (localization keys) for the professionals' enums, so every page names them alike.</summary>
public static class ProfessionalLabels
{
    public static string Of(Profession profession) => profession switch
    {
        Profession.Physician => "Médico(a)",
        Profession.Nurse => "Enfermeiro(a)",
        Profession.Biomedic => "Biomédico(a)",
        Profession.Pharmacist => "Farmacêutico(a)",
        Profession.Dentist => "Cirurgião(ã)-dentista",
        Profession.Physiotherapist => "Fisioterapeuta",
        Profession.Aesthetician => "Esteticista",
        _ => profession.ToString(),
    };

    public static string Of(Council council) => council == Council.None ? "Sem conselho" : Councils.Acronym(council);

    public static string Of(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Active => "Ativo",
        RegistrationStatus.Suspended => "Suspenso",
        RegistrationStatus.Cancelled => "Cancelado",
        _ => status.ToString(),
    };

    public static string Of(ScopeMode mode) => mode switch
    {
        ScopeMode.Independent => "Independente",
        ScopeMode.Supervised => "Supervisionado",
        ScopeMode.Prohibited => "Proibido",
        _ => mode.ToString(),
    };

    public static string Of(ScopeReason reason) => reason switch
    {
        ScopeReason.DefaultAllowed => "Padrão do procedimento: a profissão é permitida",
        ScopeReason.DefaultNotAllowed => "Padrão do procedimento: a profissão não é permitida",
        ScopeReason.Override => "Regra específica deste profissional",
        ScopeReason.CredentialNotInGoodStanding => "Registro no conselho irregular (suspenso, cancelado ou vencido)",
        ScopeReason.RequiresSupervision => "Profissional atua sob supervisão",
        ScopeReason.InactiveProfessional => "Profissional inativo",
        ScopeReason.InactiveTreatment => "Procedimento inativo",
        _ => reason.ToString(),
    };

    /// <summary>
    /// A standing in words; a lapse still ahead reads as regular here (the badge and the agenda add how soon).
    /// </summary>
    public static string Of(CredentialStanding standing) => standing switch
    {
        CredentialStanding.Suspended => "Registro suspenso",
        CredentialStanding.Cancelled => "Registro cancelado",
        CredentialStanding.Lapsed => "Carteira/anuidade vencida",
        _ => "Registro regular",
    };

    public static string Of(AvailabilityExceptionKind kind) => kind switch
    {
        AvailabilityExceptionKind.TimeOff => "Folga",
        AvailabilityExceptionKind.Blocked => "Bloqueio",
        AvailabilityExceptionKind.ExtraHours => "Horas extras",
        _ => kind.ToString(),
    };

    /// <summary>Bootstrap colour of a mode in the scope table.</summary>
    public static string BadgeClass(ScopeMode mode) => mode switch
    {
        ScopeMode.Independent => "text-bg-success",
        ScopeMode.Supervised => "text-bg-warning",
        _ => "text-bg-danger",
    };
}

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
