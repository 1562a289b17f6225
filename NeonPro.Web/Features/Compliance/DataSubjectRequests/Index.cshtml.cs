using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Features.Patients;
using NeonPro.Web.Infrastructure.Htmx;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Compliance.DataSubjectRequests;

/// <summary>
/// The register of requests from patients exercising their LGPD Art. 18 rights: registering one (due in 15 days,
/// Art. 19), and the list by status with overdue requests highlighted.
/// </summary>
public class IndexModel(NeonProDbContext db, PatientSearch search, ClinicClock clock, IStringLocalizer<SharedResource> T) : PageModel
{
    public const string RegisterPartial = "_Requests";
    public const int DetailsMaxLength = 2000;

    /// <summary>"pending" (open or in progress, the default), a status name, or "all".</summary>
    [BindProperty(SupportsGet = true)] public string? Filter { get; set; }

    public sealed record Row(
        Guid Id, Guid PatientId, string PatientName, string? Cpf, DataSubjectRight Right, DateTime ReceivedAtUtc, DateOnly DueOn,
        DataSubjectRequestStatus Status, bool IdentityVerified, int DaysOverdue, int DaysLeft, bool IsOpen);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public string ShownFilter => Filter is null or "" ? Pending : Filter;
    public const string Pending = "pending";
    public const string All = "all";

    public sealed class NewRequestInput
    {
        public Guid? PatientId { get; set; }
        public DataSubjectRight? Right { get; set; }
        /// <summary>datetime-local in the clinic's zone (yyyy-MM-ddTHH:mm).</summary>
        public string? ReceivedAt { get; set; }
        public bool IdentityVerified { get; set; }
        public string? Details { get; set; }
    }

    public NewRequestInput Input { get; private set; } = new();
    /// <summary>The picked patient's name, so a refused form keeps showing who was chosen.</summary>
    public IReadOnlyList<PatientSearchResult> PatientChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.ReceivedAt = clock.Now.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetListAsync(CancellationToken ct)
    {
        Input.ReceivedAt = clock.Now.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        await LoadAsync(ct);
        return this.PageOrPartial(RegisterPartial);
    }

    /// <summary>The patient select's options for what was typed (name fragment or CPF digits).</summary>
    public async Task<IActionResult> OnGetPatientOptionsAsync(string? q, CancellationToken ct)
    {
        PatientChoices = await search.FindAsync(q, ct);
        return Partial("_PatientOptions", this);
    }

    public async Task<IActionResult> OnPostCreateAsync([FromForm(Name = "Input")] NewRequestInput input, CancellationToken ct)
    {
        Input = input;
        var details = input.Details?.Trim();
        Patient? patient = null;
        if (input.PatientId is not { } patientId) ModelState.AddModelError("Input.PatientId", T["Escolha o paciente."]);
        else if ((patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId, ct)) is null)
            ModelState.AddModelError("Input.PatientId", T["Paciente não encontrado."]);
        if (input.Right is null) ModelState.AddModelError("Input.Right", T["Escolha o direito solicitado."]);
        DateTime receivedLocal = default;
        if (string.IsNullOrWhiteSpace(input.ReceivedAt)) ModelState.AddModelError("Input.ReceivedAt", T["Informe quando a solicitação foi recebida."]);
        else if (!DateTime.TryParseExact(input.ReceivedAt.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "dd/MM/yyyy HH:mm"],
                     CultureInfo.InvariantCulture, DateTimeStyles.None, out receivedLocal))
            ModelState.AddModelError("Input.ReceivedAt", T["Data e hora inválidas: use dd/mm/aaaa hh:mm."]);
        else if (clock.ToUtc(receivedLocal) > clock.UtcNow.AddMinutes(5))
            ModelState.AddModelError("Input.ReceivedAt", T["A data de recebimento não pode estar no futuro."]);
        if (details is { Length: > DetailsMaxLength }) ModelState.AddModelError("Input.Details", T["{0}: no máximo {1} caracteres.", T["Detalhes"], DetailsMaxLength]);

        if (!ModelState.IsValid)
        {
            if (patient is not null)
                PatientChoices = [new PatientSearchResult(patient.Id, patient.DisplayName, patient.Cpf, patient.IsForeigner, patient.BirthDate, patient.MobilePhone)];
            await LoadAsync(ct);
            return this.InvalidForm(RegisterPartial);
        }

        var request = new DataSubjectRequest
        {
            PatientId = patient!.Id,
            Right = input.Right!.Value,
            ReceivedAtUtc = clock.ToUtc(receivedLocal),
            DueOn = DataSubjectRequest.DueFor(DateOnly.FromDateTime(receivedLocal)),
            IdentityVerified = input.IdentityVerified,
            Details = string.IsNullOrEmpty(details) ? null : details,
        };
        db.DataSubjectRequests.Add(request);
        await db.SaveChangesAsync(ct);

        Response.HxToast(T["Solicitação registrada: prazo até {0}.", request.DueOn.ToString("d", CultureInfo.CurrentCulture)]);
        Input = new() { ReceivedAt = clock.Now.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) };
        await LoadAsync(ct);
        return this.PageOrPartial(RegisterPartial);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.Now);
        var query = db.DataSubjectRequests.AsNoTracking();
        query = ShownFilter switch
        {
            Pending => query.Where(r => r.Status == DataSubjectRequestStatus.Open || r.Status == DataSubjectRequestStatus.InProgress),
            All => query,
            var s when Enum.TryParse<DataSubjectRequestStatus>(s, out var status) => query.Where(r => r.Status == status),
            _ => query,
        };
        var rows = await (
            from r in query
            join p in db.Patients on r.PatientId equals p.Id
            orderby r.DueOn, r.ReceivedAtUtc
            select new { Request = r, Name = p.SocialName != null && p.SocialName != "" ? p.SocialName : p.FullName, p.Cpf })
            .Take(500).ToListAsync(ct);
        Rows = rows.Select(x => new Row(
            x.Request.Id, x.Request.PatientId, x.Name, x.Cpf, x.Request.Right, x.Request.ReceivedAtUtc, x.Request.DueOn,
            x.Request.Status, x.Request.IdentityVerified, x.Request.DaysOverdueOn(Today), x.Request.DueOn.DayNumber - Today.DayNumber,
            x.Request.Status is DataSubjectRequestStatus.Open or DataSubjectRequestStatus.InProgress)).ToList();
    }

    /// <summary>"Vencido há 3 dias" / "Vence hoje" / "Vence em 5 dias" / blank for answered requests.</summary>
    public string DueText(Row row) => !row.IsOpen ? ""
        : row.DaysOverdue == 1 ? T["Vencido há 1 dia"]
        : row.DaysOverdue > 1 ? T["Vencido há {0} dias", row.DaysOverdue]
        : row.DaysLeft == 0 ? T["Vence hoje"]
        : row.DaysLeft == 1 ? T["Vence amanhã"]
        : T["Vence em {0} dias", row.DaysLeft];
}
