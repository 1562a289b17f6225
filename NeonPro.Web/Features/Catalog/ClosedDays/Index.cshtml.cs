using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Infrastructure.Htmx;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Catalog.ClosedDays;

/// <summary>The days the whole clinic is closed (holidays), one year at a time; nobody is bookable on them.</summary>
public class IndexModel(NeonProDbContext db, ClinicClock clock, IStringLocalizer<SharedResource> T) : PageModel
{
    public const string ListPartial = "_ClosedDays";
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public int ShownYear { get; private set; }
    public IReadOnlyList<ClinicClosedDay> Days { get; private set; } = [];

    // The add form as typed, with its messages after a refusal.
    public string? NewDate { get; private set; }
    public string? NewName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetListAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return this.PageOrPartial(ListPartial);
    }

    private bool HasError(string field) => ModelState[field]?.Errors.Count > 0;

    public async Task<IActionResult> OnPostAddAsync(string? date, string? name, CancellationToken ct)
    {
        NewDate = date;
        NewName = name;
        var trimmed = name?.Trim() ?? "";
        DateOnly day = default;
        if (string.IsNullOrWhiteSpace(date)) ModelState.AddModelError("date", T["Informe a data."]);
        else if (!TryParseDate(date, out day)) ModelState.AddModelError("date", T["Data inválida: use dd/mm/aaaa."]);
        else if (day.Year is < FirstYear or > LastYear) ModelState.AddModelError("date", T["Informe uma data entre {0} e {1}.", FirstYear, LastYear]);
        if (trimmed.Length == 0) ModelState.AddModelError("name", T["Informe o motivo (ex.: Aniversário da cidade)."]);
        else if (trimmed.Length > 100) ModelState.AddModelError("name", T["{0}: no máximo {1} caracteres.", T["Motivo"], 100]);
        if (!HasError("date") && await db.ClinicClosedDays.AsNoTracking().FirstOrDefaultAsync(d => d.Date == day, ct) is { } existing)
            ModelState.AddModelError("date", Duplicate(existing));
        if (!ModelState.IsValid)
        {
            Year ??= HasError("date") ? null : day.Year;
            await LoadAsync(ct);
            return this.InvalidForm(ListPartial);
        }

        db.ClinicClosedDays.Add(new ClinicClosedDay { Date = day, Name = trimmed });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone added the same date between the check and the save: the unique index refused it.
            db.ChangeTracker.Clear();
            var taken = await db.ClinicClosedDays.AsNoTracking().FirstOrDefaultAsync(d => d.Date == day, ct);
            if (taken is null) throw;
            ModelState.AddModelError("date", Duplicate(taken));
            await LoadAsync(ct);
            return this.InvalidForm(ListPartial);
        }
        Year = day.Year;
        NewDate = NewName = null;
        Response.HxToast(T["Dia fechado adicionado: {0}.", day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)]);
        await LoadAsync(ct);
        return this.PageOrPartial(ListPartial);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var day = await db.ClinicClosedDays.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (day is not null)
        {
            db.ClinicClosedDays.Remove(day);
            await db.SaveChangesAsync(ct);
            Year ??= day.Date.Year;
            Response.HxToast(T["Dia fechado removido: {0}.", day.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)]);
        }
        await LoadAsync(ct);
        return this.PageOrPartial(ListPartial);
    }

    /// <summary>Adds the national holidays of a year that are not closed days yet; the ones already there stay as they are.</summary>
    public async Task<IActionResult> OnPostAddHolidaysAsync(int? holidayYear, CancellationToken ct)
    {
        if (holidayYear is not { } year || year < FirstYear || year > LastYear)
        {
            // One message for a missing, unreadable or out-of-range year (binding may have added its own for "abc").
            ModelState.Remove("holidayYear");
            ModelState.AddModelError("holidayYear", T["Informe um ano entre {0} e {1}.", FirstYear, LastYear]);
            await LoadAsync(ct);
            return this.InvalidForm(ListPartial);
        }
        var added = await NationalHolidays.AddMissingAsync(db, year, ct);
        if (added > 0) await db.SaveChangesAsync(ct);
        Year = year;
        Response.HxToast(added == 0
            ? T["Os feriados nacionais de {0} já estavam cadastrados.", year]
            : T["{0} feriados nacionais de {1} adicionados.", added, year]);
        await LoadAsync(ct);
        return this.PageOrPartial(ListPartial);
    }

    private string Duplicate(ClinicClosedDay existing) =>
        T["Já existe um dia fechado em {0} ({1}).", existing.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), existing.Name];

    /// <summary>The date input sends yyyy-MM-dd; a typed dd/MM/yyyy (no date picker) is accepted too.</summary>
    private static bool TryParseDate(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private async Task LoadAsync(CancellationToken ct)
    {
        ShownYear = Year is { } y && y >= FirstYear && y <= LastYear ? y : clock.Now.Year;
        var from = new DateOnly(ShownYear, 1, 1);
        var to = new DateOnly(ShownYear, 12, 31);
        Days = await db.ClinicClosedDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync(ct);
    }
}
