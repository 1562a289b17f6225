using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Forms;
using NeonPro.Web.Infrastructure.Htmx;

namespace NeonPro.Web.Features.Professionals;

/// <summary>Registering a professional or changing one: identity, council registration, supervision, staff account.</summary>
public class EditModel(NeonProDbContext db, IStringLocalizer<SharedResource> T) : PageModel, IEditForm
{
    string IEditForm.FormPartial => "_Form";
    Task IEditForm.PrepareFormAsync(CancellationToken ct) => LoadOptionsAsync();

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public ProfessionalInput Input { get; set; } = new();

    public bool IsNew => Id is null;
    public IReadOnlyList<Option> Supervisors { get; private set; } = [];
    public IReadOnlyList<Option> Accounts { get; private set; } = [];

    public sealed record Option(string Value, string Text);

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            var p = await db.Professionals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
            if (p is null) return NotFound();
            Input = ProfessionalInput.From(p);
        }
        await LoadOptionsAsync();
        return Page();
    }

    /// <summary>
    /// The council part of the form again, after the profession (follow=true) or the council changed: the
    /// council follows the profession, and only the fields its territory uses (UF or region, category) show.
    /// </summary>
    public async Task<IActionResult> OnGetCouncilFieldsAsync(bool follow)
    {
        await TryUpdateModelAsync(Input, nameof(Input));
        ModelState.Clear();
        if (follow) Input.Council = Councils.For(Input.Profession);
        return Partial("_CouncilFields", this);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Input.Normalize();
        await ValidateAsync();
        if (!ModelState.IsValid)
        {
            await LoadOptionsAsync();
            return this.InvalidForm("_Form");
        }

        Professional professional;
        if (Id is { } id)
        {
            var existing = await db.Professionals.FirstOrDefaultAsync(x => x.Id == id);
            if (existing is null) return NotFound();
            professional = existing;
            db.ExpectVersion(professional, Input.Version);
        }
        else
        {
            professional = new Professional();
            db.Professionals.Add(professional);
        }

        Input.ApplyTo(professional);
        await db.SaveChangesAsync();
        return Redirect($"/Professionals/Details?id={professional.Id}");
    }

    private async Task ValidateAsync()
    {
        foreach (var problem in Councils.Validate(Input.Profession, Input.Registration))
        {
            var key = problem.Field switch
            {
                CouncilField.Number => nameof(ProfessionalInput.CouncilNumber),
                CouncilField.State => nameof(ProfessionalInput.CouncilState),
                CouncilField.Region => nameof(ProfessionalInput.CouncilRegion),
                CouncilField.Category => nameof(ProfessionalInput.CouncilCategory),
                _ => nameof(ProfessionalInput.Council),
            };
            ModelState.AddModelError($"{nameof(Input)}.{key}", T[problem.Message, problem.Args]);
        }

        var supervisorKey = $"{nameof(Input)}.{nameof(ProfessionalInput.SupervisorId)}";
        if (Input.SupervisorId is { } supervisorId)
        {
            if (supervisorId == Id)
                ModelState.AddModelError(supervisorKey, T["O supervisor não pode ser o próprio profissional."]);
            else if (!await db.Professionals.AnyAsync(p => p.Id == supervisorId))
                ModelState.AddModelError(supervisorKey, T["Supervisor não encontrado."]);
            else if (Id is { } self && Supervision.WouldLoop(self, supervisorId,
                         await db.Professionals.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.SupervisorId)))
                ModelState.AddModelError(supervisorKey, T["Este supervisor é supervisionado, direta ou indiretamente, por este profissional; escolha alguém que responda por si."]);
        }
        else if (Input.RequiresSupervision)
            ModelState.AddModelError(supervisorKey, T["Informe o supervisor."]);

        if (Input.UserId is { } userId && !await AvailableAccounts().AnyAsync(u => u.Id == userId))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(ProfessionalInput.UserId)}",
                T["Escolha uma conta com o perfil Profissional que ainda não esteja vinculada a outro profissional."]);
    }

    /// <summary>Staff accounts in the Professional role not yet linked to another professional.</summary>
    private IQueryable<StaffUser> AvailableAccounts()
    {
        var self = Id;
        var professionalRole = db.Roles.Where(r => r.Name == Roles.Professional).Select(r => r.Id);
        return db.Users.Where(u =>
            db.UserRoles.Any(ur => ur.UserId == u.Id && professionalRole.Contains(ur.RoleId)) &&
            !db.Professionals.Any(p => p.UserId == u.Id && p.Id != self));
    }

    private async Task LoadOptionsAsync()
    {
        var self = Id;
        var current = Input.SupervisorId;
        Supervisors = (await db.Professionals.AsNoTracking()
                .Where(p => p.Id != self && (p.IsActive || p.Id == current))
                .OrderBy(p => p.FullName)
                .Select(p => new { p.Id, p.FullName, p.Profession })
                .ToListAsync())
            .Select(p => new Option(p.Id.ToString(), $"{p.FullName} ({T[EnumLabels.Of(p.Profession)]})"))
            .ToList();
        var linked = Input.UserId;
        Accounts = (await AvailableAccounts().AsNoTracking()
                .Where(u => !u.IsDisabled || u.Id == linked)
                .OrderBy(u => u.FullName)
                .Select(u => new { u.Id, u.FullName, u.Email })
                .ToListAsync())
            .Select(u => new Option(u.Id, $"{u.FullName} <{u.Email}>"))
            .ToList();
    }
}

/// <summary>Every field of a professional as the form posts it.</summary>
public sealed class ProfessionalInput
{
    [Display(Name = "Nome completo")]
    [PersonName]
    [Required(ErrorMessage = "Informe {0}.")]
    [StringLength(200, ErrorMessage = "{0} deve ter no máximo {1} caracteres.")]
    public string FullName { get; set; } = "";

    [Display(Name = "Profissão")]
    public Profession Profession { get; set; }

    [Display(Name = "Conselho")]
    public Council Council { get; set; } = Council.Crm;

    [Display(Name = "Número do conselho")]
    [StringLength(16, ErrorMessage = "{0} deve ter no máximo {1} caracteres.")]
    public string? CouncilNumber { get; set; }

    [Display(Name = "UF do conselho")]
    public string? CouncilState { get; set; }

    [Display(Name = "Região do conselho")]
    public int? CouncilRegion { get; set; }

    [Display(Name = "Categoria")]
    public string? CouncilCategory { get; set; }

    [Display(Name = "RQE (especialista)")]
    [RegularExpression("^[0-9]{1,16}$", ErrorMessage = "{0} deve ter apenas dígitos.")]
    public string? Rqe { get; set; }

    [Display(Name = "Situação do registro")]
    public RegistrationStatus RegistrationStatus { get; set; } = RegistrationStatus.Active;

    [Display(Name = "Última verificação no conselho")]
    public DateOnly? LastVerifiedOn { get; set; }

    [Display(Name = "Carteira válida até")]
    public DateOnly? CardValidUntil { get; set; }

    [Display(Name = "Anuidade paga até")]
    public DateOnly? FeesPaidThrough { get; set; }

    [Display(Name = "Especialidades")]
    [StringLength(500, ErrorMessage = "{0} deve ter no máximo {1} caracteres.")]
    public string? Specialties { get; set; }

    [Display(Name = "Mini currículo")]
    [StringLength(2000, ErrorMessage = "{0} deve ter no máximo {1} caracteres.")]
    public string? Bio { get; set; }

    [Display(Name = "Duração padrão da consulta (minutos)")]
    [Range(5, 480, ErrorMessage = "{0} deve estar entre {1} e {2}.")]
    public int DefaultConsultationMinutes { get; set; } = 30;

    [Display(Name = "Cor na agenda")]
    [Required(ErrorMessage = "Informe {0}.")]
    [RegularExpression("^#[0-9a-fA-F]{6}$", ErrorMessage = "{0} deve estar no formato #rrggbb.")]
    public string Color { get; set; } = "#6f42c1";

    [Display(Name = "Ativo")]
    public bool IsActive { get; set; } = true;

    [Display(Name = "Conta de acesso")]
    public string? UserId { get; set; }

    [Display(Name = "Atua sob supervisão")]
    public bool RequiresSupervision { get; set; }

    [Display(Name = "Supervisor")]
    public Guid? SupervisorId { get; set; }

    public Guid Version { get; set; }

    public CouncilRegistration Registration => new(Council, CouncilNumber, CouncilState, CouncilRegion, CouncilCategory);

    /// <summary>Trims and upper-cases, and drops what the council does not use (a UF for a regional council...).</summary>
    public void Normalize()
    {
        FullName = FullName?.Trim() ?? "";
        CouncilNumber = Blank(CouncilNumber);
        CouncilState = Blank(CouncilState)?.ToUpperInvariant();
        CouncilCategory = Blank(CouncilCategory)?.ToUpperInvariant();
        Rqe = Blank(Rqe);
        Specialties = Blank(Specialties);
        Bio = Blank(Bio);
        UserId = Blank(UserId);
        Color = Blank(Color)?.ToLowerInvariant() ?? "";

        // Only what the chosen council is validated on is kept, so nothing stale hides in the record.
        switch (Councils.TerritoryOf(Council))
        {
            case CouncilTerritory.None:
                CouncilNumber = CouncilState = CouncilCategory = Rqe = null;
                CouncilRegion = null;
                break;
            case CouncilTerritory.State:
                CouncilRegion = null;
                break;
            case CouncilTerritory.Region:
                CouncilState = null;
                break;
        }
        if (Council is not (Council.Coren or Council.Crefito)) CouncilCategory = null;
        if (Council != Council.Crm) Rqe = null;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static ProfessionalInput From(Professional p) => new()
    {
        FullName = p.FullName,
        Profession = p.Profession,
        Council = p.Council,
        CouncilNumber = p.CouncilNumber,
        CouncilState = p.CouncilState,
        CouncilRegion = p.CouncilRegion,
        CouncilCategory = p.CouncilCategory,
        Rqe = p.Rqe,
        RegistrationStatus = p.RegistrationStatus,
        LastVerifiedOn = p.LastVerifiedOn,
        CardValidUntil = p.CardValidUntil,
        FeesPaidThrough = p.FeesPaidThrough,
        Specialties = p.Specialties,
        Bio = p.Bio,
        DefaultConsultationMinutes = p.DefaultConsultationMinutes,
        Color = p.Color,
        IsActive = p.IsActive,
        UserId = p.UserId,
        RequiresSupervision = p.RequiresSupervision,
        SupervisorId = p.SupervisorId,
        Version = p.Version,
    };

    public void ApplyTo(Professional p)
    {
        p.FullName = FullName;
        p.Profession = Profession;
        p.Council = Council;
        p.CouncilNumber = CouncilNumber;
        p.CouncilState = CouncilState;
        p.CouncilRegion = CouncilRegion;
        p.CouncilCategory = CouncilCategory;
        p.Rqe = Rqe;
        p.RegistrationStatus = RegistrationStatus;
        p.LastVerifiedOn = LastVerifiedOn;
        p.CardValidUntil = CardValidUntil;
        p.FeesPaidThrough = FeesPaidThrough;
        p.Specialties = Specialties;
        p.Bio = Bio;
        p.DefaultConsultationMinutes = DefaultConsultationMinutes;
        p.Color = Color;
        p.IsActive = IsActive;
        p.UserId = UserId;
        p.RequiresSupervision = RequiresSupervision;
        p.SupervisorId = SupervisorId;
    }
}
