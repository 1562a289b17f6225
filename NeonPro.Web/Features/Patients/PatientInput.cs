using System.ComponentModel.DataAnnotations;
using NeonPro.Web.Domain;
using NeonPro.Web.Domain.Patients;

namespace NeonPro.Web.Features.Patients;

/// <summary>A problem with one field of the registry form: the field's name in PatientInput and a pt-BR message key.</summary>
public sealed record FieldProblem(string Field, string Message);

/// <summary>
/// The registry form as typed: CPF, phones and CEP arrive with or without punctuation and are stored normalised
/// (digits, E.164) by <see cref="ApplyTo"/>, only after <see cref="Validate"/> found nothing wrong.
/// </summary>
public sealed class PatientInput
{
    public const string GuardianGroup = "Guardian";

    [Display(Name = "Nome completo")]
    [PersonName]
    [Required(ErrorMessage = "Informe o nome completo.")]
    [StringLength(200, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? FullName { get; set; }

    [Display(Name = "Nome social")]
    [PersonName]
    [StringLength(200, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? SocialName { get; set; }

    [Display(Name = "Data de nascimento")]
    [Required(ErrorMessage = "Informe a data de nascimento.")]
    public DateOnly? BirthDate { get; set; }

    [Display(Name = "Sexo")] public Sex Sex { get; set; } = Sex.NotInformed;

    [Display(Name = "CPF")] public string? Cpf { get; set; }

    [Display(Name = "Estrangeiro (sem CPF)")] public bool IsForeigner { get; set; }

    [Display(Name = "Número do passaporte")]
    [StringLength(20, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? PassportNumber { get; set; }

    [Display(Name = "País do passaporte")]
    [StringLength(60, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? PassportCountry { get; set; }

    [Display(Name = "CNS (Cartão Nacional de Saúde)")] public string? Cns { get; set; }

    [Display(Name = "RG")]
    [StringLength(20, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? Rg { get; set; }

    [Display(Name = "Órgão emissor do RG")]
    [StringLength(20, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? RgIssuer { get; set; }

    [Display(Name = "Celular")] public string? MobilePhone { get; set; }
    [Display(Name = "Outro telefone")] public string? OtherPhone { get; set; }

    [Display(Name = "E-mail")]
    [EmailAddress(ErrorMessage = "Informe um e-mail válido.")]
    [StringLength(200, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? Email { get; set; }

    [Display(Name = "Canal de contato preferido")] public ContactChannel PreferredChannel { get; set; } = ContactChannel.WhatsApp;

    [Display(Name = "CEP")] public string? PostalCode { get; set; }

    [Display(Name = "Logradouro")]
    [StringLength(200, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? Street { get; set; }

    [Display(Name = "Número")]
    [StringLength(20, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? Number { get; set; }

    [Display(Name = "Complemento")]
    [StringLength(100, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? Complement { get; set; }

    [Display(Name = "Bairro")]
    [StringLength(100, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? District { get; set; }

    [Display(Name = "Cidade")]
    [StringLength(100, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? City { get; set; }

    [Display(Name = "UF")] public string? State { get; set; }

    [Display(Name = "Profissão")]
    [StringLength(100, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? Occupation { get; set; }

    [Display(Name = "Nome do contato de emergência")]
    [PersonName]
    [StringLength(200, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? EmergencyContactName { get; set; }

    [Display(Name = "Parentesco do contato de emergência")]
    [StringLength(60, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? EmergencyContactRelationship { get; set; }

    [Display(Name = "Telefone do contato de emergência")] public string? EmergencyContactPhone { get; set; }

    [Display(Name = "Nome do responsável legal")]
    [PersonName]
    [StringLength(200, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? GuardianName { get; set; }

    [Display(Name = "Parentesco do responsável")]
    [StringLength(60, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? GuardianRelationship { get; set; }

    [Display(Name = "CPF do responsável")] public string? GuardianCpf { get; set; }
    [Display(Name = "Telefone do responsável")] public string? GuardianPhone { get; set; }

    /// <summary>Ticked after the same-name-and-birth-date warning: the receptionist checked it is not the same person.</summary>
    [Display(Name = "Confirmo que é outra pessoa")] public bool ConfirmDifferentPerson { get; set; }

    public Guid? Version { get; set; }

    public static PatientInput From(Patient p) => new()
    {
        FullName = p.FullName,
        SocialName = p.SocialName,
        BirthDate = p.BirthDate,
        Sex = p.Sex,
        Cpf = p.Cpf is { Length: 11 } ? Domain.Patients.Cpf.Format(p.Cpf) : p.Cpf,
        IsForeigner = p.IsForeigner,
        PassportNumber = p.PassportNumber,
        PassportCountry = p.PassportCountry,
        Cns = p.Cns,
        Rg = p.Rg,
        RgIssuer = p.RgIssuer,
        MobilePhone = p.MobilePhone is null ? null : BrazilianPhone.Format(p.MobilePhone),
        OtherPhone = p.OtherPhone is null ? null : BrazilianPhone.Format(p.OtherPhone),
        Email = p.Email,
        PreferredChannel = p.PreferredChannel,
        PostalCode = p.PostalCode is null ? null : Cep.Format(p.PostalCode),
        Street = p.Street,
        Number = p.Number,
        Complement = p.Complement,
        District = p.District,
        City = p.City,
        State = p.State,
        Occupation = p.Occupation,
        EmergencyContactName = p.EmergencyContactName,
        EmergencyContactRelationship = p.EmergencyContactRelationship,
        EmergencyContactPhone = p.EmergencyContactPhone is null ? null : BrazilianPhone.Format(p.EmergencyContactPhone),
        GuardianName = p.GuardianName,
        GuardianRelationship = p.GuardianRelationship,
        GuardianCpf = p.GuardianCpf is { Length: 11 } ? Domain.Patients.Cpf.Format(p.GuardianCpf) : p.GuardianCpf,
        GuardianPhone = p.GuardianPhone is null ? null : BrazilianPhone.Format(p.GuardianPhone),
        Version = p.Version,
    };

    /// <summary>The rules of the registry beyond the attributes: identifiers, foreigners, minors, contact channel.</summary>
    public IReadOnlyList<FieldProblem> Validate(DateOnly today)
    {
        var problems = new List<FieldProblem>();
        void Problem(string field, string message) => problems.Add(new FieldProblem(field, message));

        if (BirthDate is { } birth)
        {
            if (birth > today) Problem(nameof(BirthDate), "A data de nascimento não pode estar no futuro.");
            else if (birth < today.AddYears(-130)) Problem(nameof(BirthDate), "Confira a data de nascimento.");
        }

        if (Present(Cpf))
        {
            if (!Domain.Patients.Cpf.IsValid(Cpf)) Problem(nameof(Cpf), "CPF inválido: confira os 11 dígitos.");
        }
        else if (!IsForeigner) Problem(nameof(Cpf), "Informe o CPF (ou marque Estrangeiro e informe o passaporte).");
        if (IsForeigner && !Present(PassportNumber)) Problem(nameof(PassportNumber), "Informe o número do passaporte.");

        if (Present(Cns) && !Domain.Patients.Cns.IsValid(Cns)) Problem(nameof(Cns), "CNS inválido: confira os 15 dígitos.");

        if (Present(MobilePhone))
        {
            if (!BrazilianPhone.TryParse(MobilePhone, out _, out var kind)) Problem(nameof(MobilePhone), "Telefone inválido: informe DDD e número.");
            else if (kind != PhoneKind.Mobile) Problem(nameof(MobilePhone), "Este número é de telefone fixo: informe-o em Outro telefone.");
        }
        if (Present(OtherPhone) && !BrazilianPhone.IsValid(OtherPhone)) Problem(nameof(OtherPhone), "Telefone inválido: informe DDD e número.");
        if (Present(EmergencyContactPhone) && !BrazilianPhone.IsValid(EmergencyContactPhone))
            Problem(nameof(EmergencyContactPhone), "Telefone inválido: informe DDD e número.");

        switch (PreferredChannel)
        {
            case ContactChannel.WhatsApp or ContactChannel.Sms when !Present(MobilePhone):
                Problem(nameof(MobilePhone), "Informe o celular para contato por WhatsApp ou SMS.");
                break;
            case ContactChannel.Email when !Present(Email):
                Problem(nameof(Email), "Informe o e-mail para contato por e-mail.");
                break;
            case ContactChannel.Phone when !Present(MobilePhone) && !Present(OtherPhone):
                Problem(nameof(OtherPhone), "Informe um telefone para contato por telefone.");
                break;
        }

        if (Present(PostalCode) && !Cep.IsValid(PostalCode)) Problem(nameof(PostalCode), "CEP inválido: informe os 8 dígitos.");
        if (Present(State) && !BrazilianStates.IsValid(State)) Problem(nameof(State), "UF inválida.");

        if (Present(GuardianCpf))
        {
            if (!Domain.Patients.Cpf.TryParse(GuardianCpf, out var guardianCpf)) Problem(nameof(GuardianCpf), "CPF do responsável inválido: confira os 11 dígitos.");
            else if (Domain.Patients.Cpf.TryParse(Cpf, out var own) && own == guardianCpf)
                Problem(nameof(GuardianCpf), "O CPF do responsável deve ser diferente do CPF do paciente.");
        }
        if (Present(GuardianPhone) && !BrazilianPhone.IsValid(GuardianPhone)) Problem(nameof(GuardianPhone), "Telefone do responsável inválido: informe DDD e número.");

        // LGPD Art. 14: a minor's data is processed with a parent's or guardian's consent, so the clinic must know who that is.
        if (IsMinorOn(today) && !(Present(GuardianName) && Present(GuardianRelationship) && Present(GuardianCpf) && Present(GuardianPhone)))
        {
            Problem(GuardianGroup, "Paciente menor de idade: informe o responsável legal.");
            if (!Present(GuardianName)) Problem(nameof(GuardianName), "Informe o nome do responsável.");
            if (!Present(GuardianRelationship)) Problem(nameof(GuardianRelationship), "Informe o parentesco do responsável.");
            if (!Present(GuardianCpf)) Problem(nameof(GuardianCpf), "Informe o CPF do responsável.");
            if (!Present(GuardianPhone)) Problem(nameof(GuardianPhone), "Informe o telefone do responsável.");
        }
        return problems;
    }

    public bool IsMinorOn(DateOnly today) =>
        BirthDate is { } birth && birth <= today && new Patient { BirthDate = birth }.IsMinorOn(today);

    /// <summary>Writes the validated values onto the patient, normalised: CPF and CEP as digits, phones as E.164.</summary>
    public void ApplyTo(Patient p)
    {
        p.FullName = Collapse(FullName)!;
        p.SocialName = Collapse(SocialName);
        p.BirthDate = BirthDate!.Value;
        p.Sex = Sex;
        p.Cpf = Domain.Patients.Cpf.TryParse(Cpf, out var cpf) ? cpf : null;
        p.IsForeigner = IsForeigner;
        p.PassportNumber = IsForeigner ? Clean(PassportNumber)?.ToUpperInvariant() : null;
        p.PassportCountry = IsForeigner ? Clean(PassportCountry) : null;
        p.Cns = Domain.Patients.Cns.TryParse(Cns, out var cns) ? cns : null;
        p.Rg = Clean(Rg);
        p.RgIssuer = Clean(RgIssuer)?.ToUpperInvariant();
        p.MobilePhone = Phone(MobilePhone);
        p.OtherPhone = Phone(OtherPhone);
        p.Email = Clean(Email);
        p.PreferredChannel = PreferredChannel;
        p.PostalCode = Cep.TryParse(PostalCode, out var cep) ? cep : null;
        p.Street = Clean(Street);
        p.Number = Clean(Number);
        p.Complement = Clean(Complement);
        p.District = Clean(District);
        p.City = Clean(City);
        p.State = Clean(State)?.ToUpperInvariant();
        p.Occupation = Clean(Occupation);
        p.EmergencyContactName = Collapse(EmergencyContactName);
        p.EmergencyContactRelationship = Clean(EmergencyContactRelationship);
        p.EmergencyContactPhone = Phone(EmergencyContactPhone);
        p.GuardianName = Collapse(GuardianName);
        p.GuardianRelationship = Clean(GuardianRelationship);
        p.GuardianCpf = Domain.Patients.Cpf.TryParse(GuardianCpf, out var guardianCpf) ? guardianCpf : null;
        p.GuardianPhone = Phone(GuardianPhone);
    }

    private static bool Present(string? s) => !string.IsNullOrWhiteSpace(s);

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Names as typed, with runs of spaces folded (two spaces would make two people look different).</summary>
    private static string? Collapse(string? s) =>
        string.IsNullOrWhiteSpace(s) ? null : string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string? Phone(string? s) => BrazilianPhone.TryParse(s, out var e164, out _) ? e164 : null;
}
