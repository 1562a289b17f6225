using NeonPro.Web.Domain.Patients;

namespace NeonPro.Web.Features.Compliance.DataSubjectRequests;

/// <summary>The pt-BR names (localizer keys) of the rights of LGPD Art. 18 and of a request's status.</summary>
public static class RequestNames
{
    public static string Of(DataSubjectRight right) => right switch
    {
        DataSubjectRight.ConfirmationAndAccess => "Confirmação e acesso (art. 18, I e II)",
        DataSubjectRight.Correction => "Correção de dados (art. 18, III)",
        DataSubjectRight.AnonymizationOrDeletion => "Anonimização, bloqueio ou eliminação (art. 18, IV e VI)",
        DataSubjectRight.Portability => "Portabilidade (art. 18, V)",
        DataSubjectRight.SharingInformation => "Informação sobre compartilhamento (art. 18, VII)",
        DataSubjectRight.ConsentRevocation => "Revogação do consentimento (art. 18, IX)",
        _ => right.ToString(),
    };

    public static string Of(DataSubjectRequestStatus status) => status switch
    {
        DataSubjectRequestStatus.Open => "Aberta",
        DataSubjectRequestStatus.InProgress => "Em andamento",
        DataSubjectRequestStatus.Completed => "Concluída",
        DataSubjectRequestStatus.Refused => "Recusada",
        _ => status.ToString(),
    };
}
