using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Scheduling;

/// <summary>The scheduling grid and booking through the real HTTP pipeline, as the receptionist's browser sends them.</summary>
/// <summary>"Vence em até 30 dias" and the day shown are about the clinic's day: on a held clock.</summary>
public sealed class SchedulingPageTests(FakeClockFactory app) : IClassFixture<FakeClockFactory>
{
    private static KeyValuePair<string, string> F(string k, string v) => new(k, v);

    [Fact]
    public async Task The_day_grid_shows_the_professional_and_the_booked_appointment()
    {
        var w = await SchedulingWorld.CreateAsync(app);
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var start = SchedulingWorld.NextMondayUtc(10);
        var response = await client.PostFormAsync("/Scheduling", "/Scheduling?handler=Book", w.BookingFields(w.PatientIds[0], start), htmx: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("appointment-changed", response.Headers.GetValues("HX-Trigger").Single());

        var date = start.AddHours(-3).ToString("yyyy-MM-dd");
        var doc = await client.GetDocumentAsync($"/Scheduling?date={date}&view=day&by=professional");
        var column = doc.QuerySelector($".sched-col[data-col='{w.ProfessionalId}']");
        Assert.NotNull(column);
        var block = Assert.Single(column!.QuerySelectorAll(".appt"));
        Assert.Contains("10:00 Paciente Agenda 0", block.TextContent);
        Assert.Contains("Agendado", block.TextContent);
        // Free slots are cells of the grid, named as free.
        Assert.NotEmpty(column.QuerySelectorAll(".slot.free[role=gridcell][aria-label^='Horário livre']"));
    }

    [Fact]
    public async Task Grid_and_booking_answers_carry_the_time_spent_on_the_server()
    {
        // The scheduling benchmark reports these figures; a clinic can read them in the browser's developer tools.
        var w = await SchedulingWorld.CreateAsync(app);
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var start = SchedulingWorld.NextMondayUtc(15);
        var booked = await client.PostFormAsync("/Scheduling", "/Scheduling?handler=Book", w.BookingFields(w.PatientIds[0], start), htmx: true);
        Assert.Equal(HttpStatusCode.OK, booked.StatusCode);
        Assert.Matches(@"^book;dur=\d+\.\d\d$", booked.Headers.GetValues("Server-Timing").Single());

        var grid = await client.GetAsync($"/Scheduling?date={start.AddHours(-3):yyyy-MM-dd}&view=week&by=professional");
        Assert.Equal(HttpStatusCode.OK, grid.StatusCode);
        Assert.Matches(@"^grid;dur=\d+\.\d\d$", grid.Headers.GetValues("Server-Timing").Single());
    }

    [Fact]
    public async Task A_column_whose_registration_lapses_soon_says_so_in_words_not_only_in_colour()
    {
        var w = await SchedulingWorld.CreateAsync(app);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NeonProDbContext>();
            var professional = await db.Professionals.SingleAsync(p => p.Id == w.ProfessionalId);
            professional.CardValidUntil = app.ClinicToday.AddDays(10);
            await db.SaveChangesAsync();
        });
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);

        var doc = await client.GetDocumentAsync($"/Scheduling?date={app.ClinicToday:yyyy-MM-dd}&view=day&by=professional&professional={w.ProfessionalId}");
        var head = doc.QuerySelector($".sched-col[data-col='{w.ProfessionalId}'] .sched-head");
        Assert.NotNull(head);
        Assert.Contains("standing-amber", head!.ClassName);
        Assert.Equal("Dra. Teste Agenda (Registro no conselho vence em até 30 dias)", head.GetAttribute("title"));
        Assert.Equal("(Registro no conselho vence em até 30 dias)", head.QuerySelector(".visually-hidden")?.TextContent.Trim());
    }

    [Fact]
    public async Task The_booking_forms_patient_search_offers_registration_in_another_tab_when_it_finds_nobody()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var html = FormPosting.Parse(await client.GetStringAsync("/Scheduling?handler=PatientOptions&q=" + Uri.EscapeDataString("Zuleica Nenhuma")));

        Assert.Contains("Nenhum paciente encontrado.", html.Body!.TextContent);
        var link = html.QuerySelector("a[href='/Patients/Create?q=Zuleica%20Nenhuma']");
        Assert.NotNull(link);
        Assert.Equal("_blank", link!.GetAttribute("target"));
        Assert.Contains("noopener", link.GetAttribute("rel"));
    }

    [Fact]
    public async Task An_overlapping_booking_is_refused_with_a_readable_reason_and_nothing_written()
    {
        var w = await SchedulingWorld.CreateAsync(app);
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var start = SchedulingWorld.NextMondayUtc(11);
        Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("/Scheduling", "/Scheduling?handler=Book", w.BookingFields(w.PatientIds[0], start), htmx: true)).StatusCode);

        var refused = await client.PostFormAsync("/Scheduling", "/Scheduling?handler=Book", w.BookingFields(w.PatientIds[1], start.AddMinutes(30)), htmx: true);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var text = FormPosting.Text(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Dra. Teste Agenda já tem um agendamento das 11:00–12:00.", text);
        var count = await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().Appointments.CountAsync(a => a.ProfessionalId == w.ProfessionalId));
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task Booking_past_the_end_of_the_professionals_registration_says_so_rather_than_asking_for_a_treatment()
    {
        var w = await SchedulingWorld.CreateAsync(app);
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        // The card is valid for one year; two years ahead it has lapsed.
        var start = SchedulingWorld.NextMondayUtc(10).AddDays(7 * 104);
        var date = start.AddHours(-3).ToString("yyyy-MM-dd");

        var form = await client.GetDocumentAsync($"/Scheduling?handler=NewForm&Input.ProfessionalId={w.ProfessionalId}&Input.Date={date}");
        Assert.Contains("Não é possível agendar com Dra. Teste Agenda em ", form.Body!.TextContent);
        Assert.Contains(": carteira/anuidade vencida.", form.Body!.TextContent);
        Assert.True(form.QuerySelector("#booking-form button[type=submit]")!.HasAttribute("disabled"));

        var refused = await client.PostFormAsync("/Scheduling", "/Scheduling?handler=Book", w.BookingFields(w.PatientIds[0], start), htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var text = FormPosting.Text(await refused.Content.ReadAsStringAsync());
        Assert.Contains("O registro de Dra. Teste Agenda no conselho não está regular", text);
        Assert.DoesNotContain("Escolha o tratamento.", text);
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().Appointments.CountAsync(a => a.ProfessionalId == w.ProfessionalId)));
    }

    [Fact]
    public Task Twenty_concurrent_booking_posts_create_exactly_one_appointment() => BookingRace.TwentyOverlappingPostsMakeExactlyOneBookingAsync(app);

    [Fact]
    public async Task Checking_in_then_completing_follows_the_status_machine_and_keeps_history()
    {
        var w = await SchedulingWorld.CreateAsync(app);
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var start = SchedulingWorld.NextMondayUtc(9);
        await client.PostFormAsync("/Scheduling", "/Scheduling?handler=Book", w.BookingFields(w.PatientIds[2], start), htmx: true);
        async Task<Appointment> Current() => await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().Appointments.AsNoTracking()
            .SingleAsync(a => a.PatientId == w.PatientIds[2]));

        async Task<HttpResponseMessage> Change(AppointmentStatus to, Guid? version = null)
        {
            var a = await Current();
            return await client.PostFormAsync("/Scheduling", "/Scheduling?handler=Status",
                [F("id", a.Id.ToString()), F("version", (version ?? a.Version).ToString()), F("to", to.ToString())], htmx: true);
        }

        // Completing straight from Scheduled is refused by the state machine.
        var refused = await Change(AppointmentStatus.Completed);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Não é possível passar de Agendado para Concluído.", FormPosting.Text(await refused.Content.ReadAsStringAsync()));

        var stale = (await Current()).Version;
        Assert.Equal(HttpStatusCode.OK, (await Change(AppointmentStatus.Arrived)).StatusCode);
        // A second receptionist still holding the old version is told who changed it.
        var conflict = await Change(AppointmentStatus.Cancelled, stale);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Matches(@"Alterado por Teste Receptionist às \d{2}:\d{2}; recarregue\.", FormPosting.Text(await conflict.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.OK, (await Change(AppointmentStatus.InProgress)).StatusCode);
        var done = await Change(AppointmentStatus.Completed);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var panel = FormPosting.Text(await done.Content.ReadAsStringAsync());
        Assert.Contains("Concluído", panel);
        Assert.Contains("Chegou → Em atendimento", panel);
        Assert.Equal(AppointmentStatus.Completed, (await Current()).Status);
    }

    [Fact]
    public async Task A_refused_move_leaves_the_appointment_where_it_was()
    {
        var w = await SchedulingWorld.CreateAsync(app);
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var nine = SchedulingWorld.NextMondayUtc(9);
        await client.PostFormAsync("/Scheduling", "/Scheduling?handler=Book", w.BookingFields(w.PatientIds[0], nine), htmx: true);
        await client.PostFormAsync("/Scheduling", "/Scheduling?handler=Book", w.BookingFields(w.PatientIds[1], nine.AddHours(2)), htmx: true);
        var first = await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().Appointments.AsNoTracking().SingleAsync(a => a.PatientId == w.PatientIds[0]));

        var local = nine.AddHours(2).AddHours(-3);
        var move = await client.PostFormAsync("/Scheduling", "/Scheduling?handler=Move",
        [
            F("id", first.Id.ToString()), F("version", first.Version.ToString()), F("professional", w.ProfessionalId.ToString()),
            F("date", local.ToString("yyyy-MM-dd")), F("time", local.ToString("HH:mm")), F("by", "professional"),
        ], htmx: true);
        Assert.Equal(HttpStatusCode.Conflict, move.StatusCode);
        Assert.Contains("move-refused", move.Headers.GetValues("HX-Trigger").Single());
        var after = await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().Appointments.AsNoTracking().SingleAsync(a => a.Id == first.Id));
        Assert.Equal(first.StartUtc, after.StartUtc);
        Assert.Equal(AppointmentStatus.Scheduled, after.Status);
    }
}
