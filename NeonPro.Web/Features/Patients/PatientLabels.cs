using NeonPro.Web.Domain.Patients;

namespace NeonPro.Web.Features.Patients;

/// <summary>How the patient screens write what is not a word: the Fitzpatrick type in Roman numerals. The patient enums'
/// words are their [Display] names (EnumLabels).</summary>
public static class PatientLabels
{
    public static string Roman(int fitzpatrick) => fitzpatrick switch
    {
        1 => "I", 2 => "II", 3 => "III", 4 => "IV", 5 => "V", 6 => "VI", _ => "",
    };
}
