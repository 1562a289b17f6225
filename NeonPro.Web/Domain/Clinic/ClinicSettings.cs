using NeonPro.Web.Data;

namespace NeonPro.Web.Domain.Clinic;

/// <summary>The clinic's identity and the settings every screen formats with. One row.</summary>
[Audited(AuditedAs.ClinicSetup)]
public class ClinicSettings : IVersioned
{
    public const int SingletonId = 1;
    public const string DefaultTimeZone = "America/Sao_Paulo";

    public int Id { get; set; } = SingletonId;
    public string Name { get; set; } = "NeonPro";
    /// <summary>Normalised, 14 characters (may be alphanumeric since July 2026).</summary>
    public string? Cnpj { get; set; }
    public string? Street { get; set; }
    public string? Number { get; set; }
    public string? Complement { get; set; }
    public string? District { get; set; }
    public string? City { get; set; }
    public string? State { get; set; }
    public string? PostalCode { get; set; }
    public string? Phone { get; set; }
    /// <summary>IANA zone id; Brazil has several (Manaus UTC-4, Rio Branco UTC-5).</summary>
    public string TimeZoneId { get; set; } = DefaultTimeZone;
    public Guid Version { get; set; } = Guid.NewGuid();
}
