using System.Globalization;
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

/// <summary>The treatment catalog: filter by name, category and status; deactivate or reactivate a treatment.</summary>
public class IndexModel(NeonProDbContext db, IStringLocalizer<SharedResource> T) : PageModel, IEditForm
{
    public const string ListPartial = "_TreatmentList";
    string IEditForm.FormPartial => ListPartial;
    Task IEditForm.PrepareFormAsync(CancellationToken ct) => LoadAsync(ct);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public TreatmentCategory? Category { get; set; }
    [BindProperty(SupportsGet = true)] public TreatmentStatusFilter Status { get; set; } = TreatmentStatusFilter.Active;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int TotalCount { get; private set; }
    [TempData] public string? StatusMessage { get; set; }

    public sealed record Row(Guid Id, string Name, TreatmentCategory Category, int DurationMinutes, decimal Price,
        List<Profession> AllowedProfessions, List<string> Equipment, bool IsActive, Guid Version);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The filtered list alone (the filter form asks for it as you type).</summary>
    public async Task<IActionResult> OnGetListAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return this.PageOrPartial(ListPartial);
    }

    /// <summary>Deactivating keeps the treatment and everything that points at it; it just cannot be booked.</summary>
    public async Task<IActionResult> OnPostSetActiveAsync(Guid id, Guid version, bool active, CancellationToken ct)
    {
        var treatment = await db.Treatments.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (treatment is null) return NotFound();
        db.ExpectVersion(treatment, version);
        treatment.IsActive = active;
        await db.SaveChangesAsync(ct);
        var message = active ? T["Tratamento {0} reativado.", treatment.Name] : T["Tratamento {0} desativado; o histórico foi mantido.", treatment.Name];
        if (!Request.WantsFragment())
        {
            StatusMessage = message;
            return RedirectToPage(new { Q, Category, Status });
        }
        Response.HxToast(message);
        await LoadAsync(ct);
        return Partial(ListPartial, this);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        // The catalog is small (tens of rows): filtering by name in memory gives accent- and case-insensitive
        // matching ("acido" finds "Ácido") the same way on every database provider.
        var all = await db.Treatments.AsNoTracking()
            .Select(t => new Row(t.Id, t.Name, t.Category, t.DurationMinutes, t.Price, t.AllowedProfessions,
                t.RequiredEquipment.OrderBy(e => e.Name).Select(e => e.Name).ToList(), t.IsActive, t.Version))
            .ToListAsync(ct);
        TotalCount = all.Count;
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        var q = Q?.Trim();
        Rows = all
            .OrderBy(r => r.Name, StringComparer.Create(CultureInfo.GetCultureInfo("pt-BR"), ignoreCase: true))
            .Where(r => string.IsNullOrEmpty(q) || compare.IndexOf(r.Name, q, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0)
            .Where(r => Category is null || r.Category == Category)
            .Where(r => Status switch
            {
                TreatmentStatusFilter.Active => r.IsActive,
                TreatmentStatusFilter.Inactive => !r.IsActive,
                _ => true,
            })
            .ToList();
    }
}

public enum TreatmentStatusFilter { Active, Inactive, All }
