using System.ComponentModel.DataAnnotations;
using NeonPro.Web.Data;

namespace NeonPro.Web.Domain.Patients;

public enum Sex
{
    [Display(Name = "Feminino")] Female,
    [Display(Name = "Masculino")] Male,
    [Display(Name = "Intersexo")] Intersex,
    [Display(Name = "Não informado")] NotInformed,
}

public enum ContactChannel
{
    [Display(Name = "WhatsApp")] WhatsApp,
    [Display(Name = "SMS")] Sms,
    [Display(Name = "E-mail")] Email,
    [Display(Name = "Telefone")] Phone,
}

/// <summary>
/// A patient of the clinic. Every field that identifies the person is [Identifying]: the audit trail keeps only
/// keyed hashes of them, and anonymization replaces them with a marker.
/// </summary>
[Audited(AuditedAs.Personal)]
public class Patient : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [Identifying] public string FullName { get; set; } = "";
    /// <summary>Nome social: how the patient is addressed wherever the clinic speaks to or about them.</summary>
    [Identifying] public string? SocialName { get; set; }
    public DateOnly BirthDate { get; set; }
    public Sex Sex { get; set; } = Sex.NotInformed;
    /// <summary>11 digits; unique; may be empty only for foreigners, who give a passport instead.</summary>
    [Identifying] public string? Cpf { get; set; }
    public bool IsForeigner { get; set; }
    [Identifying] public string? PassportNumber { get; set; }
    public string? PassportCountry { get; set; }
    /// <summary>Cartão Nacional de Saúde, 15 digits.</summary>
    [Identifying] public string? Cns { get; set; }
    [Identifying] public string? Rg { get; set; }
    public string? RgIssuer { get; set; }
    /// <summary>E.164, e.g. +5511987654321.</summary>
    [Identifying] public string? MobilePhone { get; set; }
    [Identifying] public string? OtherPhone { get; set; }
    [Identifying] public string? Email { get; set; }
    public ContactChannel PreferredChannel { get; set; } = ContactChannel.WhatsApp;
    [Identifying] public string? PostalCode { get; set; }
    [Identifying] public string? Street { get; set; }
    [Identifying] public string? Number { get; set; }
    [Identifying] public string? Complement { get; set; }
    [Identifying] public string? District { get; set; }
    public string? City { get; set; }
    public string? State { get; set; }
    /// <summary>Free text: it can name an employer or a workplace, which in a small town points at one person.</summary>
    [Identifying] public string? Occupation { get; set; }
    [Identifying] public string? EmergencyContactName { get; set; }
    /// <summary>Free text ("mãe", but also "mãe, Maria"): staff type names into it.</summary>
    [Identifying] public string? EmergencyContactRelationship { get; set; }
    [Identifying] public string? EmergencyContactPhone { get; set; }
    /// <summary>Legal guardian, required before saving a patient under 18.</summary>
    [Identifying] public string? GuardianName { get; set; }
    [Identifying] public string? GuardianRelationship { get; set; }
    [Identifying] public string? GuardianCpf { get; set; }
    [Identifying] public string? GuardianPhone { get; set; }

    /// <summary>Full and social name, lower case, accents removed: what the name search compares with.</summary>
    [Identifying] public string SearchName { get; set; } = "";
    /// <summary>Phone digits reversed ("1234567891155+" style, digits only), so "ends with" searches use an index.</summary>
    [Identifying] public string? PhoneDigitsReversed { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    /// <summary>Set when the patient was anonymized (LGPD Art. 18 IV): identifying fields hold a marker since then.</summary>
    public DateTime? AnonymizedAtUtc { get; set; }
    /// <summary>The clinical record is kept (20 years from the last entry) but blocked to all but clinical and legal roles.</summary>
    public bool RecordBlocked { get; set; }
    /// <summary>Last clinical entry + 20 years (Lei 13.787/2018); recomputed on every clinical entry.</summary>
    public DateOnly? RetentionUntil { get; set; }

    public HealthProfile? HealthProfile { get; set; }
    public List<NameToken> NameTokens { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The name the clinic uses to address the patient.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(SocialName) ? FullName : SocialName;

    public int AgeOn(DateOnly date)
    {
        var age = date.Year - BirthDate.Year;
        if (date < BirthDate.AddYears(age)) age--;
        return age;
    }

    public bool IsMinorOn(DateOnly date) => AgeOn(date) < 18;
}

/// <summary>One word of a patient's name, normalised, so a search for "joao sil" finds "João da Silva" through an index.</summary>
[Audited(AuditedAs.Personal)]
public class NameToken
{
    public Guid PatientId { get; set; }
    [Identifying] public string Token { get; set; } = "";
}

/// <summary>The patient's anamnese: each item remembers when it was last confirmed with the patient.</summary>
[Audited(AuditedAs.Clinical)]
public class HealthProfile : IVersioned
{
    public Guid PatientId { get; set; }
    public string? Allergies { get; set; }
    public bool NoKnownAllergies { get; set; }
    public DateTime? AllergiesConfirmedAtUtc { get; set; }
    public string? CurrentMedications { get; set; }
    public DateTime? MedicationsConfirmedAtUtc { get; set; }
    public string? MedicalConditions { get; set; }
    public DateTime? ConditionsConfirmedAtUtc { get; set; }
    public string? PreviousAestheticProcedures { get; set; }
    public DateTime? PreviousProceduresConfirmedAtUtc { get; set; }
    public string? Contraindications { get; set; }
    public DateTime? ContraindicationsConfirmedAtUtc { get; set; }
    public bool Pregnant { get; set; }
    public bool Breastfeeding { get; set; }
    /// <summary>When the patient last stated pregnancy/breastfeeding (either way).</summary>
    public DateOnly? PregnancyStatedOn { get; set; }
    /// <summary>Fitzpatrick skin type, 1 (I) to 6 (VI).</summary>
    public int? FitzpatrickType { get; set; }
    public DateTime? FitzpatrickConfirmedAtUtc { get; set; }
    public string? AestheticGoals { get; set; }
    public DateTime? GoalsConfirmedAtUtc { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
