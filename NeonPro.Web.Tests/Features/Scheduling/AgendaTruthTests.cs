using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Scheduling;

/// <summary>
/// The agenda tells the truth at a glance (issue 13, item 1): occupied times are not offered as free, a professional who
/// cannot be booked that day says why in words and the form cannot be sent, messages name the chosen date, a closed day
/// says so, and a status change says what happened.
/// </summary>
public sealed class AgendaTruthTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(utc.AddHours(-3));

    /// <summary>Everything in the grid a person can reach and is told is free, for one column.</summary>
    private static IEnumerable<IElement> FreeSlots(IElement column) =>
        column.QuerySelectorAll("[aria-label]").Where(e => e.GetAttribute("aria-label")!.StartsWith("Horário livre", StringComparison.Ordinal));

    private async Task<IElement> DayColumnAsync(HttpClient client, SchedulingWorld w, DateOnly day)
    {
        var doc = await client.GetDocumentAsync($"/Scheduling?date={Iso(day)}&view=day&by=professional&professional={w.ProfessionalId}");
        return doc.QuerySelector($".sched-col[data-col='{w.ProfessionalId}']") ?? throw new InvalidOperationException("no column for the professional");
    }

    private Task ChangeProfessionalAsync(Guid id, Action<Professional> change) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<NeonProDbContext>();
        change(await db.Professionals.SingleAsync(p => p.Id == id));
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Times_under_an_appointment_are_not_offered_as_free_slots()
    {
        var w = await SchedulingWorld.CreateAsync(app);
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var ten = SchedulingWorld.NextMondayUtc(10);
        var booked = await client.PostFormAsync("/Scheduling", "/Scheduling?handler=Book", w.BookingFields(w.PatientIds[0], ten, minutes: 60), htmx: true);
        Assert.Equal(HttpStatusCode.OK, booked.StatusCode);

        var column = await DayColumnAsync(client, w, LocalDate(ten));
        var free = FreeSlots(column).Select(e => e.GetAttribute("data-time")).ToList();
        // 10:00–11:00 is taken: none of its four 15-minute slots is offered, nor can be focused.
        Assert.DoesNotContain("10:00", free);
        Assert.DoesNotContain("10:15", free);
        Assert.DoesNotContain("10:30", free);
        Assert.DoesNotContain("10:45", free);
        foreach (var time in new[] { "10:00", "10:15", "10:30", "10:45" })
        {
            var slot = column.QuerySelector($".slot[data-time='{time}']");
            Assert.NotNull(slot);
            Assert.NotEqual("BUTTON", slot!.TagName);
            Assert.Null(slot.GetAttribute("tabindex"));
        }
        // The times around it still are.
        Assert.Contains("09:45", free);
        Assert.Contains("11:00", free);
        Assert.Single(column.QuerySelectorAll(".appt"));
    }

    [Fact]
    public async Task The_booking_form_flags_a_duration_that_runs_into_the_next_appointment_before_it_is_sent()
    {
        var w = await SchedulingWorld.CreateAsync(app);
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var ten = SchedulingWorld.NextMondayUtc(10);
        Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("/Scheduling", "/Scheduling?handler=Book", w.BookingFields(w.PatientIds[0], ten, minutes: 30), htmx: true)).StatusCode);
        var date = Iso(LocalDate(ten));

        // 09:30 for 45 minutes runs 15 minutes into the 10:00 booking: said while the form is being filled.
        var clash = await client.GetDocumentAsync(
            $"/Scheduling?handler=Check&Input.ProfessionalId={w.ProfessionalId}&Input.PatientId={w.PatientIds[1]}&Input.Date={date}&Input.Time=09:30&Input.DurationMinutes=45");
        Assert.Contains("Dra. Teste Agenda já tem um agendamento das 10:00–10:30.", clash.Body!.TextContent);

        // 09:30 for 30 minutes ends as the booking starts: nothing to flag.
        var fits = await client.GetDocumentAsync(
            $"/Scheduling?handler=Check&Input.ProfessionalId={w.ProfessionalId}&Input.PatientId={w.PatientIds[1]}&Input.Date={date}&Input.Time=09:30&Input.DurationMinutes=30");
        Assert.DoesNotContain("já tem um agendamento", fits.Body!.TextContent);

        // The form opened from a slot computes the same, so a long default duration is flagged as soon as it shows.
        var form = await client.GetDocumentAsync(
            $"/Scheduling?handler=NewForm&Input.ProfessionalId={w.ProfessionalId}&Input.Date={date}&Input.Time=09:30&Input.DurationMinutes=60");
        Assert.Contains("Dra. Teste Agenda já tem um agendamento das 10:00–10:30.", form.QuerySelector("#booking-check")!.TextContent);
    }

    [Fact]
    public async Task A_suspended_professionals_column_is_unavailable_with_the_reason_in_words_and_offers_no_free_slot()
    {
        var w = await SchedulingWorld.CreateAsync(app);
        await ChangeProfessionalAsync(w.ProfessionalId, p => p.RegistrationStatus = RegistrationStatus.Suspended);
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);

        var column = await DayColumnAsync(client, w, LocalDate(SchedulingWorld.NextMondayUtc(10)));

        Assert.Empty(FreeSlots(column));
        Assert.Empty(column.QuerySelectorAll("button.slot, [tabindex]:not(.appt)"));
        var reason = column.QuerySelector(".col-unavailable");
        Assert.NotNull(reason);
        // In words on the page, not only in a colour, a title or text only a screen reader gets.
        Assert.Contains("Registro suspenso", reason!.TextContent);
        Assert.DoesNotContain("visually-hidden", reason.ClassName ?? "");
        Assert.Null(reason.Closest(".visually-hidden"));
    }

    [Fact]
    public async Task A_professional_on_a_day_off_shows_a_column_unavailable_for_that_reason()
    {
        var w = await SchedulingWorld.CreateAsync(app);
        var monday = LocalDate(SchedulingWorld.NextMondayUtc(10)).AddDays(7 * 3);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NeonProDbContext>();
            db.AvailabilityExceptions.Add(new ProfessionalAvailabilityException { ProfessionalId = w.ProfessionalId, Date = monday, Kind = AvailabilityExceptionKind.TimeOff });
            await db.SaveChangesAsync();
        });
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);

        var column = await DayColumnAsync(client, w, monday);

        Assert.Empty(FreeSlots(column));
        Assert.Contains("Folga", column.QuerySelector(".col-unavailable")!.TextContent);
    }

    [Fact]
    public async Task The_booking_form_for_a_suspended_professional_cannot_be_sent_and_names_the_chosen_date()
    {
        var w = await SchedulingWorld.CreateAsync(app);
        await ChangeProfessionalAsync(w.ProfessionalId, p => p.RegistrationStatus = RegistrationStatus.Suspended);
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var monday = LocalDate(SchedulingWorld.NextMondayUtc(10));

        var form = await client.GetDocumentAsync($"/Scheduling?handler=NewForm&Input.ProfessionalId={w.ProfessionalId}&Input.Date={Iso(monday)}&Input.Time=10:00");
        var text = FormPosting.Text(form.Body!.OuterHtml);

        var named = monday.ToString("dddd, dd/MM", PtBr); // "segunda-feira, 30/11"
        Assert.Contains($"Não é possível agendar com Dra. Teste Agenda em {named}: registro suspenso.", text);
        Assert.Contains($"Este profissional não pode realizar nenhum tratamento ativo em {named}.", text);
        Assert.DoesNotContain("hoje", text);
        var submit = form.QuerySelector("#booking-form button[type=submit]");
        Assert.NotNull(submit);
        Assert.True(submit!.HasAttribute("disabled"));
        Assert.Contains("booking-unavailable", submit.GetAttribute("aria-describedby") ?? "");

        // The server still refuses a crafted post.
        var refused = await client.PostFormAsync("/Scheduling", "/Scheduling?handler=Book", w.BookingFields(w.PatientIds[0], SchedulingWorld.NextMondayUtc(10)), htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
    }

    [Fact]
    public async Task A_day_the_professional_does_not_work_names_that_day_in_the_booking_form()
    {
        var w = await SchedulingWorld.CreateAsync(app);
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var sunday = LocalDate(SchedulingWorld.NextMondayUtc(10)).AddDays(6);

        var form = await client.GetDocumentAsync($"/Scheduling?handler=NewForm&Input.ProfessionalId={w.ProfessionalId}&Input.Date={Iso(sunday)}&Input.Time=10:00");

        Assert.Contains($"Não é possível agendar com Dra. Teste Agenda em {sunday.ToString("dddd, dd/MM", PtBr)}: não atende neste dia.", FormPosting.Text(form.Body!.OuterHtml));
        Assert.True(form.QuerySelector("#booking-form button[type=submit]")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_day_nobody_works_shows_a_message_instead_of_an_empty_grid()
    {
        var w = await SchedulingWorld.CreateAsync(app);
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var sunday = LocalDate(SchedulingWorld.NextMondayUtc(10)).AddDays(6);

        // Every professional of this clinic works Monday to Saturday.
        var doc = await client.GetDocumentAsync($"/Scheduling?date={Iso(sunday)}&view=day&by=professional");

        Assert.Null(doc.QuerySelector(".sched-day"));
        var message = doc.QuerySelector("#schedule-grid .agenda-closed");
        Assert.NotNull(message);
        Assert.Contains($"{PtBr.TextInfo.ToTitleCase(sunday.ToString("dddd", PtBr))}, {sunday:dd/MM}: nenhum profissional atende neste dia.", message!.TextContent);
    }

    [Fact]
    public async Task A_closed_day_shows_a_message_with_its_name_instead_of_an_empty_grid()
    {
        var w = await SchedulingWorld.CreateAsync(app);
        var holiday = LocalDate(SchedulingWorld.NextMondayUtc(10)).AddDays(7 * 20);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NeonProDbContext>();
            db.ClinicClosedDays.Add(new ClinicClosedDay { Date = holiday, Name = "Recesso da clínica" });
            await db.SaveChangesAsync();
        });
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);

        var doc = await client.GetDocumentAsync($"/Scheduling?date={Iso(holiday)}&view=day&by=professional");

        Assert.Null(doc.QuerySelector(".sched-day"));
        Assert.Contains($"{holiday:dd/MM}: clínica fechada (Recesso da clínica).", doc.QuerySelector("#schedule-grid .agenda-closed")!.TextContent);
    }

    [Fact]
    public async Task Week_chips_show_the_status_in_words_and_are_one_tab_stop_with_the_rest_of_the_week()
    {
        var w = await SchedulingWorld.CreateAsync(app);
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var ten = SchedulingWorld.NextMondayUtc(10);
        Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("/Scheduling", "/Scheduling?handler=Book", w.BookingFields(w.PatientIds[0], ten), htmx: true)).StatusCode);

        var doc = await client.GetDocumentAsync($"/Scheduling?date={Iso(LocalDate(ten))}&view=week&by=professional&professional={w.ProfessionalId}");
        var chip = Assert.Single(doc.QuerySelectorAll(".sched-week .chip"));
        // Not by colour alone: the status is in the chip's words (its name reads time, full name, status).
        Assert.Equal("10:00 Paciente Agenda 0 Agendado", FormPosting.Text(chip.OuterHtml));
        Assert.Equal("Agendado", chip.QuerySelector("small")?.TextContent);
        // The week is an ARIA grid whose links and chips leave the Tab order to the roving Tab stop.
        Assert.Equal("grid", doc.QuerySelector(".sched-week")!.GetAttribute("role"));
        Assert.Equal("-1", chip.GetAttribute("tabindex"));
        Assert.All(doc.QuerySelectorAll(".sched-week thead a"), a => Assert.Equal("-1", a.GetAttribute("tabindex")));
    }

    [Fact]
    public async Task A_status_change_answers_with_a_toast_naming_the_patient_date_time_and_new_status()
    {
        var w = await SchedulingWorld.CreateAsync(app);
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var nine = SchedulingWorld.NextMondayUtc(9);
        var booked = await client.PostFormAsync("/Scheduling", "/Scheduling?handler=Book", w.BookingFields(w.PatientIds[1], nine), htmx: true);
        var local = nine.AddHours(-3);
        Assert.Equal($"Agendamento criado: Paciente Agenda 1 em {local:dd/MM/yyyy} às 09:00.", Toast(booked));
        var a = await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().Appointments.AsNoTracking().SingleAsync(x => x.PatientId == w.PatientIds[1]));

        var confirmed = await client.PostFormAsync("/Scheduling", "/Scheduling?handler=Status",
            [new("id", a.Id.ToString()), new("version", a.Version.ToString()), new("to", nameof(AppointmentStatus.Confirmed))], htmx: true);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal($"Paciente Agenda 1 em {local:dd/MM/yyyy} às 09:00: Confirmado.", Toast(confirmed));
    }

    private static string? Toast(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("HX-Trigger", out var values)) return null;
        using var json = JsonDocument.Parse(values.Single());
        return json.RootElement.TryGetProperty("toast", out var toast) ? toast.GetProperty("message").GetString() : null;
    }
}
