using Htmx;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Access;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Infrastructure.Forms;
using NeonPro.Web.Infrastructure.Htmx;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Patients;

/// <summary>
/// Registering a patient (/Patients/Create) or changing one (/Patients/Edit?id=): validation of every identifier,
/// the guardian of a minor, duplicate CPF refusal, the same-name-and-birth-date warning, and the search columns
/// kept in step, all in one save.
/// </summary>
public class EditModel(NeonProDbContext db, ClinicClock clock, ClinicalAccess access, IStringLocalizer<SharedResource> T) : PageModel, IEditForm
{
    string IEditForm.FormPartial => "_Form";

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public PatientInput Input { get; set; } = new();

    public bool IsNew => Id is null;
    /// <summary>The patient already holding the CPF typed (the form links to it).</summary>
    public Guid? ExistingPatientId { get; private set; }
    /// <summary>Patients with the same name and birth date: shown with the acknowledgement checkbox.</summary>
    public IReadOnlyList<PatientSearchResult> SameNameAndBirthDate { get; private set; } = [];
    public string FormAction => IsNew ? "/Patients/Create" : $"/Patients/Edit?id={Id}";

    /// <summary>
    /// The form, empty or for an existing patient. A search that found nobody links here with what was typed:
    /// a name starts the new registration (digits could be a CPF or a phone, so they are not guessed at).
    /// </summary>
    public async Task<IActionResult> OnGetAsync(string? q)
    {
        if (Id is not { } id)
        {
            if (q?.Trim() is { Length: > 0 and <= 200 } typed && typed.Any(char.IsLetter)) Input.FullName = typed;
            return Page();
        }
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
        if (patient is null) return NotFound();
        // The chart says why (anonymized, blocked, or not this person's patient).
        if (patient.AnonymizedAtUtc is not null || !(await access.ToPatientAsync(User, id, patient.RecordBlocked)).MayOpenChart)
            return Redirect($"/Patients/Chart?id={id}");
        Input = PatientInput.From(patient);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var today = DateOnly.FromDateTime(clock.Now);
        foreach (var problem in Input.Validate(today))
            ModelState.AddModelError($"{nameof(Input)}.{problem.Field}", T[problem.Message]);
        if (!ModelState.IsValid) return this.InvalidForm("_Form");

        Patient patient;
        if (Id is { } id)
        {
            var existing = await db.Patients.Include(p => p.NameTokens).FirstOrDefaultAsync(p => p.Id == id);
            if (existing is null) return NotFound();
            var granted = await access.ToPatientAsync(User, id, existing.RecordBlocked);
            if (existing.AnonymizedAtUtc is not null || granted.Access.Reason == RecordAccessReason.Blocked)
                return Refused(T["Este cadastro não pode ser alterado: o registro está bloqueado."]);
            if (!granted.MayOpenChart) return Forbid();
            patient = existing;
            db.ExpectVersion(patient, Input.Version ?? Guid.Empty);
        }
        else patient = new Patient();

        if (await RefuseDuplicateCpfAsync(patient.Id)) return this.InvalidForm("_Form");

        var nameOrBirthChanged = IsNew
            || !string.Equals(SearchText.Normalize(patient.FullName), SearchText.Normalize(Input.FullName), StringComparison.Ordinal)
            || patient.BirthDate != Input.BirthDate;
        if (nameOrBirthChanged && !Input.ConfirmDifferentPerson)
        {
            SameNameAndBirthDate = await SameNameAndBirthDateAsync(patient.Id);
            if (SameNameAndBirthDate.Count > 0)
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(PatientInput.ConfirmDifferentPerson)}",
                    T["Já existe paciente com o mesmo nome e a mesma data de nascimento. Confira se não é a mesma pessoa."]);
                return this.InvalidForm("_Form");
            }
        }

        Input.ApplyTo(patient);
        PatientSearchColumns.Refresh(patient);
        if (IsNew)
        {
            patient.CreatedAtUtc = clock.UtcNow;
            db.Patients.Add(patient);
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && patient.Cpf is not null)
        {
            // Another desk registered the same CPF between our check and our save: the unique index refused it.
            db.ChangeTracker.Clear();
            if (await RefuseDuplicateCpfAsync(patient.Id)) return this.InvalidForm("_Form");
            throw;
        }

        var chart = $"/Patients/Chart?id={patient.Id}";
        if (Request.WantsFragment())
        {
            Response.Htmx(h => h.Redirect(chart));
            return new NoContentResult();
        }
        return Redirect(chart);
    }

    private async Task<bool> RefuseDuplicateCpfAsync(Guid self)
    {
        if (!Domain.Patients.Cpf.TryParse(Input.Cpf, out var cpf)) return false;
        var holder = await db.Patients.AsNoTracking().Where(p => p.Cpf == cpf && p.Id != self).Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
        if (holder is null) return false;
        ExistingPatientId = holder;
        ModelState.AddModelError($"{nameof(Input)}.{nameof(PatientInput.Cpf)}", T["Já existe um paciente com este CPF."]);
        return true;
    }

    /// <summary>
    /// Same name ignoring accents and case (the full name, whatever social name either record has) and same birth date.
    /// SearchName starts with the normalised full name, so this is a range read on the (SearchName, BirthDate) index.
    /// </summary>
    private async Task<IReadOnlyList<PatientSearchResult>> SameNameAndBirthDateAsync(Guid self)
    {
        var name = SearchText.Normalize(Input.FullName);
        if (name.Length == 0 || Input.BirthDate is not { } birth) return [];
        var (low, high) = PatientSearch.PrefixRange(name, PatientSearch.SearchNameLength);
        var candidates = await db.Patients.AsNoTracking()
            .Where(p => p.SearchName.CompareTo(low) >= 0 && p.SearchName.CompareTo(high) <= 0 && p.BirthDate == birth
                        && p.Id != self && p.AnonymizedAtUtc == null)
            .Select(p => new { p.SearchName, Result = new PatientSearchResult(p.Id, p.SocialName != null && p.SocialName != "" ? p.SocialName : p.FullName,
                p.Cpf, p.IsForeigner, p.BirthDate, p.MobilePhone ?? p.OtherPhone) })
            .Take(50)
            .ToListAsync();
        // "maria silva" must not match "maria silvana": the full name is the whole SearchName or its first words.
        return candidates.Where(c => c.SearchName == name || c.SearchName.StartsWith(name + " ", StringComparison.Ordinal))
            .Select(c => c.Result).Take(10).ToList();
    }

    private IActionResult Refused(string message, int status = StatusCodes.Status409Conflict)
    {
        ModelState.AddModelError("", message);
        Response.StatusCode = status;
        return this.PageOrPartial("_Form");
    }
}
