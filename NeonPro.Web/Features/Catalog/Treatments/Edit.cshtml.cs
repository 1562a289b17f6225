using NeonPro.Web.Domain;
using Htmx;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Catalog;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Infrastructure.Forms;
using NeonPro.Web.Infrastructure.Htmx;

namespace NeonPro.Web.Features.Catalog.Treatments;

/// <summary>Creates or edits one treatment with every field the catalog keeps; nothing is saved unless all of it is valid.</summary>
public class EditModel(NeonProDbContext db, RoomMatching rooms, IStringLocalizer<SharedResource> T) : PageModel, IEditForm
{
    public const string FormPartial = "_TreatmentForm";
    string IEditForm.FormPartial => FormPartial;
    Task IEditForm.PrepareFormAsync(CancellationToken ct) => LoadOptionsAsync(ct);

    [BindProperty] public TreatmentInput Input { get; set; } = new();

    /// <summary>Null while creating.</summary>
    public Guid? TreatmentId { get; private set; }
    public IReadOnlyList<EquipmentOption> EquipmentOptions { get; private set; } = [];
    public IReadOnlyList<string> FittingRooms { get; private set; } = [];

    public sealed record EquipmentOption(Guid Id, string Name);

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var treatment = await db.Treatments.AsNoTracking().Include(t => t.RequiredEquipment).FirstOrDefaultAsync(t => t.Id == existing, ct);
            if (treatment is null) return NotFound();
            TreatmentId = existing;
            Input = TreatmentInput.From(treatment);
        }
        await LoadOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        TreatmentId = id;
        Normalize();
        await ValidateAsync(id, ct);
        if (!ModelState.IsValid)
        {
            await LoadOptionsAsync(ct);
            return this.InvalidForm(FormPartial);
        }

        Treatment treatment;
        if (id is { } existing)
        {
            var found = await db.Treatments.Include(t => t.RequiredEquipment).FirstOrDefaultAsync(t => t.Id == existing, ct);
            if (found is null) return NotFound();
            treatment = found;
            db.ExpectVersion(treatment, Input.Version);
            treatment.Version = Guid.NewGuid(); // also when only the equipment changed (a join-table edit leaves the row untouched)
        }
        else
        {
            treatment = new Treatment();
            db.Treatments.Add(treatment);
        }

        Input.ApplyTo(treatment);
        var wanted = Input.RequiredEquipmentIds.Distinct().ToList();
        treatment.RequiredEquipment.RemoveAll(e => !wanted.Contains(e.Id));
        var missing = wanted.Where(w => treatment.RequiredEquipment.All(e => e.Id != w)).ToList();
        if (missing.Count > 0)
            treatment.RequiredEquipment.AddRange(await db.Equipment.Where(e => missing.Contains(e.Id)).ToListAsync(ct));

        await db.SaveChangesAsync(ct);

        TempData["StatusMessage"] = T["Tratamento {0} salvo.", treatment.Name].Value;
        if (Request.WantsFragment())
        {
            Response.Htmx(h => h.Redirect(Url.Page("Index")!));
            return new NoContentResult();
        }
        return RedirectToPage("Index");
    }

    private void Normalize()
    {
        Input.Name = Input.Name?.Trim() ?? "";
        Input.TussCode = string.IsNullOrWhiteSpace(Input.TussCode) ? null : Input.TussCode.Trim();
        Input.AnvisaRegistration = string.IsNullOrWhiteSpace(Input.AnvisaRegistration) ? null : Input.AnvisaRegistration.Trim();
        Input.Description = Blank(Input.Description);
        Input.Contraindications = Blank(Input.Contraindications);
        Input.PreCare = Blank(Input.PreCare);
        Input.PostCare = Blank(Input.PostCare);
        static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }

    /// <summary>The rules data annotations cannot express; each message goes beside its field.</summary>
    private async Task ValidateAsync(Guid? id, CancellationToken ct)
    {
        const string prefix = nameof(Input) + ".";
        if (AnvisaRegistration.Problem(Input.ProductType, Input.AnvisaRegistration) is { } anvisa)
            ModelState.AddModelError(prefix + nameof(TreatmentInput.AnvisaRegistration), T[anvisa]);
        if (Input.MinimumAge is { } min && Input.MaximumAge is { } max && max < min)
            ModelState.AddModelError(prefix + nameof(TreatmentInput.MaximumAge), T["A idade máxima não pode ser menor que a mínima."]);
        if (Input.Price < 0)
            ModelState.AddModelError(prefix + nameof(TreatmentInput.Price), T["O preço não pode ser negativo."]);
        else if (Input.Price > TreatmentInput.MaxPrice)
            ModelState.AddModelError(prefix + nameof(TreatmentInput.Price), T["O preço não pode passar de {0}.", Brl.Format(TreatmentInput.MaxPrice)]);
        if (Input.AllowedProfessions.Count == 0)
            ModelState.AddModelError(prefix + nameof(TreatmentInput.AllowedProfessions), T["Marque ao menos uma profissão que pode realizar o tratamento."]);
        if (Input.RecommendedSessions is null && Input.SessionIntervalDays is not null)
            ModelState.AddModelError(prefix + nameof(TreatmentInput.RecommendedSessions), T["Informe o número de sessões para usar um intervalo entre elas."]);

        if (Input.Name.Length > 0 && await db.Treatments.AnyAsync(t => t.Name == Input.Name && t.Id != id, ct))
            ModelState.AddModelError(prefix + nameof(TreatmentInput.Name), T["Já existe um tratamento com este nome."]);
        var wanted = Input.RequiredEquipmentIds.Distinct().ToList();
        if (wanted.Count > 0 && await db.Equipment.CountAsync(e => wanted.Contains(e.Id), ct) != wanted.Count)
            ModelState.AddModelError(prefix + nameof(TreatmentInput.RequiredEquipmentIds), T["Um dos equipamentos marcados não existe mais. Recarregue a página."]);
    }

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        var equipment = await db.Equipment.AsNoTracking().Select(e => new EquipmentOption(e.Id, e.Name)).ToListAsync(ct);
        EquipmentOptions = equipment.OrderBy(e => e.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("pt-BR"), true)).ToList();
        if (TreatmentId is { } id) FittingRooms = (await rooms.RoomsForAsync(id, ct)).Select(r => r.Name).ToList();
    }

    /// <summary>What the form posts. Messages and labels are pt-BR localization keys.</summary>
    public sealed class TreatmentInput
    {
        public const decimal MaxPrice = 99_999_999.99m; // decimal(10,2)

        [Display(Name = "Nome")]
        [Required(ErrorMessage = "Informe o nome do tratamento.")]
        [StringLength(120, ErrorMessage = "{0}: no máximo {1} caracteres.")]
        public string Name { get; set; } = "";

        [Display(Name = "Categoria")]
        public TreatmentCategory Category { get; set; }

        [Display(Name = "Descrição")]
        [StringLength(2000, ErrorMessage = "{0}: no máximo {1} caracteres.")]
        public string? Description { get; set; }

        [Display(Name = "Duração (minutos)")]
        [Range(5, 600, ErrorMessage = "A duração deve ser de {1} a {2} minutos.")]
        public int DurationMinutes { get; set; } = 30;

        [Display(Name = "Preço (R$)")]
        [ModelBinder(typeof(BrlAmountModelBinder))]
        public decimal Price { get; set; }

        [Display(Name = "Código TUSS")]
        [RegularExpression(@"^[0-9]{8}$", ErrorMessage = "O código TUSS deve ter exatamente 8 dígitos.")]
        public string? TussCode { get; set; }

        [Display(Name = "Tipo de produto")]
        public ProductType ProductType { get; set; }

        [Display(Name = "Registro na ANVISA")]
        public string? AnvisaRegistration { get; set; }

        [Display(Name = "Profissões habilitadas")]
        public List<Profession> AllowedProfessions { get; set; } = [];

        [Display(Name = "Idade mínima")]
        [Range(0, 120, ErrorMessage = "{0}: de {1} a {2} anos.")]
        public int? MinimumAge { get; set; }

        [Display(Name = "Idade máxima")]
        [Range(0, 120, ErrorMessage = "{0}: de {1} a {2} anos.")]
        public int? MaximumAge { get; set; }

        [Display(Name = "Contraindicado na gestação")]
        public bool ContraindicatedInPregnancy { get; set; }

        [Display(Name = "Contraindicado na amamentação")]
        public bool ContraindicatedInBreastfeeding { get; set; }

        [Display(Name = "Contraindicações")]
        [StringLength(2000, ErrorMessage = "{0}: no máximo {1} caracteres.")]
        public string? Contraindications { get; set; }

        [Display(Name = "Sessões recomendadas")]
        [Range(1, 100, ErrorMessage = "{0}: de {1} a {2}.")]
        public int? RecommendedSessions { get; set; }

        [Display(Name = "Intervalo entre sessões (dias)")]
        [Range(1, 730, ErrorMessage = "{0}: de {1} a {2} dias.")]
        public int? SessionIntervalDays { get; set; }

        [Display(Name = "Cuidados antes")]
        [StringLength(4000, ErrorMessage = "{0}: no máximo {1} caracteres.")]
        public string? PreCare { get; set; }

        [Display(Name = "Cuidados depois")]
        [StringLength(4000, ErrorMessage = "{0}: no máximo {1} caracteres.")]
        public string? PostCare { get; set; }

        [Display(Name = "Exige foto (antes e depois)")]
        public bool PhotoRequired { get; set; }

        [Display(Name = "Exige consulta prévia")]
        public bool PriorConsultationRequired { get; set; }

        [Display(Name = "Equipamentos exigidos")]
        public List<Guid> RequiredEquipmentIds { get; set; } = [];

        [Display(Name = "Ativo")]
        public bool IsActive { get; set; } = true;

        public Guid Version { get; set; }

        public static TreatmentInput From(Treatment t) => new()
        {
            Name = t.Name,
            Category = t.Category,
            Description = t.Description,
            DurationMinutes = t.DurationMinutes,
            Price = t.Price,
            TussCode = t.TussCode,
            ProductType = t.ProductType,
            AnvisaRegistration = t.AnvisaRegistration is { } reg ? Domain.Catalog.AnvisaRegistration.Format(t.ProductType, reg) : null,
            AllowedProfessions = [.. t.AllowedProfessions],
            MinimumAge = t.MinimumAge,
            MaximumAge = t.MaximumAge,
            ContraindicatedInPregnancy = t.ContraindicatedInPregnancy,
            ContraindicatedInBreastfeeding = t.ContraindicatedInBreastfeeding,
            Contraindications = t.Contraindications,
            RecommendedSessions = t.RecommendedSessions,
            SessionIntervalDays = t.SessionIntervalDays,
            PreCare = t.PreCare,
            PostCare = t.PostCare,
            PhotoRequired = t.PhotoRequired,
            PriorConsultationRequired = t.PriorConsultationRequired,
            RequiredEquipmentIds = t.RequiredEquipment.Select(e => e.Id).ToList(),
            IsActive = t.IsActive,
            Version = t.Version,
        };

        public void ApplyTo(Treatment t)
        {
            t.Name = Name;
            t.Category = Category;
            t.Description = Description;
            t.DurationMinutes = DurationMinutes;
            t.Price = Price;
            t.TussCode = TussCode;
            t.ProductType = ProductType;
            // Stored as digits only, so lookups and recalls compare like with like whatever was typed.
            t.AnvisaRegistration = ProductType == ProductType.None ? null : Domain.Catalog.AnvisaRegistration.Normalize(AnvisaRegistration);
            t.AllowedProfessions = AllowedProfessions.Distinct().Order().ToList();
            t.MinimumAge = MinimumAge;
            t.MaximumAge = MaximumAge;
            t.ContraindicatedInPregnancy = ContraindicatedInPregnancy;
            t.ContraindicatedInBreastfeeding = ContraindicatedInBreastfeeding;
            t.Contraindications = Contraindications;
            t.RecommendedSessions = RecommendedSessions;
            t.SessionIntervalDays = SessionIntervalDays;
            t.PreCare = PreCare;
            t.PostCare = PostCare;
            t.PhotoRequired = PhotoRequired;
            t.PriorConsultationRequired = PriorConsultationRequired;
            t.IsActive = IsActive;
        }
    }
}
