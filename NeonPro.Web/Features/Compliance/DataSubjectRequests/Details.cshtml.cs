using NeonPro.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Infrastructure.Forms;
using NeonPro.Web.Infrastructure.Htmx;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Compliance.DataSubjectRequests;

/// <summary>
/// One data-subject request: what was asked, by when, the action its right calls for (downloads, anonymization,
/// the consent register), and its answer: completed with an outcome, or refused with the reason (Art. 18 §4).
/// </summary>
public class DetailsModel(NeonProDbContext db, ClinicClock clock, IStringLocalizer<SharedResource> T) : PageModel, IEditForm
{
    public const string RequestPartial = "_Request";
    string IEditForm.FormPartial => RequestPartial;
    async Task IEditForm.PrepareFormAsync(CancellationToken ct) => await LoadAsync(ct);
    public const int AnswerMaxLength = 2000;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public DataSubjectRequest SubjectRequest { get; private set; } = null!;
    public string PatientName { get; private set; } = "";
    public string? PatientCpf { get; private set; }
    public bool PatientAnonymized { get; private set; }
    public DateOnly Today { get; private set; }
    public bool IsOpen => SubjectRequest.Status is DataSubjectRequestStatus.Open or DataSubjectRequestStatus.InProgress;

    public string? Outcome { get; private set; }
    public string? RefusalReason { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    // Every form of the request posts the version it was loaded with (the "version" field): one answered or taken up
    // by someone else meanwhile is a stale edit, answered by StaleEditFilter.

    public async Task<IActionResult> OnPostStartAsync(Guid version, CancellationToken ct) =>
        await ChangeAsync(version, r =>
        {
            if (r.Status == DataSubjectRequestStatus.Open) r.Status = DataSubjectRequestStatus.InProgress;
            return true;
        }, T["Solicitação em andamento."], ct);

    public async Task<IActionResult> OnPostVerifyIdentityAsync(Guid version, CancellationToken ct) =>
        await ChangeAsync(version, r =>
        {
            r.IdentityVerified = true;
            return true;
        }, T["Identidade do titular marcada como verificada."], ct);

    public async Task<IActionResult> OnPostCompleteAsync(string? outcome, Guid version, CancellationToken ct)
    {
        Outcome = outcome;
        var text = outcome?.Trim() ?? "";
        return await ChangeAsync(version, r =>
        {
            if (!r.IdentityVerified) ModelState.AddModelError(nameof(outcome), T["Confirme a identidade do titular antes de concluir."]);
            else if (text.Length == 0) ModelState.AddModelError(nameof(outcome), T["Descreva a resposta dada ao titular."]);
            else if (text.Length > AnswerMaxLength) ModelState.AddModelError(nameof(outcome), T["{0}: no máximo {1} caracteres.", T["Resposta ao titular"], AnswerMaxLength]);
            if (!ModelState.IsValid) return false;
            Answer(r, DataSubjectRequestStatus.Completed);
            r.Outcome = text;
            return true;
        }, T["Solicitação concluída."], ct);
    }

    public async Task<IActionResult> OnPostRefuseAsync(string? reason, Guid version, CancellationToken ct)
    {
        RefusalReason = reason;
        var text = reason?.Trim() ?? "";
        return await ChangeAsync(version, r =>
        {
            if (text.Length == 0) ModelState.AddModelError(nameof(reason), T["Informe o motivo da recusa (art. 18 §4)."]);
            else if (text.Length > AnswerMaxLength) ModelState.AddModelError(nameof(reason), T["{0}: no máximo {1} caracteres.", T["Motivo da recusa"], AnswerMaxLength]);
            if (!ModelState.IsValid) return false;
            Answer(r, DataSubjectRequestStatus.Refused);
            r.RefusalReason = text;
            return true;
        }, T["Solicitação recusada."], ct);
    }

    private void Answer(DataSubjectRequest r, DataSubjectRequestStatus status)
    {
        r.Status = status;
        r.AnsweredAtUtc = clock.UtcNow;
        r.HandledByUserId = User.ActorId();
    }

    /// <summary>Applies one change to an open request and saves it; a refused change answers 422 with its message.</summary>
    private async Task<IActionResult> ChangeAsync(Guid loadedVersion, Func<DataSubjectRequest, bool> change, string done, CancellationToken ct)
    {
        var request = await db.DataSubjectRequests.FirstOrDefaultAsync(r => r.Id == Id, ct);
        if (request is null) return NotFound();
        if (request.Status is DataSubjectRequestStatus.Completed or DataSubjectRequestStatus.Refused)
            ModelState.AddModelError("", T["Esta solicitação já foi respondida."]);
        else
        {
            db.ExpectVersion(request, loadedVersion);
            if (change(request))
            {
                await db.SaveChangesAsync(ct);
                Response.HxToast(done);
                Outcome = RefusalReason = null;
                await LoadAsync(ct);
                return this.PageOrPartial(RequestPartial);
            }
        }
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return this.InvalidForm(RequestPartial);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var request = await db.DataSubjectRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == Id, ct);
        if (request is null) return false;
        SubjectRequest = request;
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == request.PatientId)
            .Select(p => new { p.FullName, p.SocialName, p.Cpf, p.AnonymizedAtUtc }).FirstAsync(ct);
        PatientName = string.IsNullOrWhiteSpace(patient.SocialName) ? patient.FullName : patient.SocialName;
        PatientCpf = patient.Cpf;
        PatientAnonymized = patient.AnonymizedAtUtc is not null;
        Today = DateOnly.FromDateTime(clock.Now);
        return true;
    }
}
