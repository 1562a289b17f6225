using NeonPro.Web.Infrastructure.Auth;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain;
using NeonPro.Web.Domain.Clinic;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Features.Compliance.Audit;
using NeonPro.Web.Features.Compliance.DataSubjectRequests;
using NeonPro.Web.Features.Patients;
using NeonPro.Web.Features.Scheduling;
using NeonPro.Web.Infrastructure.Pdf;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Compliance;

/// <summary>
/// Everything the clinic holds about one patient (LGPD Art. 18 II and V; Art. 19): the registry, the health
/// profile, consents with the exact term versions, the patient's data-subject requests, appointments, who
/// accessed the record, and what else is kept. One collection, written as JSON (portability) or PDF (access).
/// </summary>
public sealed class PatientDataExport(NeonProDbContext db, ClinicClock clock, IStringLocalizer<SharedResource> T)
{
    public const string FormatName = "neonpro.patient-data";
    public const int FormatVersion = 1;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // A download, never embedded in a page: only what JSON itself requires is escaped, so "+55..." and accents read as typed.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public async Task<PatientDataPackage?> CollectAsync(Guid patientId, string? generatedBy, CancellationToken ct = default)
    {
        var p = await db.Patients.AsNoTracking().Include(x => x.HealthProfile).FirstOrDefaultAsync(x => x.Id == patientId, ct);
        if (p is null) return null;

        var clinic = await db.ClinicSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == ClinicSettings.SingletonId, ct);
        var consents = await db.PatientConsents.AsNoTracking().Include(c => c.Term).Where(c => c.PatientId == patientId).ToListAsync(ct);
        var requests = await db.DataSubjectRequests.AsNoTracking().Where(r => r.PatientId == patientId).ToListAsync(ct);
        var appointments = await (
            from a in db.Appointments.AsNoTracking()
            where a.PatientId == patientId
            join t in db.Treatments on a.TreatmentId equals t.Id
            join pr in db.Professionals on a.ProfessionalId equals pr.Id
            select new { a.Id, a.StartUtc, a.EndUtc, a.Status, Treatment = t.Name, Professional = pr.FullName }).ToListAsync(ct);

        var now = clock.UtcNow;
        return new PatientDataPackage
        {
            Format = FormatName,
            FormatVersion = FormatVersion,
            GeneratedAt = At(now),
            GeneratedBy = generatedBy,
            Controller = new ControllerData(clinic?.Name ?? "", clinic?.Cnpj is { } c && Cnpj.TryParse(c, out var cnpj) ? cnpj.Formatted : clinic?.Cnpj),
            Patient = new RegistryData(
                p.Id, p.FullName, p.SocialName, p.BirthDate, p.Sex, p.Cpf is { Length: 11 } ? Cpf.Format(p.Cpf) : p.Cpf, p.IsForeigner,
                p.PassportNumber, p.PassportCountry, p.Cns, p.Rg, p.RgIssuer, p.MobilePhone, p.OtherPhone, p.Email, p.PreferredChannel,
                new AddressData(p.PostalCode is { Length: 8 } ? Cep.Format(p.PostalCode) : p.PostalCode, p.Street, p.Number, p.Complement, p.District, p.City, p.State),
                p.Occupation,
                p.EmergencyContactName is null && p.EmergencyContactPhone is null ? null
                    : new ContactData(p.EmergencyContactName, p.EmergencyContactRelationship, p.EmergencyContactPhone),
                p.GuardianName is null && p.GuardianCpf is null ? null
                    : new GuardianData(p.GuardianName, p.GuardianRelationship, p.GuardianCpf is { Length: 11 } ? Cpf.Format(p.GuardianCpf) : p.GuardianCpf, p.GuardianPhone),
                At(p.CreatedAtUtc), At(p.AnonymizedAtUtc), p.RecordBlocked, p.RetentionUntil),
            HealthProfile = p.HealthProfile is { } h
                ? new HealthProfileData(
                    h.Allergies, h.NoKnownAllergies, At(h.AllergiesConfirmedAtUtc),
                    h.CurrentMedications, At(h.MedicationsConfirmedAtUtc),
                    h.MedicalConditions, At(h.ConditionsConfirmedAtUtc),
                    h.PreviousAestheticProcedures, At(h.PreviousProceduresConfirmedAtUtc),
                    h.Contraindications, At(h.ContraindicationsConfirmedAtUtc),
                    h.Pregnant, h.Breastfeeding, h.PregnancyStatedOn,
                    h.FitzpatrickType, At(h.FitzpatrickConfirmedAtUtc),
                    h.AestheticGoals, At(h.GoalsConfirmedAtUtc))
                : null,
            Consents = consents.OrderBy(c => c.GrantedAtUtc).Select(c => new ConsentData(
                c.Id, c.Purpose, T[ConsentNames.Of(c.Purpose)], ConsentNames.LegalBasis(c.Purpose),
                c.IsCurrentAt(now) ? ConsentState.Current : ConsentState.Withdrawn,
                new ConsentTermData(c.Term?.Version ?? "", c.Term?.Sha256 ?? "", c.Term?.EffectiveFrom, c.Term?.Text ?? ""),
                At(c.GrantedAtUtc), c.RecordedByName, c.Method, At(c.WithdrawnAtUtc), c.WithdrawnByName, c.WithdrawalReason)).ToList(),
            DataSubjectRequests = requests.OrderBy(r => r.ReceivedAtUtc).Select(r => new DataSubjectRequestData(
                r.Id, r.Right, T[RequestNames.Of(r.Right)], At(r.ReceivedAtUtc), r.DueOn, r.IdentityVerified, r.Status, r.Details,
                At(r.AnsweredAtUtc), r.Outcome, r.RefusalReason)).ToList(),
            Appointments = appointments.OrderBy(a => a.StartUtc).Select(a => new AppointmentData(
                a.Id, At(a.StartUtc), At(a.EndUtc), a.Treatment, a.Professional, a.Status)).ToList(),
            AccessLog = await AccessLogAsync(patientId, consents.Select(c => c.Id), requests.Select(r => r.Id), appointments.Select(a => a.Id), ct),
            OtherRecords = OtherRecords(),
        };
    }

    /// <summary>
    /// The audit rows about this patient's record, oldest first: who, when, what. Values are not copied: the audit
    /// holds identifying values only as keyed hashes, and the current values are in the sections above.
    /// </summary>
    private async Task<IReadOnlyList<AccessLogEntryData>> AccessLogAsync(Guid patientId, IEnumerable<Guid> consentIds,
        IEnumerable<Guid> requestIds, IEnumerable<Guid> appointmentIds, CancellationToken ct)
    {
        var id = patientId.ToString();
        var related = consentIds.Concat(requestIds).Concat(appointmentIds).Select(g => g.ToString()).ToList();
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => ((a.EntityType == nameof(Patient) || a.EntityType == nameof(HealthProfile)) && a.EntityId == id)
                        || ((a.EntityType == nameof(PatientConsent) || a.EntityType == nameof(DataSubjectRequest) || a.EntityType == nameof(Appointment))
                            && related.Contains(a.EntityId!)))
            .OrderBy(a => a.Sequence)
            .Select(a => new { a.OccurredAtUtc, a.UserName, a.Role, a.Action, a.EntityType, a.OldValues, a.NewValues })
            .ToListAsync(ct);
        return rows.Select(a => new AccessLogEntryData(
            At(a.OccurredAtUtc), a.UserName, a.Role, a.Action, a.EntityType,
            a.Action is Domain.Audit.AuditAction.Insert or Domain.Audit.AuditAction.Update or Domain.Audit.AuditAction.Delete
                ? FieldNames(a.OldValues, a.NewValues) : [])).ToList();
    }

    /// <summary>The fields a change touched (for an insert, the ones given a value); keys and versions say nothing to the patient.</summary>
    private static IReadOnlyList<string> FieldNames(string? oldValues, string? newValues)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var json in new[] { oldValues, newValues })
        {
            if (string.IsNullOrEmpty(json) || JsonNode.Parse(json) is not JsonObject obj) continue;
            foreach (var (key, value) in obj)
            {
                if (value is null || key is nameof(IVersioned.Version) or "Id" or "PatientId") continue;
                names.Add(key);
            }
        }
        return names.ToList();
    }

    private string RecordName(string entityType) => entityType switch
    {
        nameof(Patient) => T["Cadastro"],
        nameof(HealthProfile) => T["Perfil de saúde"],
        nameof(PatientConsent) => T["Consentimento"],
        nameof(DataSubjectRequest) => T["Solicitação do titular"],
        nameof(Appointment) => T["Agendamento"],
        _ => entityType,
    };

    private string RoleNames(string? roles) =>
        RoleLabels.Names(T, roles);

    /// <summary>
    /// What else the clinic keeps about patients. Clinical records, photographs, signed procedure consents (TCLE),
    /// payments and messages arrive with later features: each adds its data to the package when it exists.
    /// </summary>
    private IReadOnlyList<OtherRecordsData> OtherRecords() =>
    [
        new("clinicalRecord", T["Prontuário clínico (evoluções, procedimentos, produtos aplicados e rastreabilidade)"],
            T["Nenhum registro clínico nesta versão do sistema."]),
        new("photographs", T["Fotografias"], T["Nenhuma fotografia nesta versão do sistema."]),
        new("procedureConsents", T["Termos de consentimento livre e esclarecido (TCLE) assinados"], T["Nenhum TCLE nesta versão do sistema."]),
        new("payments", T["Pagamentos e documentos fiscais"], T["Nenhum pagamento nesta versão do sistema."]),
        new("messages", T["Lembretes e mensagens enviadas"], T["Nenhuma mensagem nesta versão do sistema."]),
    ];

    private DateTimeOffset At(DateTime utc)
    {
        var u = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return new DateTimeOffset(u).ToOffset(clock.TimeZone.GetUtcOffset(u));
    }

    private DateTimeOffset? At(DateTime? utc) => utc is { } u ? At(u) : null;

    public static byte[] ToJson(PatientDataPackage package) => JsonSerializer.SerializeToUtf8Bytes(package, Json);

    /// <summary>The same package as a readable document, in the language of the request.</summary>
    public byte[] ToPdf(PatientDataPackage d)
    {
        var culture = CultureInfo.CurrentCulture;
        string Date(DateOnly? day) => day?.ToString("d", culture) ?? "";
        string When(DateTimeOffset? at) => at?.ToString(culture.DateTimeFormat.ShortDatePattern + " HH:mm", culture) ?? "";
        string YesNo(bool value) => value ? T["Sim"] : T["Não"];
        string Phone(string? e164) => e164 is null ? "" : BrazilianPhone.Format(e164);
        string Confirmed(string? text, DateTimeOffset? at) =>
            at is null ? text ?? "" : T["{0} (confirmado em {1})", string.IsNullOrWhiteSpace(text) ? "—" : text, When(at)];

        using var pdf = new PdfReport(
            T["Dados pessoais do paciente (LGPD art. 18)"],
            T["{0} · gerado em {1} por {2}", string.IsNullOrWhiteSpace(d.Controller.Name) ? "NeonPro" : d.Controller.Name, When(d.GeneratedAt), d.GeneratedBy ?? ""],
            (page, pages) => T["Página {0} de {1}", page, pages]);

        pdf.Paragraph(T["Relatório de todos os dados que a clínica mantém sobre o paciente, para confirmação e acesso (art. 18, I e II, e art. 19 da Lei 13.709/2018). O mesmo conteúdo está disponível em formato JSON para portabilidade (art. 18, V)."]);
        pdf.Fields(
        [
            (T["Controlador"], d.Controller.Name),
            (T["CNPJ"], d.Controller.Cnpj),
            (T["Gerado em"], When(d.GeneratedAt)),
            (T["Gerado por"], d.GeneratedBy),
        ]);

        var r = d.Patient;
        pdf.Heading(T["Cadastro"]);
        pdf.Fields(
        [
            (T["Nome completo"], r.FullName),
            (T["Nome social"], r.SocialName),
            (T["Data de nascimento"], Date(r.BirthDate)),
            (T["Sexo"], T[EnumLabels.Of(r.Sex)]),
            (T["CPF"], r.Cpf),
            (T["Estrangeiro"], YesNo(r.IsForeigner)),
            (T["Passaporte"], r.PassportNumber is null ? null : $"{r.PassportNumber} {r.PassportCountry}".Trim()),
            (T["CNS"], r.Cns),
            (T["RG"], r.Rg is null ? null : $"{r.Rg} {r.RgIssuer}".Trim()),
            (T["Celular"], Phone(r.MobilePhone)),
            (T["Outro telefone"], Phone(r.OtherPhone)),
            (T["E-mail"], r.Email),
            (T["Canal preferido"], T[EnumLabels.Of(r.PreferredChannel)]),
            (T["Endereço"], string.Join(", ", new[] { r.Address.Street, r.Address.Number, r.Address.Complement, r.Address.District, r.Address.City, r.Address.State, r.Address.PostalCode }.Where(s => !string.IsNullOrWhiteSpace(s)))),
            (T["Profissão"], r.Occupation),
            (T["Contato de emergência"], r.EmergencyContact is { } e ? string.Join(" · ", new[] { e.Name, e.Relationship, Phone(e.Phone) }.Where(s => !string.IsNullOrWhiteSpace(s))) : null),
            (T["Responsável legal"], r.Guardian is { } g ? string.Join(" · ", new[] { g.Name, g.Relationship, g.Cpf, Phone(g.Phone) }.Where(s => !string.IsNullOrWhiteSpace(s))) : null),
            (T["Cadastrado em"], When(r.CreatedAt)),
            (T["Anonimizado em"], When(r.AnonymizedAt)),
            (T["Prontuário bloqueado"], YesNo(r.RecordBlocked)),
            (T["Guarda do prontuário até"], Date(r.RetentionUntil)),
        ]);

        pdf.Heading(T["Perfil de saúde (anamnese)"]);
        if (d.HealthProfile is { } h)
        {
            pdf.Fields(
            [
                (T["Alergias"], Confirmed(h.NoKnownAllergies ? T["Nega alergias"] : h.Allergies, h.AllergiesConfirmedAt)),
                (T["Medicamentos em uso"], Confirmed(h.CurrentMedications, h.MedicationsConfirmedAt)),
                (T["Condições de saúde"], Confirmed(h.MedicalConditions, h.ConditionsConfirmedAt)),
                (T["Procedimentos estéticos anteriores"], Confirmed(h.PreviousAestheticProcedures, h.PreviousProceduresConfirmedAt)),
                (T["Contraindicações"], Confirmed(h.Contraindications, h.ContraindicationsConfirmedAt)),
                (T["Gestante"], YesNo(h.Pregnant)),
                (T["Amamentando"], YesNo(h.Breastfeeding)),
                (T["Gestação/amamentação informada em"], Date(h.PregnancyStatedOn)),
                (T["Fototipo de Fitzpatrick"], Confirmed(h.FitzpatrickType is { } f ? PatientLabels.Roman(f) : null, h.FitzpatrickConfirmedAt)),
                (T["Objetivos estéticos"], Confirmed(h.AestheticGoals, h.GoalsConfirmedAt)),
            ]);
        }
        else pdf.Paragraph(T["Nenhum perfil de saúde registrado."]);

        pdf.Heading(T["Consentimentos"]);
        pdf.Table(
            [new(T["Finalidade"], 1.4), new(T["Situação"], 0.8), new(T["Termo"], 1.6), new(T["Concedido"], 1.2), new(T["Retirada"], 1.6)],
            d.Consents.Select(c => (IReadOnlyList<string?>)
            [
                $"{c.PurposeName}\n{c.LegalBasis}",
                c.Status == ConsentState.Current ? T["Vigente"] : T["Retirado"],
                T["versão {0}", c.Term.Version] + $"\nSHA-256 {c.Term.Sha256}",
                $"{When(c.GrantedAt)}\n{c.RecordedBy}\n{T[ConsentNames.Of(c.Method)]}",
                c.WithdrawnAt is null ? "" : $"{When(c.WithdrawnAt)}\n{c.WithdrawnBy}\n{c.WithdrawalReason}",
            ]),
            T["Nenhum consentimento registrado."]);
        foreach (var term in d.Consents.Select(c => c.Term).DistinctBy(t => t.Sha256).Where(t => t.Text.Length > 0))
        {
            var purpose = d.Consents.First(c => c.Term.Sha256 == term.Sha256).PurposeName;
            pdf.Paragraph(T["Termo “{0}”, versão {1} (SHA-256 {2}):", purpose, term.Version, term.Sha256], small: true);
            pdf.Paragraph(term.Text, small: true);
        }

        pdf.Heading(T["Solicitações do titular (LGPD art. 18)"]);
        pdf.Table(
            [new(T["Direito"], 1.6), new(T["Recebida em"], 1), new(T["Prazo"], 0.8), new(T["Situação"], 0.8), new(T["Resposta"], 2)],
            d.DataSubjectRequests.Select(q => (IReadOnlyList<string?>)
            [
                string.IsNullOrWhiteSpace(q.Details) ? q.RightName : $"{q.RightName}\n{q.Details}", When(q.ReceivedAt), Date(q.DueOn), T[RequestNames.Of(q.Status)],
                string.Join("\n", new[] { When(q.AnsweredAt), q.Outcome, q.RefusalReason }.Where(s => !string.IsNullOrWhiteSpace(s))),
            ]),
            T["Nenhuma solicitação registrada."]);

        pdf.Heading(T["Agendamentos"]);
        pdf.Table(
            [new(T["Data e hora"], 1), new(T["Tratamento"], 1.5), new(T["Profissional"], 1.5), new(T["Situação"], 0.8)],
            d.Appointments.Select(a => (IReadOnlyList<string?>)[When(a.Start), a.Treatment, a.Professional, StatusNames.Name(T, a.Status)]),
            T["Nenhum agendamento."]);

        pdf.Heading(T["Registro de acessos e alterações"]);
        pdf.Paragraph(T["Quem consultou, alterou ou exportou os dados deste paciente. Os valores de identificação aparecem na trilha de auditoria apenas como códigos (hash), nunca em texto."], small: true);
        pdf.Table(
            [new(T["Quando"], 1), new(T["Quem"], 1.6), new(T["Ação"], 0.9), new(T["Registro"], 1), new(T["Campos"], 1.8)],
            d.AccessLog.Select(a => (IReadOnlyList<string?>)
            [
                When(a.At), string.Join("\n", new[] { a.User, RoleNames(a.Role) }.Where(s => !string.IsNullOrWhiteSpace(s))), T[AuditLabels.Of(a.Action)],
                RecordName(a.Record), string.Join(", ", a.Fields),
            ]),
            T["Nenhum acesso registrado."]);

        pdf.Heading(T["Outros dados mantidos pela clínica"]);
        pdf.Fields(d.OtherRecords.Select(o => (o.Name, (string?)o.Status)));

        return pdf.ToBytes();
    }
}

public enum ConsentState { Current, Withdrawn }

public sealed record PatientDataPackage
{
    public required string Format { get; init; }
    public required int FormatVersion { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }
    public required string? GeneratedBy { get; init; }
    public required ControllerData Controller { get; init; }
    public required RegistryData Patient { get; init; }
    public required HealthProfileData? HealthProfile { get; init; }
    public required IReadOnlyList<ConsentData> Consents { get; init; }
    public required IReadOnlyList<DataSubjectRequestData> DataSubjectRequests { get; init; }
    public required IReadOnlyList<AppointmentData> Appointments { get; init; }
    public required IReadOnlyList<AccessLogEntryData> AccessLog { get; init; }
    public required IReadOnlyList<OtherRecordsData> OtherRecords { get; init; }
}

public sealed record ControllerData(string Name, string? Cnpj);

public sealed record RegistryData(
    Guid Id, string FullName, string? SocialName, DateOnly BirthDate, Sex Sex, string? Cpf, bool IsForeigner,
    string? PassportNumber, string? PassportCountry, string? Cns, string? Rg, string? RgIssuer,
    string? MobilePhone, string? OtherPhone, string? Email, ContactChannel PreferredChannel, AddressData Address,
    string? Occupation, ContactData? EmergencyContact, GuardianData? Guardian,
    DateTimeOffset CreatedAt, DateTimeOffset? AnonymizedAt, bool RecordBlocked, DateOnly? RetentionUntil);

public sealed record AddressData(string? PostalCode, string? Street, string? Number, string? Complement, string? District, string? City, string? State);

public sealed record ContactData(string? Name, string? Relationship, string? Phone);

public sealed record GuardianData(string? Name, string? Relationship, string? Cpf, string? Phone);

public sealed record HealthProfileData(
    string? Allergies, bool NoKnownAllergies, DateTimeOffset? AllergiesConfirmedAt,
    string? CurrentMedications, DateTimeOffset? MedicationsConfirmedAt,
    string? MedicalConditions, DateTimeOffset? ConditionsConfirmedAt,
    string? PreviousAestheticProcedures, DateTimeOffset? PreviousProceduresConfirmedAt,
    string? Contraindications, DateTimeOffset? ContraindicationsConfirmedAt,
    bool Pregnant, bool Breastfeeding, DateOnly? PregnancyStatedOn,
    int? FitzpatrickType, DateTimeOffset? FitzpatrickConfirmedAt,
    string? AestheticGoals, DateTimeOffset? GoalsConfirmedAt);

public sealed record ConsentData(
    Guid Id, ConsentPurpose Purpose, string PurposeName, string LegalBasis, ConsentState Status, ConsentTermData Term,
    DateTimeOffset GrantedAt, string? RecordedBy, ConsentMethod Method,
    DateTimeOffset? WithdrawnAt, string? WithdrawnBy, string? WithdrawalReason);

public sealed record ConsentTermData(string Version, string Sha256, DateOnly? EffectiveFrom, string Text);

public sealed record DataSubjectRequestData(
    Guid Id, DataSubjectRight Right, string RightName, DateTimeOffset ReceivedAt, DateOnly DueOn, bool IdentityVerified,
    DataSubjectRequestStatus Status, string? Details, DateTimeOffset? AnsweredAt, string? Outcome, string? RefusalReason);

public sealed record AppointmentData(Guid Id, DateTimeOffset Start, DateTimeOffset End, string Treatment, string Professional, AppointmentStatus Status);

public sealed record AccessLogEntryData(DateTimeOffset At, string? User, string? Role, Domain.Audit.AuditAction Action, string Record, IReadOnlyList<string> Fields);

public sealed record OtherRecordsData(string Category, string Name, string Status);
