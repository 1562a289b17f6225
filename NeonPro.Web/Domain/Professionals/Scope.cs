using System.ComponentModel.DataAnnotations;

namespace NeonPro.Web.Domain.Professionals;

/// <summary>How a professional may perform a treatment.</summary>
public enum ScopeMode
{
    [Display(Name = "Independente")] Independent,
    [Display(Name = "Supervisionado")] Supervised,
    [Display(Name = "Proibido")] Prohibited,
}

/// <summary>An explicit scope entry for one professional and one treatment, overriding the treatment's default.</summary>
public sealed record ScopeOverride(ScopeMode Mode, DateOnly? ValidFrom, DateOnly? ValidUntil, string? Conditions)
{
    public bool AppliesOn(DateOnly date) => (ValidFrom is null || ValidFrom <= date) && (ValidUntil is null || date <= ValidUntil);
}

public sealed record ScopeDecision(ScopeMode Mode, ScopeReason Reason, string? Conditions = null)
{
    public bool MayPerform => Mode != ScopeMode.Prohibited;
}

public enum ScopeReason
{
    /// <summary>The treatment lists the professional's profession.</summary>
    [Display(Name = "Padrão do procedimento: a profissão é permitida")]
    DefaultAllowed,
    /// <summary>The treatment does not list the professional's profession.</summary>
    [Display(Name = "Padrão do procedimento: a profissão não é permitida")]
    DefaultNotAllowed,
    /// <summary>An explicit entry for this professional and treatment decided.</summary>
    [Display(Name = "Regra específica deste profissional")]
    Override,
    /// <summary>The professional's registration is suspended or cancelled, or the card/fee lapsed.</summary>
    [Display(Name = "Registro no conselho irregular (suspenso, cancelado ou vencido)")]
    CredentialNotInGoodStanding,
    /// <summary>The professional works under supervision, so an allowed treatment is supervised.</summary>
    [Display(Name = "Profissional atua sob supervisão")]
    RequiresSupervision,
    [Display(Name = "Profissional inativo")]
    InactiveProfessional,
    [Display(Name = "Procedimento inativo")]
    InactiveTreatment,
}

/// <summary>
/// "May this professional perform this treatment on this date, and how?" Scope is disputed between the
/// councils in court (DOMAIN.md), so it is data — the treatment's allowed professions, overridable per
/// professional with validity dates — and this one rule reads it. Scheduling calls it before booking.
/// </summary>
public static class ScopeRule
{
    public static ScopeDecision Decide(
        Profession profession,
        CredentialStanding standing,
        bool professionalActive,
        bool requiresSupervision,
        IReadOnlyCollection<Profession> treatmentAllowedProfessions,
        bool treatmentActive,
        IEnumerable<ScopeOverride> overrides,
        DateOnly date)
    {
        if (!professionalActive) return new(ScopeMode.Prohibited, ScopeReason.InactiveProfessional);
        if (!treatmentActive) return new(ScopeMode.Prohibited, ScopeReason.InactiveTreatment);
        if (!Credentials.IsBookable(standing)) return new(ScopeMode.Prohibited, ScopeReason.CredentialNotInGoodStanding);

        // The most recent entry valid on the date wins; expired or future entries fall back to the default.
        var entry = overrides.Where(o => o.AppliesOn(date)).OrderByDescending(o => o.ValidFrom ?? DateOnly.MinValue).FirstOrDefault();
        if (entry is not null)
        {
            var mode = entry.Mode == ScopeMode.Independent && requiresSupervision ? ScopeMode.Supervised : entry.Mode;
            return new(mode, ScopeReason.Override, entry.Conditions);
        }

        if (!treatmentAllowedProfessions.Contains(profession)) return new(ScopeMode.Prohibited, ScopeReason.DefaultNotAllowed);
        return requiresSupervision
            ? new(ScopeMode.Supervised, ScopeReason.RequiresSupervision)
            : new(ScopeMode.Independent, ScopeReason.DefaultAllowed);
    }
}
