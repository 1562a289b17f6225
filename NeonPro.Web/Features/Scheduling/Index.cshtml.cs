using Htmx;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Features.Patients;
using NeonPro.Web.Features.Professionals;
using NeonPro.Web.Domain.Catalog;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Htmx;
using NeonPro.Web.Infrastructure.Time;
using NeonPro.Web.Infrastructure.Web;
using NeonPro.Web.Domain;

namespace NeonPro.Web.Features.Scheduling;

/// <summary>
/// The receptionist's main screen: the scheduling grid (day/week, by professional or room), booking from a free
/// slot, the appointment panel (status, history, move) and drag-and-drop moves. Every fragment is a named handler.
/// Every write is checked against ClinicalAccess first: a professional changes and books only on their own agenda,
/// and anyone else's crafted post answers 403 with nothing written.
/// </summary>
public class IndexModel(
    NeonProDbContext db, ClinicClock clock, ScheduleGridQuery grids, BookingService booking,
    AppointmentStatusService statuses, PatientSearch patients, ClinicalAccess access, IStringLocalizer<SharedResource> T) : PageModel
{
    public ScheduleGrid Grid { get; private set; } = null!;
    public BookingForm Form { get; private set; } = new();
    public AppointmentPanel? Panel { get; private set; }

    /// <summary>The page, or just the grid when htmx navigates (same URL, so reload and back work).</summary>
    public async Task<IActionResult> OnGetAsync(string? date, string? view, string? by, Guid? professional)
    {
        Response.TimeFromHere("grid");
        Grid = await grids.LoadAsync(ParseQuery(date, view, by, professional));
        return this.PageOrPartial("_Grid", Grid);
    }

    // ---- booking ----

    public async Task<IActionResult> OnGetNewFormAsync([FromQuery] BookingInput input)
    {
        // A professional clicking a free slot in a colleague's column gets the form for their own agenda.
        if (input.ProfessionalId is { } column && !await access.MayBookAsync(User, column)) input.ProfessionalId = null;
        Form = await BuildFormAsync(input, treatmentChanged: Request.Query.ContainsKey("changed") && Request.Query["changed"] == "treatment");
        return Partial("_BookingForm", Form);
    }

    /// <summary>
    /// While the form is filled: would this time and duration run into another appointment of the professional, the
    /// room or the patient? Asked when the time, duration or room changes; the booking itself decides again on submit.
    /// </summary>
    public async Task<IActionResult> OnGetCheckAsync([FromQuery] BookingInput input) =>
        Partial("_BookingCheck", await ClashesAsync(input));

    public async Task<IActionResult> OnGetPatientOptionsAsync(string? q)
    {
        // The same search as the navigation box (name fragments, CPF digits, phone digits).
        return Partial("_PatientOptions", new PatientOptions(q, await patients.FindAsync(q)));
    }

    public async Task<IActionResult> OnPostBookAsync([FromForm] BookingInput input)
    {
        Response.TimeFromHere("book");
        var askedTreatment = input.TreatmentId;
        Form = await BuildFormAsync(input, treatmentChanged: false);
        if (input.ProfessionalId is { } professionalId && !await access.MayBookAsync(User, professionalId)) return NotYours();
        // A treatment missing from the list (not in scope that day, registration lapsed by then) still goes to the
        // booking rules, which say why in a sentence rather than "choose the treatment".
        input.TreatmentId ??= askedTreatment;
        if (!ModelState.IsValid || input.PatientId is null || input.ProfessionalId is null || input.TreatmentId is null || input.Date is null || input.Time is null)
        {
            if (input.PatientId is null) ModelState.AddModelError("Input.PatientId", T["Escolha o paciente."]);
            if (input.TreatmentId is null) ModelState.AddModelError("Input.TreatmentId", T["Escolha o tratamento."]);
            if (input.ProfessionalId is null) ModelState.AddModelError("Input.ProfessionalId", T["Escolha o profissional."]);
            // A date or time that was typed but failed to bind already has its message beside its field.
            if ((input.Date is null || input.Time is null) && !Typed("Input.Date") && !Typed("Input.Time"))
                ModelState.AddModelError("Input.Time", T["Informe a data e o horário."]);
            return this.InvalidForm("_BookingForm", Form);
        }

        var startUtc = clock.ToUtc(input.Date.Value.ToDateTime(input.Time.Value));
        var outcome = await booking.BookAsync(new BookingRequest(input.PatientId.Value, input.ProfessionalId.Value, input.TreatmentId.Value,
            input.RoomId, startUtc, input.DurationMinutes ?? 0, input.Notes, input.AcknowledgeWarnings,
            // Ticked without an outcome: Scheduled, which the booking rules refuse as a record ("choose what happened").
            RecordedAs: input.RecordAfterTheFact ? input.RecordedAs ?? AppointmentStatus.Scheduled : null), User.ActorId(), User.ActorName());

        switch (outcome.Result)
        {
            case BookingResult.Booked:
                Response.HxTrigger("appointment-changed");
                Response.HxToast(T["Agendamento criado: {0} em {1} às {2}.", Form.PatientName ?? "",
                    input.Date.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), input.Time.Value.ToString("HH:mm", CultureInfo.InvariantCulture)]);
                return Partial("_BookingDone");
            case BookingResult.NeedsAcknowledgement:
                Form.Warnings = outcome.Warnings.Select(Text).ToList();
                Form.NeedsAcknowledgement = true;
                return this.InvalidForm("_BookingForm", Form);
            default:
                foreach (var p in outcome.Problems) ModelState.AddModelError(FieldFor(p.Field), Text(p));
                Form.Warnings = outcome.Warnings.Select(Text).ToList();
                if (outcome.Result == BookingResult.Conflict)
                {
                    Response.StatusCode = StatusCodes.Status409Conflict;
                    return Partial("_BookingForm", Form);
                }
                return this.InvalidForm("_BookingForm", Form);
        }
    }

    // ---- appointment panel, status and moves ----

    public async Task<IActionResult> OnGetPanelAsync(Guid id)
    {
        Panel = await LoadPanelAsync(id);
        return Panel is null ? NotFound() : Partial("_Panel", Panel);
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, Guid version, AppointmentStatus to, string? reason)
    {
        var professionalId = await db.Appointments.AsNoTracking().Where(a => a.Id == id).Select(a => (Guid?)a.ProfessionalId).FirstOrDefaultAsync();
        if (professionalId is null) return NotFound();
        if (!await access.MayChangeAppointmentAsync(User, professionalId.Value)) return NotYours();
        var outcome = await statuses.ChangeAsync(id, version, to, reason, User.ActorId(), User.ActorName());
        Panel = await LoadPanelAsync(id);
        if (Panel is null) return NotFound();
        switch (outcome.Result)
        {
            case StatusChangeResult.Changed:
                Response.HxTrigger("appointment-changed");
                // Said aloud as well as shown: the panel may be closed by the time the grid reloads.
                Response.HxToast(T["{0} em {1} às {2}: {3}.", Panel.PatientName, Panel.StartLocal.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                    Panel.StartLocal.ToString("HH:mm", CultureInfo.InvariantCulture), StatusNames.Name(T, Panel.Appointment.Status)]);
                return Partial("_Panel", Panel);
            case StatusChangeResult.Conflict:
                ModelState.AddModelError(PanelField(outcome.Problem!.Field), Text(outcome.Problem));
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Partial("_Panel", Panel);
            default:
                ModelState.AddModelError(PanelField(outcome.Problem!.Field), Text(outcome.Problem));
                return this.InvalidForm("_Panel", Panel);
        }
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid version, Guid? professional, Guid? room, DateOnly? date, TimeOnly? time, string? by)
    {
        var current = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        if (current is null) return NotFound();
        // Dropped on a room column: same professional, new room; on a professional column: that professional, same room.
        var targetProfessional = professional ?? current.ProfessionalId;
        if (!await access.MayMoveAppointmentAsync(User, current.ProfessionalId, targetProfessional)) return NotYours();
        if (date is null || time is null)
            return MoveRefused(T["Informe a data e o horário."]);
        var targetRoom = by == "room" ? room : (room ?? current.RoomId);
        var outcome = await booking.MoveAsync(id, version, targetProfessional, targetRoom, clock.ToUtc(date.Value.ToDateTime(time.Value)), User.ActorId(), User.ActorName());
        if (outcome.Result == BookingResult.Booked)
        {
            var moved = T["Agendamento movido para {0} às {1}.", date.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), time.Value.ToString("HH:mm", CultureInfo.InvariantCulture)].Value;
            Response.HxTrigger("appointment-changed");
            Response.HxToast(moved);
            // A drop on the grid answers into the hidden live region: one sentence, not a second copy of the panel
            // (its ids would clash with the modal's and a screen reader would read all of it).
            if (Request.Headers["HX-Target"] == "move-result") return Partial("_MoveResult", moved);
            Panel = await LoadPanelAsync(outcome.Appointment!.Id);
            return Partial("_Panel", Panel!);
        }
        return MoveRefused(string.Join(" ", outcome.Problems.Select(Text)), outcome.Result == BookingResult.Conflict);
    }

    /// <summary>A refused move: it stays where it was (the grid reloads) and the reason shows as a toast.</summary>
    private IActionResult MoveRefused(string reason, bool conflict = false)
    {
        Response.StatusCode = conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        Response.HxTrigger("move-refused", new { message = reason });
        Response.Htmx(h => h.Retarget("#move-result"));
        // Through a partial: the reason names people and rooms, and htmx inserts it as HTML.
        return Partial("_MoveResult", reason);
    }

    // ---- helpers ----

    /// <summary>Someone else's appointment or agenda: refused before anything is read into the form or written (app.js toasts a 403).</summary>
    private StatusCodeResult NotYours() => StatusCode(StatusCodes.Status403Forbidden);

    /// <summary>Whether the field arrived with a value (which may have failed to bind).</summary>
    private bool Typed(string key) => ModelState.TryGetValue(key, out var entry) && !string.IsNullOrEmpty(entry.AttemptedValue);

    private string Text(BookingProblem p) => T[p.Message, p.Args.Select(Localize).ToArray()];

    private object Localize(object arg) => arg switch
    {
        AppointmentStatus s => StatusNames.Name(T, s),
        CredentialStanding c => T[EnumLabels.Of(c)].Value,
        _ => arg,
    };

    /// <summary>The panel's form field a status-change problem belongs to (see AppointmentPanel.ErrorKeys).</summary>
    private static string PanelField(string field) => field switch
    {
        "Status" => "to",
        "Reason" => "reason",
        _ => "",
    };

    private static string FieldFor(string field) => field switch
    {
        "" => "",
        "StartUtc" => "Input.Time",
        _ => "Input." + field,
    };

    /// <summary>The booking rules' overlaps for what the form holds so far, as sentences (none until time and duration are known).</summary>
    private async Task<IReadOnlyList<string>> ClashesAsync(BookingInput input)
    {
        if (input is not { ProfessionalId: { } professionalId, Date: { } date, Time: { } time, DurationMinutes: { } minutes }) return [];
        // Another professional's agenda is not this person's to read (a professional books only on their own).
        if (!await access.MayBookAsync(User, professionalId)) return [];
        var found = await booking.ClashesAsync(professionalId, input.PatientId, input.RoomId, clock.ToUtc(date.ToDateTime(time)), minutes);
        return found.Select(Text).ToList();
    }

    private GridQuery ParseQuery(string? date, string? view, string? by, Guid? professional)
    {
        var d = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed : DateOnly.FromDateTime(clock.Now);
        var v = string.Equals(view, "week", StringComparison.OrdinalIgnoreCase) ? GridView.Week : GridView.Day;
        var a = string.Equals(by, "room", StringComparison.OrdinalIgnoreCase) ? GridAxis.Room : GridAxis.Professional;
        return new GridQuery(d, v, a, professional);
    }

    private async Task<BookingForm> BuildFormAsync(BookingInput input, bool treatmentChanged)
    {
        var today = DateOnly.FromDateTime(clock.Now);
        var form = new BookingForm { Input = input };
        form.Professionals = await BookableProfessionalsAsync();
        input.ProfessionalId ??= form.Professionals.FirstOrDefault()?.Id;
        // A new form starts today; a date that was typed and failed to bind stays as typed, with its message.
        if (!Typed("Input.Date")) input.Date ??= today;
        form.MayRecordPast = User.IsInRole(Roles.Manager) || User.IsInRole(Roles.Admin);

        if (input.PatientId is { } patientId)
            form.PatientName = await db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => p.SocialName ?? p.FullName).FirstOrDefaultAsync();

        // Only treatments this professional may perform on that date (scope rule), with their default durations.
        if (input.ProfessionalId is { } proId)
        {
            var pro = await db.Professionals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == proId);
            if (pro is not null)
            {
                var date = input.Date ?? today;
                var overrides = await db.ProfessionalScopes.AsNoTracking().Where(s => s.ProfessionalId == proId).ToListAsync();
                var treatments = await db.Treatments.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name).ToListAsync();
                var standing = pro.StandingOn(date);
                form.Treatments = treatments
                    .Select(t => (t, d: ScopeRule.Decide(pro.Profession, standing, pro.IsActive, pro.RequiresSupervision, t.AllowedProfessions, t.IsActive,
                        overrides.Where(o => o.TreatmentId == t.Id).Select(o => o.AsOverride()), date)))
                    .Where(x => x.d.MayPerform)
                    .Select(x => new TreatmentOption(x.t.Id, x.t.Name, x.t.DurationMinutes, x.d.Mode == ScopeMode.Supervised))
                    .ToList();
                form.ProfessionalStanding = standing;

                // A day this professional cannot be booked at all: said with the date, and the form cannot be sent.
                var weekly = await db.WorkingHours.AsNoTracking().Where(w => w.ProfessionalId == proId)
                    .Select(w => new WeeklyInterval(w.Day, w.Start, w.End)).ToListAsync();
                var exceptions = await db.AvailabilityExceptions.AsNoTracking().Where(e => e.ProfessionalId == proId && e.Date == date)
                    .Select(e => new AvailabilityException(e.Date, e.Kind, e.Start, e.End)).ToListAsync();
                var closed = await db.ClinicClosedDays.AsNoTracking().AnyAsync(c => c.Date == date);
                var reason = BookableDay.Check(date, closed, standing, pro.IsActive, weekly, exceptions);
                if (reason != DayUnavailable.None)
                    form.Unavailable = T["Não é possível agendar com {0} em {1}: {2}.", pro.FullName, AgendaText.Day(date, CultureInfo.CurrentCulture),
                        AgendaText.InSentence(AgendaText.Reason(T, reason, standing), CultureInfo.CurrentCulture)];
            }
        }
        form.DateName = AgendaText.Day(input.Date ?? today, CultureInfo.CurrentCulture);
        if (input.TreatmentId is { } tid && form.Treatments.All(t => t.Id != tid)) input.TreatmentId = null;
        var chosen = form.Treatments.FirstOrDefault(t => t.Id == input.TreatmentId);
        if (chosen is not null && (treatmentChanged || input.DurationMinutes is null)) input.DurationMinutes = chosen.DurationMinutes;
        input.DurationMinutes ??= 30;

        // Only rooms with the equipment the chosen treatment requires.
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.IsActive).Include(r => r.Equipment).OrderBy(r => r.Name).ToListAsync();
        if (input.TreatmentId is { } treatmentId)
        {
            var required = await db.Treatments.AsNoTracking().Where(t => t.Id == treatmentId).SelectMany(t => t.RequiredEquipment.Select(e => e.Id)).ToListAsync();
            rooms = rooms.Where(r => EquipmentFit.Fits(required, r.Equipment.Select(e => e.Id))).ToList();
            form.RoomRequired = required.Count > 0;
        }
        form.Rooms = rooms.Select(r => new Option(r.Id, r.Name)).ToList();
        form.Clashes = await ClashesAsync(input);
        if (input.RoomId is { } rid && form.Rooms.All(r => r.Id != rid)) input.RoomId = null;
        return form;
    }

    /// <summary>The agendas this person may book on: everyone's for the front desk, their own for a professional.</summary>
    private async Task<IReadOnlyList<Option>> BookableProfessionalsAsync()
    {
        var active = db.Professionals.AsNoTracking().Where(p => p.IsActive);
        if (!ClinicalAccess.RolesOf(User).RunsTheWholeAgenda)
        {
            var me = await access.MyProfessionalIdAsync(User);
            active = active.Where(p => p.Id == me);
        }
        return await active.OrderBy(p => p.FullName).Select(p => new Option(p.Id, p.FullName)).ToListAsync();
    }

    private async Task<AppointmentPanel?> LoadPanelAsync(Guid id)
    {
        var a = await db.Appointments.AsNoTracking().Include(x => x.History).FirstOrDefaultAsync(x => x.Id == id);
        if (a is null) return null;
        var patient = await db.Patients.AsNoTracking().Include(p => p.HealthProfile).FirstAsync(p => p.Id == a.PatientId);
        var panel = new AppointmentPanel
        {
            Appointment = a,
            PatientName = patient.DisplayName,
            PatientId = patient.Id,
            Allergies = patient.HealthProfile is { NoKnownAllergies: false } hp ? hp.Allergies : null,
            IsMinor = patient.IsMinorOn(DateOnly.FromDateTime(clock.Now)),
            ProfessionalName = await db.Professionals.AsNoTracking().Where(p => p.Id == a.ProfessionalId).Select(p => p.FullName).FirstAsync(),
            SupervisorName = a.SupervisorId is { } s ? await db.Professionals.AsNoTracking().Where(p => p.Id == s).Select(p => p.FullName).FirstOrDefaultAsync() : null,
            TreatmentName = await db.Treatments.AsNoTracking().Where(t => t.Id == a.TreatmentId).Select(t => t.Name).FirstAsync(),
            RoomName = a.RoomId is { } r ? await db.Rooms.AsNoTracking().Where(x => x.Id == r).Select(x => x.Name).FirstOrDefaultAsync() : null,
            StartLocal = clock.ToClinicTime(a.StartUtc),
            EndLocal = clock.ToClinicTime(a.EndUtc),
            // The panel offers only what this person may do: someone else's appointment shows, but without its buttons.
            CanChange = await access.MayChangeAppointmentAsync(User, a.ProfessionalId),
            NextStatuses = AppointmentStateMachine.NextFrom(a.Status).Where(s => s != AppointmentStatus.Rescheduled).ToList(),
            Professionals = await BookableProfessionalsAsync(),
            History = a.History.OrderBy(h => h.AtUtc).Select(h => new HistoryLine(clock.ToClinicTime(h.AtUtc), h.From, h.To, h.ByName, h.Note)).ToList(),
        };
        return panel;
    }
}

public sealed class BookingInput
{
    [Display(Name = "Paciente")] public Guid? PatientId { get; set; }
    [Display(Name = "Profissional")] public Guid? ProfessionalId { get; set; }
    [Display(Name = "Tratamento")] public Guid? TreatmentId { get; set; }
    [Display(Name = "Sala")] public Guid? RoomId { get; set; }
    [Display(Name = "Data")] public DateOnly? Date { get; set; }
    [Display(Name = "Horário")] public TimeOnly? Time { get; set; }
    [Display(Name = "Duração (min)")]
    [Range(BookingService.MinimumDuration, BookingService.MaximumDuration, ErrorMessage = "A duração deve ficar entre {1} e {2} minutos.")]
    public int? DurationMinutes { get; set; }
    [Display(Name = "Observações")][StringLength(1000, ErrorMessage = "Use no máximo {1} caracteres.")] public string? Notes { get; set; }
    [Display(Name = "Estou ciente dos avisos acima")] public bool AcknowledgeWarnings { get; set; }
    /// <summary>A manager recording a visit that already happened (the booking rules check the role again).</summary>
    [Display(Name = "Registrar atendimento já realizado")] public bool RecordAfterTheFact { get; set; }
    [Display(Name = "O que aconteceu")] public AppointmentStatus? RecordedAs { get; set; }
}

public sealed record Option(Guid Id, string Name);
/// <summary>The booking form's patient picker: who the search found for what was typed.</summary>
public sealed record PatientOptions(string? Query, IReadOnlyList<PatientSearchResult> Found);
public sealed record TreatmentOption(Guid Id, string Name, int DurationMinutes, bool Supervised);

public sealed class BookingForm
{
    public BookingInput Input { get; set; } = new();
    public string? PatientName { get; set; }
    public IReadOnlyList<Option> Professionals { get; set; } = [];
    public IReadOnlyList<TreatmentOption> Treatments { get; set; } = [];
    public IReadOnlyList<Option> Rooms { get; set; } = [];
    public bool RoomRequired { get; set; }
    public CredentialStanding ProfessionalStanding { get; set; }
    public IReadOnlyList<string> Warnings { get; set; } = [];
    /// <summary>Why this professional cannot be booked on the chosen date at all (the submit button is disabled), or null.</summary>
    public string? Unavailable { get; set; }
    /// <summary>The chosen date as messages name it ("segunda-feira, 30/11").</summary>
    public string DateName { get; set; } = "";
    /// <summary>Overlaps the chosen time and duration already run into, flagged before the form is sent.</summary>
    public IReadOnlyList<string> Clashes { get; set; } = [];
    public bool NeedsAcknowledgement { get; set; }
    /// <summary>Offers "Registrar atendimento já realizado" (managers and admins only).</summary>
    public bool MayRecordPast { get; set; }
}

public sealed record HistoryLine(DateTime AtLocal, AppointmentStatus? From, AppointmentStatus To, string? ByName, string? Note);

public sealed class AppointmentPanel
{
    public required Appointment Appointment { get; init; }
    public required string PatientName { get; init; }
    public required Guid PatientId { get; init; }
    public string? Allergies { get; init; }
    public bool IsMinor { get; init; }
    public required string ProfessionalName { get; init; }
    public string? SupervisorName { get; init; }
    public required string TreatmentName { get; init; }
    public string? RoomName { get; init; }
    public DateTime StartLocal { get; init; }
    public DateTime EndLocal { get; init; }
    /// <summary>This person may change its status, move or cancel it (ClinicalAccess).</summary>
    public bool CanChange { get; init; }
    public required IReadOnlyList<AppointmentStatus> NextStatuses { get; init; }
    public required IReadOnlyList<Option> Professionals { get; init; }
    public required IReadOnlyList<HistoryLine> History { get; init; }

    /// <summary>The ModelState keys of the panel's messages: the status asked for, the cancellation reason, and the panel as a whole.</summary>
    public static readonly string[] ErrorKeys = ["", "to", "reason"];
}

/// <summary>pt-BR names of appointment statuses (localized through the shared resource).</summary>
public static class StatusNames
{
    public static string Name(IStringLocalizer T, AppointmentStatus s) => s switch
    {
        AppointmentStatus.Scheduled => T["Agendado"],
        AppointmentStatus.Confirmed => T["Confirmado"],
        AppointmentStatus.Arrived => T["Chegou"],
        AppointmentStatus.InProgress => T["Em atendimento"],
        AppointmentStatus.Completed => T["Concluído"],
        AppointmentStatus.Cancelled => T["Cancelado"],
        AppointmentStatus.NoShow => T["Faltou"],
        AppointmentStatus.Rescheduled => T["Remarcado"],
        _ => s.ToString(),
    };

    /// <summary>The button a status change is offered as.</summary>
    public static string Action(IStringLocalizer T, AppointmentStatus to) => to switch
    {
        AppointmentStatus.Confirmed => T["Confirmar"],
        AppointmentStatus.Arrived => T["Registrar chegada"],
        AppointmentStatus.InProgress => T["Iniciar atendimento"],
        AppointmentStatus.Completed => T["Concluir"],
        AppointmentStatus.Cancelled => T["Cancelar agendamento"],
        AppointmentStatus.NoShow => T["Registrar falta"],
        _ => Name(T, to),
    };
}
