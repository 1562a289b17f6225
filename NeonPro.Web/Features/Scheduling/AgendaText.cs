using System.Globalization;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Domain;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Features.Professionals;

namespace NeonPro.Web.Features.Scheduling;

/// <summary>How the agenda words dates and the reasons a day cannot be booked.</summary>
public static class AgendaText
{
    /// <summary>"segunda-feira, 30/11": the date a message is about, named, so another day is never called "hoje".</summary>
    public static string Day(DateOnly day, CultureInfo culture) => day.ToString("dddd, dd/MM", culture);

    /// <summary>Why a professional cannot be booked that day, as a label ("Registro suspenso", "Folga").</summary>
    public static string Reason(IStringLocalizer T, DayUnavailable reason, CredentialStanding standing) => reason switch
    {
        DayUnavailable.ClinicClosed => T["Clínica fechada"],
        DayUnavailable.RegistrationNotRegular => T[EnumLabels.Of(standing)],
        DayUnavailable.InactiveProfessional => T["Profissional inativo"],
        DayUnavailable.TimeOff => T[EnumLabels.Of(AvailabilityExceptionKind.TimeOff)],
        DayUnavailable.NoWorkingHours => T["Não atende neste dia"],
        _ => "",
    };

    /// <summary>A label inside a sentence: "registro suspenso".</summary>
    public static string InSentence(string label, CultureInfo culture) =>
        string.IsNullOrEmpty(label) ? label : char.ToLower(label[0], culture) + label[1..];
}
