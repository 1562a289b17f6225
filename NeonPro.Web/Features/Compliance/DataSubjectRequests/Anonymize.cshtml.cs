using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Forms;
using NeonPro.Web.Infrastructure.Htmx;

namespace NeonPro.Web.Features.Compliance.DataSubjectRequests;

/// <summary>
/// Confirmation and result of anonymizing a patient for a request of right AnonymizationOrDeletion: says what is
/// anonymized, what is retained and why, and then does it in one transaction (Compliance/Anonymization).
/// </summary>
public class AnonymizeModel(NeonProDbContext db, Anonymization anonymization, IStringLocalizer<SharedResource> T) : PageModel, IEditForm
{
    public const string ConfirmationPartial = "_Anonymization";
    string IEditForm.FormPartial => ConfirmationPartial;
    async Task IEditForm.PrepareFormAsync(CancellationToken ct) => await LoadAsync(ct);

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public DataSubjectRequest SubjectRequest { get; private set; } = null!;
    public string PatientName { get; private set; } = "";
    public bool PatientAnonymized { get; private set; }
    public DateOnly RetainUntil { get; private set; }
    public IReadOnlyList<ConsentPurpose> ConsentsToWithdraw { get; private set; } = [];
    public int AppointmentsToCancel { get; private set; }
    public bool Done { get; private set; }

    public bool CanAnonymize => !Done && !PatientAnonymized && SubjectRequest.IdentityVerified
        && SubjectRequest.Right == DataSubjectRight.AnonymizationOrDeletion
        && SubjectRequest.Status is DataSubjectRequestStatus.Open or DataSubjectRequestStatus.InProgress;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>
    /// Anonymizes on the request as the person saw it: <paramref name="version"/> is the request's version the page was
    /// loaded with, so a request changed meanwhile is answered as a stale edit (409, StaleEditFilter) and nothing is erased.
    /// </summary>
    public async Task<IActionResult> OnPostAnonymizeAsync(bool confirm, Guid version, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!confirm)
        {
            ModelState.AddModelError(nameof(confirm), T["Confirme que a identidade foi verificada e que a anonimização não pode ser desfeita."]);
            return this.InvalidForm(ConfirmationPartial);
        }

        var outcome = await anonymization.AnonymizeAsync(Id, version, User.ActorId(), User.ActorName(), ct);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError("", outcome.Refusal switch
            {
                AnonymizationRefusal.NotAnAnonymizationRequest => T["Esta solicitação não é de anonimização."],
                AnonymizationRefusal.RequestClosed => T["Esta solicitação já foi respondida."],
                AnonymizationRefusal.IdentityNotVerified => T["Verifique a identidade do titular antes de anonimizar."],
                AnonymizationRefusal.AlreadyAnonymized => T["Este paciente já foi anonimizado."],
                _ => T["Solicitação não encontrada."],
            });
            await LoadAsync(ct);
            return this.InvalidForm(ConfirmationPartial);
        }

        Done = true;
        await LoadAsync(ct);
        AppointmentsToCancel = outcome.AppointmentsCancelled;
        return this.PageOrPartial(ConfirmationPartial);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var request = await db.DataSubjectRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == Id, ct);
        if (request is null) return false;
        SubjectRequest = request;
        var patient = await db.Patients.AsNoTracking().Include(p => p.HealthProfile).FirstAsync(p => p.Id == request.PatientId, ct);
        PatientName = patient.DisplayName;
        PatientAnonymized = patient.AnonymizedAtUtc is not null;
        RetainUntil = patient.RetentionUntil ?? anonymization.RetainUntilFor(patient);
        ConsentsToWithdraw = await db.PatientConsents.AsNoTracking()
            .Where(c => c.PatientId == patient.Id && c.WithdrawnAtUtc == null).Select(c => c.Purpose).Distinct().ToListAsync(ct);
        AppointmentsToCancel = await anonymization.AppointmentsAhead(patient.Id).CountAsync(ct);
        return true;
    }
}
