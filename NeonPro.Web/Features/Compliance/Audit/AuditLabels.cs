using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Domain.Catalog;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Features.Catalog;
using NeonPro.Web.Features.Compliance.DataSubjectRequests;
using NeonPro.Web.Features.Patients;
using NeonPro.Web.Features.Professionals;
using NeonPro.Web.Features.Scheduling;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Domain;

namespace NeonPro.Web.Features.Compliance.Audit;

/// <summary>
/// The pt-BR names (localizer keys) the audit screen shows for actions, roles, chain breaks, and for the entities and
/// fields the audit interceptor writes under their C# names. One map for both: a test fails when an audited entity
/// type or property of the model has no entry here, and an unmapped name still reads as words (PascalCase split).
/// </summary>
public static partial class AuditLabels
{
    public static string Of(AuditAction action) => action switch
    {
        AuditAction.Insert => "Inclusão",
        AuditAction.Update => "Alteração",
        AuditAction.Delete => "Exclusão",
        AuditAction.SignIn => "Entrada no sistema",
        AuditAction.SignInFailed => "Tentativa de entrada recusada",
        AuditAction.SignInLockedOut => "Conta bloqueada por tentativas",
        AuditAction.SignOut => "Saída do sistema",
        AuditAction.UserCreated => "Usuário criado",
        AuditAction.UserDisabled => "Usuário desativado",
        AuditAction.UserEnabled => "Usuário reativado",
        AuditAction.PasswordReset => "Senha redefinida",
        AuditAction.RolesChanged => "Perfis alterados",
        AuditAction.View => "Consulta",
        AuditAction.Export => "Exportação",
        AuditAction.SecondFactorReset => "Verificação em dois fatores redefinida",
        AuditAction.EmergencyAccess => "Acesso de emergência",
        AuditAction.AuditKeyRecorded => "Chave da auditoria registrada",
        _ => action.ToString(),
    };

    /// <summary>The verdict's wording; {0} is the sequence number of the row where the chain breaks.</summary>
    public static string Of(AuditBreakReason reason) => reason switch
    {
        AuditBreakReason.ContentChanged => "Cadeia violada no registro nº {0}: conteúdo alterado.",
        AuditBreakReason.BrokenLink => "Cadeia violada no registro nº {0}: elo com o registro anterior quebrado.",
        AuditBreakReason.MissingRows => "Cadeia violada no registro nº {0}: registros ausentes antes deste.",
        AuditBreakReason.MissingAtEnd => "Cadeia violada: faltam registros no fim (uma âncora registrou até o nº {0}).",
        AuditBreakReason.DiffersFromAnchor => "Cadeia violada no registro nº {0}: difere da âncora registrada.",
        AuditBreakReason.AnchorUnreadable => "Cadeia não verificável: a linha {0} do arquivo de âncoras é ilegível.",
        _ => "Cadeia violada no registro nº {0}.",
    };

    /// <summary>Entity types by the name the audit stores (<see cref="Data.AuditInterceptor.EntityTypeName"/>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Entities = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(Patient)] = "Paciente",
        [nameof(NameToken)] = "Índice de nome do paciente",
        [nameof(HealthProfile)] = "Anamnese",
        [nameof(ConsentTerm)] = "Termo de consentimento",
        [nameof(PatientConsent)] = "Consentimento do paciente",
        [nameof(DataSubjectRequest)] = "Solicitação do titular",
        [nameof(Appointment)] = "Agendamento",
        [nameof(AppointmentStatusChange)] = "Mudança de situação do agendamento",
        [nameof(SchedulingSettings)] = "Configurações da agenda",
        [nameof(Professional)] = "Profissional",
        [nameof(WorkingHours)] = "Horário de atendimento",
        [nameof(ProfessionalAvailabilityException)] = "Exceção de disponibilidade",
        [nameof(ProfessionalScope)] = "Escopo do profissional",
        [nameof(ClinicClosedDay)] = "Dia sem atendimento",
        [nameof(Treatment)] = "Tratamento",
        [nameof(Room)] = "Sala",
        [nameof(Equipment)] = "Equipamento",
        ["RoomEquipment"] = "Equipamento da sala",
        ["TreatmentRequiredEquipment"] = "Equipamento exigido pelo tratamento",
        [nameof(Domain.Clinic.ClinicSettings)] = "Dados da clínica",
        [nameof(StaffUser)] = "Usuário",
        ["IdentityRole"] = "Perfil de acesso",
        ["IdentityUserRole<string>"] = "Perfil do usuário",
        ["IdentityUserClaim<string>"] = "Declaração do usuário",
        ["IdentityRoleClaim<string>"] = "Declaração do perfil de acesso",
        ["IdentityUserLogin<string>"] = "Login externo do usuário",
        ["IdentityUserToken<string>"] = "Token do usuário",
        [nameof(DataProtectionKey)] = "Chave de proteção de dados",
    };

    /// <summary>
    /// Fields by property name, the same word wherever the name recurs (PatientId is "Paciente" in every table);
    /// "Entity.Property" entries say it differently for one entity. Keys ignore case: explicit events write their
    /// details in camelCase (method, reason, email).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        // Keys and references, shared by many entities.
        ["Id"] = "Id",
        ["PatientId"] = "Paciente",
        ["ProfessionalId"] = "Profissional",
        ["TreatmentId"] = "Tratamento",
        ["RoomId"] = "Sala",
        ["SupervisorId"] = "Supervisor(a)",
        ["RescheduledFromId"] = "Remarcado de",
        ["AppointmentId"] = "Agendamento",
        ["TermId"] = "Termo",
        ["EquipmentId"] = "Equipamento",
        ["RequiredEquipmentId"] = "Equipamento exigido",
        ["RoleId"] = "Perfil de acesso",
        ["UserId"] = "Usuário",
        ["CreatedAtUtc"] = "Criado em",
        ["CreatedByName"] = "Criado por",
        ["UpdatedAtUtc"] = "Alterado em",
        ["UpdatedByName"] = "Alterado por",
        ["Version"] = "Versão",
        ["Name"] = "Nome",
        ["Description"] = "Descrição",
        ["IsActive"] = "Ativo",
        ["Date"] = "Data",
        ["Start"] = "Início",
        ["End"] = "Fim",
        ["Reason"] = "Motivo",
        ["Status"] = "Situação",
        ["Contraindications"] = "Contraindicações",
        // Patient (the words of the registration form).
        ["FullName"] = "Nome completo",
        ["SocialName"] = "Nome social",
        ["BirthDate"] = "Data de nascimento",
        ["Sex"] = "Sexo",
        ["Cpf"] = "CPF",
        ["IsForeigner"] = "Estrangeiro (sem CPF)",
        ["PassportNumber"] = "Número do passaporte",
        ["PassportCountry"] = "País do passaporte",
        ["Cns"] = "CNS (Cartão Nacional de Saúde)",
        ["Rg"] = "RG",
        ["RgIssuer"] = "Órgão emissor do RG",
        ["MobilePhone"] = "Celular",
        ["OtherPhone"] = "Outro telefone",
        ["Email"] = "E-mail",
        ["PreferredChannel"] = "Canal de contato preferido",
        ["PostalCode"] = "CEP",
        ["Street"] = "Logradouro",
        ["Number"] = "Número",
        ["Complement"] = "Complemento",
        ["District"] = "Bairro",
        ["City"] = "Cidade",
        ["State"] = "UF",
        ["Occupation"] = "Profissão",
        ["EmergencyContactName"] = "Nome do contato de emergência",
        ["EmergencyContactRelationship"] = "Parentesco do contato de emergência",
        ["EmergencyContactPhone"] = "Telefone do contato de emergência",
        ["GuardianName"] = "Nome do responsável legal",
        ["GuardianRelationship"] = "Parentesco do responsável",
        ["GuardianCpf"] = "CPF do responsável",
        ["GuardianPhone"] = "Telefone do responsável",
        ["SearchName"] = "Nome para busca",
        ["PhoneDigitsReversed"] = "Telefones para busca",
        ["AnonymizedAtUtc"] = "Anonimizado em",
        ["RecordBlocked"] = "Registro bloqueado",
        ["RetentionUntil"] = "Guardar até",
        ["Token"] = "Palavra do nome",
        // Anamnese.
        ["Allergies"] = "Alergias",
        ["NoKnownAllergies"] = "Sem alergias conhecidas",
        ["AllergiesConfirmedAtUtc"] = "Alergias confirmadas em",
        ["CurrentMedications"] = "Medicamentos em uso",
        ["MedicationsConfirmedAtUtc"] = "Medicamentos confirmados em",
        ["MedicalConditions"] = "Condições de saúde",
        ["ConditionsConfirmedAtUtc"] = "Condições confirmadas em",
        ["PreviousAestheticProcedures"] = "Procedimentos estéticos anteriores",
        ["PreviousProceduresConfirmedAtUtc"] = "Procedimentos anteriores confirmados em",
        ["ContraindicationsConfirmedAtUtc"] = "Contraindicações confirmadas em",
        ["Pregnant"] = "Gestante",
        ["Breastfeeding"] = "Amamentando",
        ["PregnancyStatedOn"] = "Gestação informada em",
        ["FitzpatrickType"] = "Fototipo (Fitzpatrick)",
        ["FitzpatrickConfirmedAtUtc"] = "Fototipo confirmado em",
        ["AestheticGoals"] = "Objetivos estéticos",
        ["GoalsConfirmedAtUtc"] = "Objetivos confirmados em",
        // Consents and requests of the data subject.
        ["Purpose"] = "Finalidade",
        ["ConsentTerm.Version"] = "Versão do termo",
        ["Text"] = "Texto",
        ["Sha256"] = "SHA-256",
        ["EffectiveFrom"] = "Vigente desde",
        ["GrantedAtUtc"] = "Concedido em",
        ["RecordedByUserId"] = "Registrado por",
        ["RecordedByName"] = "Registrado por (nome)",
        ["PatientConsent.Method"] = "Forma de registro",
        ["WithdrawnAtUtc"] = "Retirada do consentimento",
        ["WithdrawnByUserId"] = "Retirado por",
        ["WithdrawnByName"] = "Retirado por (nome)",
        ["WithdrawalReason"] = "Motivo da retirada",
        ["Right"] = "Direito",
        ["ReceivedAtUtc"] = "Recebida em",
        ["DueOn"] = "Prazo",
        ["IdentityVerified"] = "Identidade verificada",
        ["Details"] = "Detalhes",
        ["AnsweredAtUtc"] = "Respondida em",
        ["Outcome"] = "Resultado",
        ["RefusalReason"] = "Motivo da recusa",
        ["HandledByUserId"] = "Atendida por",
        // Scheduling.
        ["StartUtc"] = "Início",
        ["EndUtc"] = "Fim",
        ["Notes"] = "Observações",
        ["MoveCount"] = "Remarcações",
        ["CancelledAtUtc"] = "Cancelado em",
        ["CancelledByName"] = "Cancelado por",
        ["CancellationReason"] = "Motivo do cancelamento",
        ["CancellationFee"] = "Taxa de cancelamento",
        ["AcknowledgedWarnings"] = "Avisos confirmados",
        ["From"] = "Situação anterior",
        ["To"] = "Nova situação",
        ["AtUtc"] = "Em",
        ["ByUserId"] = "Por",
        ["ByName"] = "Por (nome)",
        ["Note"] = "Observação",
        ["SlotMinutes"] = "Intervalo da agenda (minutos)",
        ["OpensAt"] = "Abre às",
        ["ClosesAt"] = "Fecha às",
        ["LateCancellationNoticeHours"] = "Antecedência mínima para cancelar sem taxa (horas)",
        ["LateCancellationFee"] = "Taxa de cancelamento tardio",
        // Professionals and the catalog.
        ["Profession"] = "Profissão",
        ["Council"] = "Conselho",
        ["CouncilNumber"] = "Número no conselho",
        ["CouncilState"] = "UF do conselho",
        ["CouncilRegion"] = "Região do conselho",
        ["CouncilCategory"] = "Categoria no conselho",
        ["Rqe"] = "RQE",
        ["RegistrationStatus"] = "Situação do registro",
        ["LastVerifiedOn"] = "Verificado em",
        ["CardValidUntil"] = "Carteira válida até",
        ["FeesPaidThrough"] = "Anuidade paga até",
        ["Specialties"] = "Especialidades",
        ["Bio"] = "Apresentação",
        ["DefaultConsultationMinutes"] = "Duração padrão da consulta (minutos)",
        ["Color"] = "Cor",
        ["RequiresSupervision"] = "Exige supervisão",
        ["Day"] = "Dia da semana",
        ["Kind"] = "Tipo",
        ["Mode"] = "Modo",
        ["Conditions"] = "Condições",
        ["ValidFrom"] = "Válido de",
        ["ValidUntil"] = "Válido até",
        ["Category"] = "Categoria",
        ["DurationMinutes"] = "Duração (minutos)",
        ["Price"] = "Preço",
        ["TussCode"] = "Código TUSS",
        ["ProductType"] = "Tipo de produto",
        ["AnvisaRegistration"] = "Registro na ANVISA",
        ["AllowedProfessions"] = "Profissões habilitadas",
        ["MinimumAge"] = "Idade mínima",
        ["MaximumAge"] = "Idade máxima",
        ["ContraindicatedInPregnancy"] = "Contraindicado na gestação",
        ["ContraindicatedInBreastfeeding"] = "Contraindicado na amamentação",
        ["RecommendedSessions"] = "Sessões recomendadas",
        ["SessionIntervalDays"] = "Intervalo entre sessões (dias)",
        ["PreCare"] = "Cuidados antes",
        ["PostCare"] = "Cuidados depois",
        ["PhotoRequired"] = "Foto obrigatória",
        ["PriorConsultationRequired"] = "Consulta prévia obrigatória",
        // The clinic.
        ["Cnpj"] = "CNPJ",
        ["Phone"] = "Telefone",
        ["TimeZoneId"] = "Fuso horário",
        // Staff accounts (ASP.NET Core Identity).
        ["PreferredCulture"] = "Idioma",
        ["IsDisabled"] = "Desativado",
        ["UserName"] = "Nome de usuário",
        ["NormalizedUserName"] = "Nome de usuário (normalizado)",
        ["NormalizedEmail"] = "E-mail (normalizado)",
        ["NormalizedName"] = "Nome (normalizado)",
        ["EmailConfirmed"] = "E-mail confirmado",
        ["PhoneNumber"] = "Telefone",
        ["PhoneNumberConfirmed"] = "Telefone confirmado",
        ["TwoFactorEnabled"] = "Verificação em duas etapas",
        ["LockoutEnd"] = "Bloqueado até",
        ["LockoutEnabled"] = "Bloqueio por tentativas",
        ["AccessFailedCount"] = "Tentativas falhas",
        ["ConcurrencyStamp"] = "Versão",
        ["ClaimType"] = "Tipo da declaração",
        ["ClaimValue"] = "Valor da declaração",
        ["LoginProvider"] = "Provedor de login",
        ["ProviderKey"] = "Chave no provedor",
        ["ProviderDisplayName"] = "Nome do provedor",
        ["Value"] = "Valor",
        ["PasswordHash"] = "Senha",
        ["SecurityStamp"] = "Carimbo de segurança da sessão",
        ["MustEnrollTwoFactor"] = "Deve cadastrar o autenticador de novo",
        ["DataProtectionKey.FriendlyName"] = "Identificação da chave",
        ["DataProtectionKey.Xml"] = "Chave",
        // Details of explicit events (sign-ins, exports, user administration, chart views).
        ["method"] = "Método",
        ["tab"] = "Aba",
        ["format"] = "Formato",
        ["request"] = "Solicitação",
        ["bytes"] = "Tamanho (bytes)",
        ["Roles"] = "Perfis",
        ["Unlocked"] = "Desbloqueado",
        ["Before"] = "Antes",
        ["After"] = "Depois",
    };

    /// <summary>The codes explicit events write in their details (how someone signed in, why it was refused).</summary>
    public static readonly IReadOnlyDictionary<string, string> EventValues = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Areas.Identity.Pages.Account.SignInAudit.ByPassword] = "Senha",
        [Areas.Identity.Pages.Account.SignInAudit.ByAuthenticator] = "Aplicativo autenticador",
        [Areas.Identity.Pages.Account.SignInAudit.ByRecoveryCode] = "Código de recuperação",
        ["e-mail-link"] = "Link enviado por e-mail",
        ["unknown-email"] = "E-mail não cadastrado",
        ["wrong-password"] = "Senha incorreta",
        ["wrong-password-lockout-started"] = "Senha incorreta; conta bloqueada por tentativas",
        ["locked-out"] = "Conta bloqueada",
        ["disabled"] = "Usuário desativado",
    };

    /// <summary>The entity's name on the audit screen (a localizer key when mapped).</summary>
    public static string OfEntity(string entityType) =>
        Entities.TryGetValue(entityType, out var label) ? label : Readable(entityType);

    /// <summary>The field's name on the audit screen: the entity's own word, else the shared one, else its words split.</summary>
    public static string OfField(string entityType, string field) =>
        Fields.TryGetValue($"{entityType}.{field}", out var own) ? own
        : Fields.TryGetValue(field, out var shared) ? shared
        : Readable(field);

    public static bool HasEntity(string entityType) => Entities.ContainsKey(entityType);

    public static bool HasField(string entityType, string field) => Fields.ContainsKey($"{entityType}.{field}") || Fields.ContainsKey(field);

    /// <summary>
    /// An enum value in the user's language, through the display names its own feature already shows (the agenda's
    /// status names, the registry's sex and channels...); null for an enum no screen names yet.
    /// </summary>
    public static string? OfEnum(IStringLocalizer T, Enum value) => value switch
    {
        AppointmentStatus status => StatusNames.Name(T, status),
        Sex sex => T[EnumLabels.Of(sex)],
        ContactChannel channel => T[EnumLabels.Of(channel)],
        ConsentPurpose purpose => T[ConsentNames.Of(purpose)],
        ConsentMethod method => T[ConsentNames.Of(method)],
        DataSubjectRight right => T[RequestNames.Of(right)],
        DataSubjectRequestStatus status => T[RequestNames.Of(status)],
        Profession profession => T[EnumLabels.Of(profession)],
        Council council => T[EnumLabels.Of(council)],
        RegistrationStatus status => T[EnumLabels.Of(status)],
        ScopeMode mode => T[EnumLabels.Of(mode)],
        AvailabilityExceptionKind kind => T[EnumLabels.Of(kind)],
        TreatmentCategory category => T[EnumLabels.Of(category)],
        ProductType type => T[EnumLabels.Of(type)],
        AuditAction action => T[Of(action)],
        DayOfWeek day => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day),
        _ => null,
    };

    /// <summary>What an identifying value kept only as a keyed hash shows instead of the hash.</summary>
    public const string ProtectedValue = "valor protegido";

    /// <summary>What a secret (password hash, token, key) shows: the audit records that it changed, never its value.</summary>
    public const string SecretValue = "segredo (não registrado)";

    /// <summary>"CreatedAtUtc" reads "Created at", "IdentityUserRole&lt;string&gt;" "Identity user role": a name nobody mapped yet.</summary>
    public static string Readable(string name)
    {
        var bare = GenericArguments().Replace(name, "");
        if (bare.EndsWith("Utc", StringComparison.Ordinal) && bare.Length > 3) bare = bare[..^3];
        var words = WordBoundary().Split(bare).Where(w => w.Length > 0).ToList();
        if (words.Count == 0) return name;
        return string.Join(' ', words.Select((w, i) => i == 0 ? w : w.All(char.IsUpper) && w.Length > 1 ? w : w.ToLowerInvariant()));
    }

    [GeneratedRegex("<.*>$")]
    private static partial Regex GenericArguments();

    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[_\\s]+")]
    private static partial Regex WordBoundary();
}
