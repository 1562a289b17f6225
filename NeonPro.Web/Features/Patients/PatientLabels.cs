using NeonPro.Web.Domain.Patients;

namespace NeonPro.Web.Features.Patients;

/// <summary>pt-BR resource keys for the patient enums (views pass them through the localizer).</summary>
public static class PatientLabels
{
    public static string Of(Sex sex) => sex switch
    {
        Sex.Female => "Feminino",
        Sex.Male => "Masculino",
        Sex.Intersex => "Intersexo",
        _ => "Não informado",
    };

    public static string Of(ContactChannel channel) => channel switch
    {
        ContactChannel.WhatsApp => "WhatsApp",
        ContactChannel.Sms => "SMS",
        ContactChannel.Email => "E-mail",
        _ => "Telefone",
    };

    public static string Roman(int fitzpatrick) => fitzpatrick switch
    {
        1 => "I", 2 => "II", 3 => "III", 4 => "IV", 5 => "V", 6 => "VI", _ => "",
    };
}
