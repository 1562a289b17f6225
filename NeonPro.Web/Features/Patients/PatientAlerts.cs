using Microsoft.Extensions.Localization;
using NeonPro.Web.Domain.Patients;

namespace NeonPro.Web.Features.Patients;

/// <summary>
/// What a professional must see before treating a patient, as the chart's header shows it: allergies,
/// contraindications, pregnancy and breastfeeding (flagged when the treatment is contraindicated), a minor.
/// </summary>
public static class PatientAlerts
{
    public static IReadOnlyList<string> For(Patient patient, HealthProfile? health, bool contraindicatedInPregnancy, bool contraindicatedInBreastfeeding,
        DateOnly day, IStringLocalizer T)
    {
        var alerts = new List<string>();
        if (health is { NoKnownAllergies: false } && !string.IsNullOrWhiteSpace(health.Allergies)) alerts.Add(T["Alergias: {0}", health.Allergies]);
        if (health is not null && !string.IsNullOrWhiteSpace(health.Contraindications)) alerts.Add(T["Contraindicações: {0}", health.Contraindications]);
        if (health?.Pregnant == true) alerts.Add(contraindicatedInPregnancy ? T["Gestante — tratamento contraindicado!"] : T["Gestante"]);
        if (health?.Breastfeeding == true) alerts.Add(contraindicatedInBreastfeeding ? T["Amamentando — tratamento contraindicado!"] : T["Amamentando"]);
        if (patient.IsMinorOn(day)) alerts.Add(T["Menor de idade"]);
        return alerts;
    }
}
