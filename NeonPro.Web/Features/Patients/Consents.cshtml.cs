using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Forms;
using NeonPro.Web.Infrastructure.Htmx;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Patients;

/// <summary>
/// The consent register of one patient (LGPD Art. 7, 8, 11): status per purpose, recording a consent against the
/// term version in force, withdrawing one with its reason, and the full history. The chart loads it as a tab.
/// </summary>
public class ConsentsModel(NeonProDbContext db, ClinicClock clock, ClinicalAccess access, IStringLocalizer<SharedResource> T) : PageModel, IEditForm
{
    string IEditForm.FormPartial => TabPartial;
    async Task IEditForm.PrepareFormAsync(CancellationToken ct) => await LoadAsync(ct);

    public const string TabPartial = "_ConsentsTab";
    public const string TermPartial = "_ConsentTerm";
    public const string ChangedEvent = "consents-changed";
    public const int ReasonMaxLength = 500;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public string PatientName { get; private set; } = "";
    public bool IsAnonymized { get; private set; }
    public IReadOnlyList<PurposeStatus> Statuses { get; private set; } = [];
    public IReadOnlyList<PatientConsent> History { get; private set; } = [];
    public IReadOnlyDictionary<ConsentPurpose, ConsentTerm> TermsInForce { get; private set; } = new Dictionary<ConsentPurpose, ConsentTerm>();
    public bool CanExport { get; private set; }

    /// <summary>The record form is open (after "Registrar consentimento" or a refused post).</summary>
    public bool ShowRecordForm { get; private set; }
    public RecordInput Record { get; private set; } = new();
    /// <summary>The consent whose withdrawal form is open.</summary>
    public Guid? WithdrawingId { get; private set; }
    public string? WithdrawalReason { get; private set; }

    public sealed class RecordInput
    {
        public ConsentPurpose? Purpose { get; set; }
        public ConsentMethod? Method { get; set; }
        /// <summary>The term the form showed: a newer version in force by the time of the post is not silently agreed to.</summary>
        public Guid? TermId { get; set; }
        public bool Agreed { get; set; }
    }

    public ConsentTerm? SelectedTerm => Record.Purpose is { } p && TermsInForce.TryGetValue(p, out var t) ? t : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : Missing();

    /// <summary>What the chart's consent tab loads (hx-get ...&amp;handler=Tab): always the fragment.</summary>
    public async Task<IActionResult> OnGetTabAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Partial(TabPartial, this) : Missing();

    public async Task<IActionResult> OnGetRecordFormAsync(ConsentPurpose? purpose, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Missing();
        ShowRecordForm = !IsAnonymized;
        Record.Purpose = purpose ?? ConsentPurpose.HealthCare;
        return this.PageOrPartial(TabPartial);
    }

    /// <summary>The term text and agreement checkbox for the purpose picked in the record form.</summary>
    public async Task<IActionResult> OnGetTermAsync([FromQuery(Name = "Record.Purpose")] ConsentPurpose? purpose, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Missing();
        Record.Purpose = purpose;
        return Partial(TermPartial, this);
    }

    public async Task<IActionResult> OnGetWithdrawFormAsync(Guid consentId, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Missing();
        if (History.Any(c => c.Id == consentId && c.WithdrawnAtUtc is null)) WithdrawingId = consentId;
        return this.PageOrPartial(TabPartial);
    }

    public async Task<IActionResult> OnPostRecordAsync([FromForm(Name = "Record")] RecordInput input, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Missing();
        Record = input;
        ShowRecordForm = true;
        var now = clock.UtcNow;

        if (IsAnonymized) ModelState.AddModelError("", T["Paciente anonimizado: não é possível registrar consentimentos."]);
        if (input.Purpose is null) ModelState.AddModelError("Record.Purpose", T["Escolha a finalidade."]);
        if (input.Method is null) ModelState.AddModelError("Record.Method", T["Escolha a forma do consentimento."]);
        var term = SelectedTerm;
        if (input.Purpose is not null && term is null) ModelState.AddModelError("Record.Purpose", T["Não há termo em vigor para esta finalidade."]);
        else if (term is not null && input.TermId is { } shown && shown != term.Id)
        {
            ModelState.AddModelError("Record.Agreed", T["O termo foi atualizado para a versão {0}: leia a nova versão com o paciente.", term.Version]);
            input.Agreed = false; // the box ticked was for the old text
        }
        else if (!input.Agreed) ModelState.AddModelError("Record.Agreed", T["Confirme que o paciente leu e concordou com o termo."]);

        var current = input.Purpose is { } purpose ? Statuses.Single(s => s.Purpose == purpose).Current : null;
        if (ModelState.IsValid && current is not null && current.TermId == term!.Id)
            ModelState.AddModelError("Record.Purpose", T["Já existe consentimento vigente para esta finalidade (termo versão {0}).", term.Version]);
        if (!ModelState.IsValid) return this.InvalidForm(TabPartial);

        var (userId, userName) = Actor();
        if (current is not null)
        {
            // Agreeing to a newer version of the term replaces the consent to the older one; both stay on record.
            var previous = await db.PatientConsents.FirstAsync(c => c.Id == current.Id, ct);
            previous.WithdrawnAtUtc = now;
            previous.WithdrawnByUserId = userId;
            previous.WithdrawnByName = userName;
            previous.WithdrawalReason = T["Substituído pelo consentimento ao termo versão {0}.", term!.Version];
        }
        db.PatientConsents.Add(new PatientConsent
        {
            PatientId = Id,
            Purpose = input.Purpose!.Value,
            TermId = term!.Id,
            GrantedAtUtc = now,
            RecordedByUserId = userId,
            RecordedByName = userName,
            Method = input.Method!.Value,
        });
        // The consent being replaced withdrawn by someone else a moment ago is a stale edit (StaleEditFilter): nothing is saved.
        await db.SaveChangesAsync(ct);

        Response.HxTrigger(ChangedEvent);
        Response.HxToast(T["Consentimento registrado: {0}.", T[ConsentNames.Of(input.Purpose.Value)]]);
        Record = new();
        ShowRecordForm = false;
        await LoadAsync(ct);
        return this.PageOrPartial(TabPartial);
    }

    /// <summary>Withdraws the consent as the form showed it (<paramref name="version"/>); one changed meanwhile is a stale edit.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(Guid consentId, string? reason, Guid version, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Missing();
        WithdrawingId = consentId;
        WithdrawalReason = reason;
        var trimmed = reason?.Trim() ?? "";

        var consent = await db.PatientConsents.FirstOrDefaultAsync(c => c.Id == consentId && c.PatientId == Id, ct);
        if (consent is null) return NotFound();
        if (consent.WithdrawnAtUtc is not null) ModelState.AddModelError(nameof(reason), T["Este consentimento já foi retirado."]);
        else if (trimmed.Length == 0) ModelState.AddModelError(nameof(reason), T["Informe o motivo da retirada."]);
        else if (trimmed.Length > ReasonMaxLength) ModelState.AddModelError(nameof(reason), T["{0}: no máximo {1} caracteres.", T["Motivo da retirada"], ReasonMaxLength]);
        if (!ModelState.IsValid) return this.InvalidForm(TabPartial);
        db.ExpectVersion(consent, version);

        var (userId, userName) = Actor();
        consent.WithdrawnAtUtc = clock.UtcNow;
        consent.WithdrawnByUserId = userId;
        consent.WithdrawnByName = userName;
        consent.WithdrawalReason = trimmed;
        // Someone withdrew (or replaced) it a moment ago: StaleEditFilter shows what stands now instead of overwriting theirs.
        await db.SaveChangesAsync(ct);

        Response.HxTrigger(ChangedEvent);
        Response.HxToast(T["Consentimento retirado: {0}.", T[ConsentNames.Of(consent.Purpose)]]);
        WithdrawingId = null;
        WithdrawalReason = null;
        await LoadAsync(ct);
        return this.PageOrPartial(TabPartial);
    }

    private (string? UserId, string? Name) Actor() =>
        (User.ActorId(),
         User.ActorName());

    // Not on file, or a record this person may not open (ClinicalAccess): nothing of it is shown either way.
    private IActionResult Missing() => _forbidden ? Forbid() : NotFound();
    private bool _forbidden;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == Id)
            .Select(p => new { p.FullName, p.SocialName, p.AnonymizedAtUtc, p.RecordBlocked }).FirstOrDefaultAsync(ct);
        if (patient is null) return false;
        if (!(await access.ToPatientAsync(User, Id, patient.RecordBlocked, ct)).MayOpenChart)
        {
            _forbidden = true;
            return false;
        }
        PatientName = string.IsNullOrWhiteSpace(patient.SocialName) ? patient.FullName : patient.SocialName;
        IsAnonymized = patient.AnonymizedAtUtc is not null;

        History = await db.PatientConsents.AsNoTracking().Include(c => c.Term).Where(c => c.PatientId == Id).ToListAsync(ct);
        History = History.OrderByDescending(c => c.GrantedAtUtc).ToList();
        Statuses = ConsentStatus.Summarize(History, clock.UtcNow);
        TermsInForce = await ConsentTermCatalog.InForceAsync(db, DateOnly.FromDateTime(clock.Now), ct);
        CanExport = User.IsInRole(Roles.Manager) || User.IsInRole(Roles.Admin);
        return true;
    }
}
