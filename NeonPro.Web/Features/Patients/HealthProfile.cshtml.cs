using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Infrastructure.Forms;
using NeonPro.Web.Infrastructure.Htmx;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Patients;

/// <summary>The items of the anamnese, each confirmed with the patient on its own date.</summary>
public enum HealthItem { Allergies, Medications, Conditions, PreviousProcedures, Contraindications, Pregnancy, Fitzpatrick, Goals }

/// <summary>
/// The anamnese tab of the chart. Saving renews the confirmation date of the items that changed; "Confirmar sem
/// alterações" renews one item's date and nothing else. Every save is audited by the interceptor.
/// </summary>
public class HealthProfileModel(NeonProDbContext db, ClinicClock clock, ClinicalAccess access, IStringLocalizer<SharedResource> T) : PageModel, IEditForm
{
    string IEditForm.FormPartial => "_HealthProfile";

    /// <summary>After a stale save: the anamnese as it now stands beside what was typed.</summary>
    async Task IEditForm.PrepareFormAsync(CancellationToken ct) =>
        Profile = await db.HealthProfiles.AsNoTracking().FirstOrDefaultAsync(h => h.PatientId == Id, ct);

    public const string ChangedEvent = "health-profile-changed";

    public Guid Id { get; private set; }
    [BindProperty] public HealthProfileInput Input { get; set; } = new();
    public HealthProfile? Profile { get; private set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await RefuseAsync(id) is { } refused) return refused;
        Profile = await db.HealthProfiles.AsNoTracking().FirstOrDefaultAsync(h => h.PatientId == id);
        Input = HealthProfileInput.From(Profile);
        return this.PageOrPartial("_HealthProfile");
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await RefuseAsync(id) is { } refused) return refused;
        var profile = await db.HealthProfiles.FirstOrDefaultAsync(h => h.PatientId == id);
        if (!string.IsNullOrWhiteSpace(Input.Allergies) && Input.NoKnownAllergies)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(HealthProfileInput.Allergies)}",
                T["Descreva as alergias ou marque \"sem alergias conhecidas\", não os dois."]);
        if (!ModelState.IsValid)
        {
            Profile = profile;
            return this.InvalidForm("_HealthProfile");
        }

        if (profile is null)
        {
            profile = new HealthProfile { PatientId = id };
            db.HealthProfiles.Add(profile);
        }
        else db.ExpectVersion(profile, Input.Version ?? Guid.Empty);

        Input.ApplyTo(profile, clock.UtcNow, DateOnly.FromDateTime(clock.Now));
        return await SaveAsync(profile, T["Anamnese salva."]);
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, HealthItem item, Guid version)
    {
        if (await RefuseAsync(id) is { } refused) return refused;
        var profile = await db.HealthProfiles.FirstOrDefaultAsync(h => h.PatientId == id);
        if (profile is null)
        {
            profile = new HealthProfile { PatientId = id };
            db.HealthProfiles.Add(profile);
        }
        else db.ExpectVersion(profile, version);

        var now = clock.UtcNow;
        switch (item)
        {
            case HealthItem.Allergies: profile.AllergiesConfirmedAtUtc = now; break;
            case HealthItem.Medications: profile.MedicationsConfirmedAtUtc = now; break;
            case HealthItem.Conditions: profile.ConditionsConfirmedAtUtc = now; break;
            case HealthItem.PreviousProcedures: profile.PreviousProceduresConfirmedAtUtc = now; break;
            case HealthItem.Contraindications: profile.ContraindicationsConfirmedAtUtc = now; break;
            case HealthItem.Pregnancy: profile.PregnancyStatedOn = DateOnly.FromDateTime(clock.Now); break;
            case HealthItem.Fitzpatrick: profile.FitzpatrickConfirmedAtUtc = now; break;
            case HealthItem.Goals: profile.GoalsConfirmedAtUtc = now; break;
        }
        return await SaveAsync(profile, T["Item confirmado sem alterações."]);
    }

    /// <summary>The confirmation line under an item: when it was last confirmed, in the clinic's calendar.</summary>
    public string ConfirmedText(DateTime? utc) =>
        utc is { } at ? T["confirmado em {0}", clock.ToClinicTime(at).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)] : T["ainda não confirmado"];

    public string StatedText(DateOnly? on) =>
        on is { } d ? T["informado em {0}", d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)] : T["ainda não informado"];

    private async Task<IActionResult> SaveAsync(HealthProfile profile, string toast)
    {
        await db.SaveChangesAsync();
        Profile = profile;
        Input = HealthProfileInput.From(profile);
        ModelState.Clear();
        Saved = true;
        // The chart header's alerts (allergies, contraindications, pregnancy) read the anamnese.
        Response.HxTrigger(ChangedEvent);
        Response.HxToast(toast);
        return this.PageOrPartial("_HealthProfile");
    }

    private async Task<IActionResult?> RefuseAsync(Guid id)
    {
        Id = id;
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.RecordBlocked, p.AnonymizedAtUtc }).FirstOrDefaultAsync();
        if (patient is null) return NotFound();
        var granted = await access.ToPatientAsync(User, id, patient.RecordBlocked);
        if (granted.MayReadClinicalData) return null;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Partial(granted.MayOpenChart || granted.MayRequestEmergencyAccess ? "_ClinicalRestricted" : "_Blocked");
    }
}

public sealed class HealthProfileInput
{
    [Display(Name = "Alergias")]
    [StringLength(2000, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? Allergies { get; set; }

    [Display(Name = "Sem alergias conhecidas")] public bool NoKnownAllergies { get; set; }

    [Display(Name = "Medicamentos em uso")]
    [StringLength(2000, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? CurrentMedications { get; set; }

    [Display(Name = "Condições de saúde")]
    [StringLength(2000, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? MedicalConditions { get; set; }

    [Display(Name = "Procedimentos estéticos anteriores")]
    [StringLength(2000, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? PreviousAestheticProcedures { get; set; }

    [Display(Name = "Contraindicações")]
    [StringLength(2000, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? Contraindications { get; set; }

    [Display(Name = "Gestante")] public bool Pregnant { get; set; }
    [Display(Name = "Amamentando")] public bool Breastfeeding { get; set; }

    [Display(Name = "Fototipo (Fitzpatrick)")]
    [Range(1, 6, ErrorMessage = "Escolha um fototipo de I a VI.")]
    public int? FitzpatrickType { get; set; }

    [Display(Name = "Objetivos estéticos")]
    [StringLength(2000, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? AestheticGoals { get; set; }

    public Guid? Version { get; set; }

    public static HealthProfileInput From(HealthProfile? h) => h is null ? new() : new()
    {
        Allergies = h.Allergies,
        NoKnownAllergies = h.NoKnownAllergies,
        CurrentMedications = h.CurrentMedications,
        MedicalConditions = h.MedicalConditions,
        PreviousAestheticProcedures = h.PreviousAestheticProcedures,
        Contraindications = h.Contraindications,
        Pregnant = h.Pregnant,
        Breastfeeding = h.Breastfeeding,
        FitzpatrickType = h.FitzpatrickType,
        AestheticGoals = h.AestheticGoals,
        Version = h.Version,
    };

    /// <summary>Copies the answers; an item whose answer changed counts as confirmed now, the others keep their date.</summary>
    public void ApplyTo(HealthProfile h, DateTime nowUtc, DateOnly today)
    {
        var allergies = Clean(Allergies);
        if (allergies != h.Allergies || NoKnownAllergies != h.NoKnownAllergies) h.AllergiesConfirmedAtUtc = nowUtc;
        h.Allergies = allergies;
        h.NoKnownAllergies = NoKnownAllergies;

        h.MedicationsConfirmedAtUtc = Changed(h.CurrentMedications, CurrentMedications, h.MedicationsConfirmedAtUtc, nowUtc);
        h.CurrentMedications = Clean(CurrentMedications);
        h.ConditionsConfirmedAtUtc = Changed(h.MedicalConditions, MedicalConditions, h.ConditionsConfirmedAtUtc, nowUtc);
        h.MedicalConditions = Clean(MedicalConditions);
        h.PreviousProceduresConfirmedAtUtc = Changed(h.PreviousAestheticProcedures, PreviousAestheticProcedures, h.PreviousProceduresConfirmedAtUtc, nowUtc);
        h.PreviousAestheticProcedures = Clean(PreviousAestheticProcedures);
        h.ContraindicationsConfirmedAtUtc = Changed(h.Contraindications, Contraindications, h.ContraindicationsConfirmedAtUtc, nowUtc);
        h.Contraindications = Clean(Contraindications);
        h.GoalsConfirmedAtUtc = Changed(h.AestheticGoals, AestheticGoals, h.GoalsConfirmedAtUtc, nowUtc);
        h.AestheticGoals = Clean(AestheticGoals);

        // Pregnancy and breastfeeding are stated with a date: the answer is only as good as the day it was given.
        if (Pregnant != h.Pregnant || Breastfeeding != h.Breastfeeding || h.PregnancyStatedOn is null && (Pregnant || Breastfeeding))
            h.PregnancyStatedOn = today;
        h.Pregnant = Pregnant;
        h.Breastfeeding = Breastfeeding;

        if (FitzpatrickType != h.FitzpatrickType) h.FitzpatrickConfirmedAtUtc = nowUtc;
        h.FitzpatrickType = FitzpatrickType;
    }

    private static DateTime? Changed(string? stored, string? typed, DateTime? confirmedAt, DateTime nowUtc) =>
        Clean(typed) != stored ? nowUtc : confirmedAt;

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The confirmation line of one anamnese item and where its "Confirmar sem alterações" posts.</summary>
public sealed record HealthItemConfirm(HealthItem Item, string Text, string Url);
