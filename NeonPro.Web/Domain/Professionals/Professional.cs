using NeonPro.Web.Data;

namespace NeonPro.Web.Domain.Professionals;

/// <summary>Someone who performs treatments: their council registration, scope, hours and how the grid shows them.</summary>
[Audited(AuditedAs.Personal)]
public class Professional : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [Identifying] public string FullName { get; set; } = "";
    public Profession Profession { get; set; }
    public Council Council { get; set; }
    public string? CouncilNumber { get; set; }
    /// <summary>UF, for councils that register by state (CRM, COREN, CRF, CRO).</summary>
    public string? CouncilState { get; set; }
    /// <summary>Region number, for councils that register by region (CRBM, CREFITO).</summary>
    public int? CouncilRegion { get; set; }
    /// <summary>COREN ENF/TE/AE/OBST/PAR; CREFITO F/TO.</summary>
    public string? CouncilCategory { get; set; }
    /// <summary>Registro de Qualificação de Especialista (physicians who are specialists).</summary>
    public string? Rqe { get; set; }
    public RegistrationStatus RegistrationStatus { get; set; } = RegistrationStatus.Active;
    public DateOnly? LastVerifiedOn { get; set; }
    public DateOnly? CardValidUntil { get; set; }
    public DateOnly? FeesPaidThrough { get; set; }
    public string? Specialties { get; set; }
    public string? Bio { get; set; }
    public int DefaultConsultationMinutes { get; set; } = 30;
    /// <summary>#rrggbb, the professional's colour on the scheduling grid.</summary>
    public string Color { get; set; } = "#6f42c1";
    public bool IsActive { get; set; } = true;
    /// <summary>The staff account that signs in as this professional ("my agenda").</summary>
    public string? UserId { get; set; }
    public bool RequiresSupervision { get; set; }
    public Guid? SupervisorId { get; set; }
    public Professional? Supervisor { get; set; }
    public List<WorkingHours> WorkingHours { get; set; } = [];
    public List<ProfessionalAvailabilityException> AvailabilityExceptions { get; set; } = [];
    public List<ProfessionalScope> Scopes { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();

    public CouncilRegistration Registration => new(Council, CouncilNumber, CouncilState, CouncilRegion, CouncilCategory);

    public CredentialStanding StandingOn(DateOnly today) =>
        Credentials.Standing(Council, RegistrationStatus, CardValidUntil, FeesPaidThrough, today);
}

/// <summary>One weekly working interval of a professional (several a day are allowed).</summary>
[Audited(AuditedAs.ClinicSetup)]
public class WorkingHours
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProfessionalId { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
}

/// <summary>Time off, blocked hours or extra hours of a professional on one date.</summary>
[Audited(AuditedAs.ClinicSetup)]
public class ProfessionalAvailabilityException
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProfessionalId { get; set; }
    public DateOnly Date { get; set; }
    public AvailabilityExceptionKind Kind { get; set; }
    public TimeOnly? Start { get; set; }
    public TimeOnly? End { get; set; }
    public string? Reason { get; set; }
}

/// <summary>An explicit scope decision for one professional and one treatment, overriding the treatment's default.</summary>
[Audited(AuditedAs.Clinical)]
public class ProfessionalScope : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProfessionalId { get; set; }
    public Guid TreatmentId { get; set; }
    public ScopeMode Mode { get; set; }
    public string? Conditions { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public ScopeOverride AsOverride() => new(Mode, ValidFrom, ValidUntil, Conditions);
}

/// <summary>A day the whole clinic is closed (holiday).</summary>
[Audited(AuditedAs.ClinicSetup)]
public class ClinicClosedDay
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateOnly Date { get; set; }
    public string Name { get; set; } = "";
}
