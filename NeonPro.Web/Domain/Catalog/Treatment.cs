using NeonPro.Web.Data;
using NeonPro.Web.Domain.Professionals;

namespace NeonPro.Web.Domain.Catalog;

/// <summary>A procedure the clinic offers: what it takes, who may do it, for whom, and what it costs.</summary>
[Audited(AuditedAs.Money)]
public class Treatment : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public TreatmentCategory Category { get; set; }
    public string? Description { get; set; }
    public int DurationMinutes { get; set; } = 30;
    public decimal Price { get; set; }
    /// <summary>8-digit TUSS code; optional, aesthetic procedures are outside health-plan coverage.</summary>
    public string? TussCode { get; set; }
    public ProductType ProductType { get; set; }
    /// <summary>Digits only; format depends on ProductType (see AnvisaRegistration).</summary>
    public string? AnvisaRegistration { get; set; }
    /// <summary>The default scope: professions that may perform it (overridable per professional).</summary>
    public List<Profession> AllowedProfessions { get; set; } = [];
    public int? MinimumAge { get; set; }
    public int? MaximumAge { get; set; }
    public bool ContraindicatedInPregnancy { get; set; }
    public bool ContraindicatedInBreastfeeding { get; set; }
    public string? Contraindications { get; set; }
    public int? RecommendedSessions { get; set; }
    public int? SessionIntervalDays { get; set; }
    public string? PreCare { get; set; }
    public string? PostCare { get; set; }
    public bool PhotoRequired { get; set; }
    public bool PriorConsultationRequired { get; set; }
    /// <summary>Deactivated treatments stay in history but cannot be booked.</summary>
    public bool IsActive { get; set; } = true;
    public List<Equipment> RequiredEquipment { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>A room fits when it has every piece of equipment the treatment requires.</summary>
    public bool FitsIn(Room room) => EquipmentFit.Fits(RequiredEquipment.Select(e => e.Id), room.Equipment.Select(e => e.Id));

    /// <summary>
    /// Why this patient may not have the treatment: outside its age limits, or pregnant or breastfeeding when the
    /// treatment is contraindicated then (what the patient declared in the health profile). Empty when nothing stops it.
    /// </summary>
    public IReadOnlyList<PatientContraindication> ContraindicationsFor(int age, bool pregnant, bool breastfeeding)
    {
        var found = new List<PatientContraindication>();
        if (MinimumAge is { } min && age < min) found.Add(PatientContraindication.BelowMinimumAge);
        if (MaximumAge is { } max && age > max) found.Add(PatientContraindication.AboveMaximumAge);
        if (ContraindicatedInPregnancy && pregnant) found.Add(PatientContraindication.Pregnancy);
        if (ContraindicatedInBreastfeeding && breastfeeding) found.Add(PatientContraindication.Breastfeeding);
        return found;
    }

    /// <summary>The required equipment the room lacks (empty when it fits), for the message that names it.</summary>
    public IEnumerable<Equipment> MissingIn(Room room)
    {
        var missing = EquipmentFit.Missing(RequiredEquipment.Select(e => e.Id), room.Equipment.Select(e => e.Id)).ToHashSet();
        return RequiredEquipment.Where(e => missing.Contains(e.Id));
    }
}

[Audited(AuditedAs.ClinicSetup)]
public class Room : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public bool IsActive { get; set; } = true;
    public List<Equipment> Equipment { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>A device a room can have and a treatment can require (laser, radiofrequency, cryolipolysis...).</summary>
[Audited(AuditedAs.Stock)]
public class Equipment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
}

/// <summary>What in the patient stops a treatment (Treatment.ContraindicationsFor).</summary>
public enum PatientContraindication { BelowMinimumAge, AboveMaximumAge, Pregnancy, Breastfeeding }
