using Htmx;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Infrastructure.Forms;
using NeonPro.Web.Infrastructure.Htmx;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Professionals;

/// <summary>
/// One professional: registration and standing, weekly hours, exceptions, scope entries (with what the scope
/// rule answers today) and the week's availability. Every grid saves per row through htmx.
/// </summary>
public class DetailsModel(NeonProDbContext db, ClinicClock clock, ProfessionalAvailability availability, IStringLocalizer<SharedResource> T) : PageModel, IEditForm
{
    // The versioned form here is one scope row: a stale save answers with that row, as typed (StaleEditFilter).
    string IEditForm.FormPartial => "_ScopeRow";
    object IEditForm.FormModel => _postedScope!;
    private ScopeRow? _postedScope;

    /// <summary>Raised after hours or exceptions change, so the week's availability refreshes itself.</summary>
    public const string AvailabilityChanged = "availability-changed";
    /// <summary>Raised after a scope entry changes, so the table of today's decisions refreshes itself.</summary>
    public const string ScopeChanged = "scope-changed";
    /// <summary>How far back the exceptions grid looks; older ones are history.</summary>
    public const int ExceptionsLookBackDays = 30;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    /// <summary>Any date of the week to show; the week runs Monday to Sunday in the clinic's zone.</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? Week { get; set; }

    public Header Professional { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public IReadOnlyList<HoursRow> Hours { get; private set; } = [];
    public IReadOnlyList<ExceptionRow> Exceptions { get; private set; } = [];
    public IReadOnlyList<ScopeRow> Scopes { get; private set; } = [];
    public IReadOnlyList<TreatmentOption> Treatments { get; private set; } = [];
    public IReadOnlyList<ScopeToday> ScopeTable { get; private set; } = [];
    public WeekView WeekAvailability { get; private set; } = null!;

    public sealed record Header(Guid Id, string FullName, Profession Profession, string Council, string? Rqe, StandingBadge Standing,
        bool IsActive, bool RequiresSupervision, string? SupervisorName, string? AccountEmail, string Color,
        DateOnly? LastVerifiedOn, DateOnly? CardValidUntil, DateOnly? FeesPaidThrough, string? Specialties, int DefaultConsultationMinutes);

    public sealed record TreatmentOption(Guid Id, string Name, bool IsActive);

    public sealed record ScopeToday(string Treatment, ScopeDecision Decision);

    public sealed record WeekView(Guid ProfessionalId, DateOnly Monday, IReadOnlyList<AvailabilityDay> Days)
    {
        public DateOnly Sunday => Monday.AddDays(6);
        public string Url(DateOnly monday) => $"/Professionals/Details?id={ProfessionalId}&week={monday:yyyy-MM-dd}";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadHeaderAsync()) return NotFound();
        await LoadHoursAsync();
        await LoadExceptionsAsync();
        await LoadScopesAsync();
        await LoadScopeTableAsync();
        await LoadWeekAsync();
        return Page();
    }

    public async Task<IActionResult> OnGetWeekAsync()
    {
        if (!await ExistsAsync()) return NotFound();
        await LoadWeekAsync();
        return Partial("_Week", this);
    }

    public async Task<IActionResult> OnGetScopeTableAsync()
    {
        if (!await LoadHeaderAsync()) return NotFound();
        await LoadScopeTableAsync();
        return Partial("_ScopeTable", this);
    }

    // ---- weekly hours ----

    public async Task<IActionResult> OnPostSaveHoursAsync(HoursRow row)
    {
        if (!await ExistsAsync()) return NotFound();
        row.ProfessionalId = Id;
        row.Posted = true;
        WorkingHours? entity = null;
        if (row.RowId is { } rowId)
        {
            entity = await db.WorkingHours.FirstOrDefaultAsync(h => h.Id == rowId && h.ProfessionalId == Id);
            if (entity is null) return NotFound();
        }

        if (HasBindingError(nameof(HoursRow.Start), nameof(HoursRow.End), nameof(HoursRow.Day)) || !Enum.IsDefined(row.Day))
            ModelState.AddModelError(row.Field(nameof(HoursRow.Start)), T["Informe um dia da semana e horários válidos."]);
        else if (row.Start is not { } start || row.End is not { } end)
            ModelState.AddModelError(row.Field(row.Start is null ? nameof(HoursRow.Start) : nameof(HoursRow.End)), T["Informe o início e o fim."]);
        else if (end <= start)
            ModelState.AddModelError(row.Field(nameof(HoursRow.End)), T["O fim deve ser depois do início."]);
        else
        {
            var sameDay = await db.WorkingHours.AsNoTracking()
                .Where(h => h.ProfessionalId == Id && h.Day == row.Day && h.Id != row.RowId)
                .Select(h => new { h.Start, h.End })
                .ToListAsync();
            var clash = sameDay.OrderBy(h => h.Start).FirstOrDefault(h => TimeOverlap.Overlaps(h.Start, h.End, start, end));
            if (clash is not null)
                ModelState.AddModelError(row.Field(nameof(HoursRow.Start)), T["Este intervalo se sobrepõe a outro do mesmo dia ({0}).", Range(clash.Start, clash.End)]);
        }
        if (!ModelState.IsValid) return this.InvalidForm("_HoursRow", row);

        if (entity is null)
        {
            entity = new WorkingHours { ProfessionalId = Id };
            db.WorkingHours.Add(entity);
        }
        entity.Day = row.Day;
        entity.Start = row.Start!.Value;
        entity.End = row.End!.Value;
        await db.SaveChangesAsync();

        if (!Request.WantsFragment()) return Redirect(DetailsUrl);
        Response.HxTrigger(AvailabilityChanged);
        if (row.RowId is not null) return Partial("_HoursRow", HoursRow.From(entity));
        // A new row takes its place in day order: the whole grid comes back, with an empty row to add the next.
        await LoadHoursAsync();
        return Regrid("#weekly-hours", "_WeeklyHours");
    }

    public async Task<IActionResult> OnPostDeleteHoursAsync(Guid rowId)
    {
        var deleted = await db.WorkingHours.Where(h => h.Id == rowId && h.ProfessionalId == Id).FirstOrDefaultAsync();
        if (deleted is null) return NotFound();
        db.WorkingHours.Remove(deleted);
        await db.SaveChangesAsync();
        if (!Request.WantsFragment()) return Redirect(DetailsUrl);
        Response.HxTrigger(AvailabilityChanged);
        return Content("", "text/html");
    }

    // ---- exceptions ----

    public async Task<IActionResult> OnPostSaveExceptionAsync(ExceptionRow row)
    {
        if (!await ExistsAsync()) return NotFound();
        row.ProfessionalId = Id;
        row.Posted = true;
        row.Reason = string.IsNullOrWhiteSpace(row.Reason) ? null : row.Reason.Trim();
        ProfessionalAvailabilityException? entity = null;
        if (row.RowId is { } rowId)
        {
            entity = await db.AvailabilityExceptions.FirstOrDefaultAsync(e => e.Id == rowId && e.ProfessionalId == Id);
            if (entity is null) return NotFound();
        }

        if (HasBindingError(nameof(ExceptionRow.Date), nameof(ExceptionRow.Start), nameof(ExceptionRow.End), nameof(ExceptionRow.Kind)) || !Enum.IsDefined(row.Kind))
            ModelState.AddModelError(row.Field(nameof(ExceptionRow.Date)), T["Informe uma data, um tipo e horários válidos."]);
        else if (row.Date is null)
            ModelState.AddModelError(row.Field(nameof(ExceptionRow.Date)), T["Informe a data."]);
        else if (row.Start is null != row.End is null)
            ModelState.AddModelError(row.Field(row.Start is null ? nameof(ExceptionRow.Start) : nameof(ExceptionRow.End)), T["Informe o início e o fim, ou deixe os dois em branco para o dia inteiro."]);
        else if (row.Start is { } start && row.End is { } end && end <= start)
            ModelState.AddModelError(row.Field(nameof(ExceptionRow.End)), T["O fim deve ser depois do início."]);
        else if (row.Kind == AvailabilityExceptionKind.ExtraHours && row.Start is null)
            ModelState.AddModelError(row.Field(nameof(ExceptionRow.Start)), T["Horas extras precisam de início e fim."]);
        else if (row.Reason is { Length: > 200 })
            ModelState.AddModelError(row.Field(nameof(ExceptionRow.Reason)), T["O motivo deve ter no máximo {0} caracteres.", 200]);
        if (!ModelState.IsValid) return this.InvalidForm("_ExceptionRow", row);

        if (entity is null)
        {
            entity = new ProfessionalAvailabilityException { ProfessionalId = Id };
            db.AvailabilityExceptions.Add(entity);
        }
        entity.Date = row.Date!.Value;
        entity.Kind = row.Kind;
        entity.Start = row.Start;
        entity.End = row.End;
        entity.Reason = row.Reason;
        await db.SaveChangesAsync();

        if (!Request.WantsFragment()) return Redirect(DetailsUrl);
        Response.HxTrigger(AvailabilityChanged);
        if (row.RowId is not null) return Partial("_ExceptionRow", ExceptionRow.From(entity));
        await LoadExceptionsAsync();
        return Regrid("#availability-exceptions", "_Exceptions");
    }

    public async Task<IActionResult> OnPostDeleteExceptionAsync(Guid rowId)
    {
        var deleted = await db.AvailabilityExceptions.Where(e => e.Id == rowId && e.ProfessionalId == Id).FirstOrDefaultAsync();
        if (deleted is null) return NotFound();
        db.AvailabilityExceptions.Remove(deleted);
        await db.SaveChangesAsync();
        if (!Request.WantsFragment()) return Redirect(DetailsUrl);
        Response.HxTrigger(AvailabilityChanged);
        return Content("", "text/html");
    }

    // ---- scope entries ----

    public async Task<IActionResult> OnPostSaveScopeAsync(ScopeRow row)
    {
        if (!await ExistsAsync()) return NotFound();
        await LoadTreatmentsAsync();
        row.ProfessionalId = Id;
        row.Posted = true;
        row.Treatments = Treatments;
        _postedScope = row;
        row.Conditions = string.IsNullOrWhiteSpace(row.Conditions) ? null : row.Conditions.Trim();
        ProfessionalScope? entity = null;
        if (row.RowId is { } rowId)
        {
            entity = await db.ProfessionalScopes.FirstOrDefaultAsync(s => s.Id == rowId && s.ProfessionalId == Id);
            if (entity is null) return NotFound();
            db.ExpectVersion(entity, row.Version);
        }

        if (HasBindingError(nameof(ScopeRow.TreatmentId), nameof(ScopeRow.Mode), nameof(ScopeRow.ValidFrom), nameof(ScopeRow.ValidUntil)) || !Enum.IsDefined(row.Mode))
            ModelState.AddModelError(row.Field(nameof(ScopeRow.TreatmentId)), T["Informe um procedimento, um modo e datas válidas."]);
        else if (row.TreatmentId is not { } treatmentId || Treatments.All(t => t.Id != treatmentId))
            ModelState.AddModelError(row.Field(nameof(ScopeRow.TreatmentId)), T["Escolha o procedimento."]);
        else if (row is { ValidFrom: { } from, ValidUntil: { } until } && until < from)
            ModelState.AddModelError(row.Field(nameof(ScopeRow.ValidUntil)), T["A data final da validade deve ser igual ou posterior à inicial."]);
        else if (row.Conditions is { Length: > 500 })
            ModelState.AddModelError(row.Field(nameof(ScopeRow.Conditions)), T["As condições devem ter no máximo {0} caracteres.", 500]);
        else
        {
            // Two entries valid on the same day would leave the rule to pick one silently.
            var others = await db.ProfessionalScopes.AsNoTracking()
                .Where(s => s.ProfessionalId == Id && s.TreatmentId == treatmentId && s.Id != row.RowId)
                .Select(s => new { s.ValidFrom, s.ValidUntil })
                .ToListAsync();
            if (others.Any(o => TimeOverlap.Overlaps(o.ValidFrom, o.ValidUntil, row.ValidFrom, row.ValidUntil)))
                ModelState.AddModelError(row.Field(nameof(ScopeRow.ValidFrom)), T["Já existe uma regra para este procedimento que vale no mesmo período."]);
        }
        if (!ModelState.IsValid) return this.InvalidForm("_ScopeRow", row);

        if (entity is null)
        {
            entity = new ProfessionalScope { ProfessionalId = Id };
            db.ProfessionalScopes.Add(entity);
        }
        entity.TreatmentId = row.TreatmentId!.Value;
        entity.Mode = row.Mode;
        entity.Conditions = row.Conditions;
        entity.ValidFrom = row.ValidFrom;
        entity.ValidUntil = row.ValidUntil;
        await db.SaveChangesAsync();

        if (!Request.WantsFragment()) return Redirect(DetailsUrl);
        Response.HxTrigger(ScopeChanged);
        if (row.RowId is not null) return Partial("_ScopeRow", ScopeRow.From(entity, Treatments));
        await LoadScopesAsync();
        return Regrid("#scope-entries", "_Scopes");
    }

    public async Task<IActionResult> OnPostDeleteScopeAsync(Guid rowId)
    {
        var deleted = await db.ProfessionalScopes.Where(s => s.Id == rowId && s.ProfessionalId == Id).FirstOrDefaultAsync();
        if (deleted is null) return NotFound();
        db.ProfessionalScopes.Remove(deleted);
        await db.SaveChangesAsync();
        if (!Request.WantsFragment()) return Redirect(DetailsUrl);
        Response.HxTrigger(ScopeChanged);
        return Content("", "text/html");
    }

    // ---- loading ----

    private string DetailsUrl => $"/Professionals/Details?id={Id}";

    private IActionResult Regrid(string target, string partial)
    {
        Response.Htmx(h => h.Retarget(target));
        Response.Headers["HX-Reswap"] = "outerHTML";
        return Partial(partial, this);
    }

    private bool HasBindingError(params string[] keys) =>
        keys.Any(k => ModelState.TryGetValue(k, out var entry) && entry.Errors.Count > 0);

    public static string Range(TimeOnly start, TimeOnly end) =>
        start.ToString("HH:mm", CultureInfo.InvariantCulture) + "–" + end.ToString("HH:mm", CultureInfo.InvariantCulture);

    private Task<bool> ExistsAsync() => db.Professionals.AnyAsync(p => p.Id == Id);

    private async Task<bool> LoadHeaderAsync()
    {
        Today = DateOnly.FromDateTime(clock.Now);
        var p = await db.Professionals.AsNoTracking()
            .Where(x => x.Id == Id)
            .Select(x => new
            {
                Professional = x,
                Supervisor = x.Supervisor != null ? x.Supervisor.FullName : null,
                Account = db.Users.Where(u => u.Id == x.UserId).Select(u => u.Email).FirstOrDefault(),
            })
            .FirstOrDefaultAsync();
        if (p is null) return false;
        var x = p.Professional;
        Professional = new Header(x.Id, x.FullName, x.Profession, x.Registration.Display, x.Rqe, StandingBadge.For(x, Today),
            x.IsActive, x.RequiresSupervision, p.Supervisor, p.Account, x.Color,
            x.LastVerifiedOn, x.CardValidUntil, x.FeesPaidThrough, x.Specialties, x.DefaultConsultationMinutes);
        return true;
    }

    private async Task LoadHoursAsync()
    {
        var rows = await db.WorkingHours.AsNoTracking().Where(h => h.ProfessionalId == Id).ToListAsync();
        // Monday first, as Brazilian calendars show the week.
        Hours = rows.OrderBy(h => ((int)h.Day + 6) % 7).ThenBy(h => h.Start).Select(HoursRow.From).ToList();
    }

    private async Task LoadExceptionsAsync()
    {
        Today = DateOnly.FromDateTime(clock.Now);
        var since = Today.AddDays(-ExceptionsLookBackDays);
        var rows = await db.AvailabilityExceptions.AsNoTracking()
            .Where(e => e.ProfessionalId == Id && e.Date >= since)
            .OrderBy(e => e.Date).ThenBy(e => e.Start)
            .ToListAsync();
        Exceptions = rows.Select(ExceptionRow.From).ToList();
    }

    private async Task LoadTreatmentsAsync() =>
        Treatments = await db.Treatments.AsNoTracking()
            .OrderBy(t => t.Name)
            .Select(t => new TreatmentOption(t.Id, t.Name, t.IsActive))
            .ToListAsync();

    private async Task LoadScopesAsync()
    {
        await LoadTreatmentsAsync();
        var rows = await db.ProfessionalScopes.AsNoTracking().Where(s => s.ProfessionalId == Id).ToListAsync();
        var names = Treatments.ToDictionary(t => t.Id, t => t.Name);
        Scopes = rows.OrderBy(s => names.GetValueOrDefault(s.TreatmentId)).ThenBy(s => s.ValidFrom)
            .Select(s => ScopeRow.From(s, Treatments)).ToList();
    }

    private async Task LoadScopeTableAsync()
    {
        var p = await db.Professionals.AsNoTracking().FirstAsync(x => x.Id == Id);
        var standing = p.StandingOn(Today);
        var treatments = await db.Treatments.AsNoTracking()
            .Where(t => t.IsActive)
            .OrderBy(t => t.Name)
            .Select(t => new { t.Id, t.Name, t.AllowedProfessions })
            .ToListAsync();
        var overrides = (await db.ProfessionalScopes.AsNoTracking().Where(s => s.ProfessionalId == Id).ToListAsync())
            .ToLookup(s => s.TreatmentId, s => s.AsOverride());
        ScopeTable = treatments
            .Select(t => new ScopeToday(t.Name, ScopeRule.Decide(p.Profession, standing, p.IsActive, p.RequiresSupervision,
                t.AllowedProfessions, treatmentActive: true, overrides[t.Id], Today)))
            .ToList();
    }

    private async Task LoadWeekAsync()
    {
        var reference = Week ?? DateOnly.FromDateTime(clock.Now);
        var monday = reference.AddDays(-(((int)reference.DayOfWeek + 6) % 7));
        WeekAvailability = new WeekView(Id, monday, await availability.DaysAsync(Id, monday, 7));
    }

    // ---- row forms ----

    /// <summary>
    /// A row of one of the grids, each its own form. Its messages are ModelState entries keyed "{FormId}.{field}", so
    /// they stay with their row; the stale-edit sentence (key "") shows on the row that was posted.
    /// </summary>
    public abstract class RowForm
    {
        public Guid? RowId { get; set; }
        /// <summary>This is the row the request posted (not one read back for the grid).</summary>
        [BindNever] public bool Posted { get; set; }
        public string Key => RowId?.ToString("N") ?? "new";
        /// <summary>The form's id in the page, e.g. "hours-row-new".</summary>
        public abstract string FormId { get; }
        public string Field(string name) => $"{FormId}.{name}";
    }

    /// <summary>One weekly working interval as its row posts it (RowId empty for a new row).</summary>
    public sealed class HoursRow : RowForm
    {
        [BindNever] public Guid ProfessionalId { get; set; }
        public DayOfWeek Day { get; set; } = DayOfWeek.Monday;
        public TimeOnly? Start { get; set; }
        public TimeOnly? End { get; set; }
        public override string FormId => $"hours-row-{Key}";

        public static HoursRow From(WorkingHours h) => new() { ProfessionalId = h.ProfessionalId, RowId = h.Id, Day = h.Day, Start = h.Start, End = h.End };
    }

    /// <summary>A day off, blocked hours or extra hours on one date, as its row posts it.</summary>
    public sealed class ExceptionRow : RowForm
    {
        [BindNever] public Guid ProfessionalId { get; set; }
        public DateOnly? Date { get; set; }
        public AvailabilityExceptionKind Kind { get; set; } = AvailabilityExceptionKind.TimeOff;
        public TimeOnly? Start { get; set; }
        public TimeOnly? End { get; set; }
        public string? Reason { get; set; }
        public override string FormId => $"exception-row-{Key}";

        public static ExceptionRow From(ProfessionalAvailabilityException e) => new()
        {
            ProfessionalId = e.ProfessionalId, RowId = e.Id, Date = e.Date, Kind = e.Kind, Start = e.Start, End = e.End, Reason = e.Reason,
        };
    }

    /// <summary>An explicit scope entry for one treatment, as its row posts it.</summary>
    public sealed class ScopeRow : RowForm
    {
        [BindNever] public Guid ProfessionalId { get; set; }
        public Guid? TreatmentId { get; set; }
        public ScopeMode Mode { get; set; } = ScopeMode.Independent;
        public string? Conditions { get; set; }
        public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidUntil { get; set; }
        public Guid Version { get; set; }
        [BindNever] public IReadOnlyList<TreatmentOption> Treatments { get; set; } = [];

        public override string FormId => $"scope-row-{Key}";

        public static ScopeRow From(ProfessionalScope s, IReadOnlyList<TreatmentOption> treatments) => new()
        {
            ProfessionalId = s.ProfessionalId, RowId = s.Id, TreatmentId = s.TreatmentId, Mode = s.Mode, Conditions = s.Conditions,
            ValidFrom = s.ValidFrom, ValidUntil = s.ValidUntil, Version = s.Version, Treatments = treatments,
        };
    }
}
