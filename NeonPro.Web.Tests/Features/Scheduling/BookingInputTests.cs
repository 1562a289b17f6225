using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Features.Scheduling;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Scheduling;

/// <summary>
/// What the booking form does with input it cannot use: a value that fails to bind, notes over the limit, a start in
/// the past. Each gets a message beside its field, the form keeps what was typed, and nothing is written.
/// </summary>
public sealed class BookingInputTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> fields, string key, string value) =>
        fields.Where(f => f.Key != key).Append(new(key, value)).ToList();

    private static async Task<IHtmlDocument> FormOfAsync(HttpResponseMessage response) =>
        FormPosting.Parse(await response.Content.ReadAsStringAsync());

    /// <summary>The message shown beside an input: the error span that follows it in its column.</summary>
    private static string MessageBeside(IHtmlDocument form, string inputId) =>
        form.QuerySelector($"#{inputId}")!.ParentElement!.QuerySelector(".field-validation-error")?.TextContent.Trim() ?? "";

    private async Task<List<Appointment>> AppointmentsOfAsync(Guid patientId)
    {
        await using var db = app.NewDbContext();
        return await db.Appointments.AsNoTracking().Include(a => a.History).Where(a => a.PatientId == patientId).ToListAsync();
    }

    private static DateTime TwoWeeksAgoMondayUtc(int localHour) => SchedulingWorld.NextMondayUtc(localHour).AddDays(-14);

    [Fact]
    public async Task An_impossible_date_is_reported_beside_the_date_and_kept_as_typed_and_nothing_is_booked()
    {
        var w = await SchedulingWorld.CreateAsync(app, patients: 1);
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var fields = With(w.BookingFields(w.PatientIds[0], SchedulingWorld.NextMondayUtc(10)), "Input.Date", "2026-02-30");

        var response = await client.PostFormAsync("/Scheduling", "/Scheduling?handler=Book", fields, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var form = await FormOfAsync(response);
        Assert.Equal("Data inválida.", MessageBeside(form, "booking-date"));
        Assert.Equal("2026-02-30", form.QuerySelector("#booking-date")!.GetAttribute("value"));
        // The time was given: it is the date that is wrong, and the time field does not say otherwise.
        Assert.Equal("", MessageBeside(form, "booking-time"));
        Assert.Empty(await AppointmentsOfAsync(w.PatientIds[0]));
    }

    [Fact]
    public async Task Notes_over_the_limit_are_reported_beside_the_notes_and_nothing_is_booked()
    {
        var w = await SchedulingWorld.CreateAsync(app, patients: 1);
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var notes = new string('a', 110 * 1024);
        var fields = With(w.BookingFields(w.PatientIds[0], SchedulingWorld.NextMondayUtc(11)), "Input.Notes", notes);

        var response = await client.PostFormAsync("/Scheduling", "/Scheduling?handler=Book", fields, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var form = await FormOfAsync(response);
        Assert.Equal("Use no máximo 1000 caracteres.", MessageBeside(form, "booking-notes"));
        Assert.Equal(notes, form.QuerySelector("#booking-notes")!.TextContent.Trim());
        Assert.Empty(await AppointmentsOfAsync(w.PatientIds[0]));
    }

    [Fact]
    public async Task A_booking_that_starts_in_the_past_is_refused_beside_the_time()
    {
        var w = await SchedulingWorld.CreateAsync(app, patients: 1);
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);

        var response = await client.PostFormAsync("/Scheduling", "/Scheduling?handler=Book",
            w.BookingFields(w.PatientIds[0], TwoWeeksAgoMondayUtc(10)), htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Não é possível agendar no passado.", MessageBeside(await FormOfAsync(response), "booking-time"));
        Assert.Empty(await AppointmentsOfAsync(w.PatientIds[0]));
    }

    [Theory]
    [InlineData(Roles.Manager, AppointmentStatus.Completed, "Concluído")]
    [InlineData(Roles.Admin, AppointmentStatus.NoShow, "Faltou")]
    public async Task A_manager_records_a_visit_that_already_happened_with_its_true_status(string role, AppointmentStatus outcome, string shown)
    {
        var w = await SchedulingWorld.CreateAsync(app, patients: 1);
        var (client, user) = await app.SignedInClientAsync(role);
        var blank = await client.GetDocumentAsync("/Scheduling?handler=NewForm");
        Assert.Equal("Registrar atendimento já realizado", blank.QuerySelector("label[for=booking-record-past]")?.TextContent.Trim());
        Assert.Contains(shown, blank.QuerySelector("#booking-recorded-as")!.TextContent);
        var fields = w.BookingFields(w.PatientIds[0], TwoWeeksAgoMondayUtc(9));
        fields.Add(new("Input.RecordAfterTheFact", "true"));
        fields.Add(new("Input.RecordedAs", outcome.ToString()));

        var response = await client.PostFormAsync("/Scheduling", "/Scheduling?handler=Book", fields, htmx: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(await AppointmentsOfAsync(w.PatientIds[0]));
        Assert.Equal(outcome, stored.Status);
        Assert.Equal(TwoWeeksAgoMondayUtc(9), stored.StartUtc);
        var step = Assert.Single(stored.History);
        Assert.Null(step.From);
        Assert.Equal(outcome, step.To);
        Assert.Equal("registrado após o atendimento", step.Note);
        Assert.Equal(user.Id, step.ByUserId);
    }

    [Fact]
    public async Task A_receptionist_is_not_offered_the_record_and_posting_it_anyway_is_refused()
    {
        var w = await SchedulingWorld.CreateAsync(app, patients: 1);
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var blank = await client.GetDocumentAsync("/Scheduling?handler=NewForm");
        Assert.Null(blank.QuerySelector("#booking-record-past"));
        var fields = w.BookingFields(w.PatientIds[0], TwoWeeksAgoMondayUtc(9));
        fields.Add(new("Input.RecordAfterTheFact", "true"));
        fields.Add(new("Input.RecordedAs", nameof(AppointmentStatus.Completed)));

        var response = await client.PostFormAsync("/Scheduling", "/Scheduling?handler=Book", fields, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        // The form has no such field for a receptionist: the refusal shows at the top of it.
        Assert.Equal("Só a gerência registra um atendimento já realizado.", (await FormOfAsync(response)).QuerySelector("#booking-errors")?.TextContent.Trim());
        Assert.Empty(await AppointmentsOfAsync(w.PatientIds[0]));
    }

    [Fact]
    public async Task A_record_of_a_visit_that_already_happened_cannot_be_in_the_future()
    {
        var w = await SchedulingWorld.CreateAsync(app, patients: 1);
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var fields = w.BookingFields(w.PatientIds[0], SchedulingWorld.NextMondayUtc(9));
        fields.Add(new("Input.RecordAfterTheFact", "true"));
        fields.Add(new("Input.RecordedAs", nameof(AppointmentStatus.Completed)));

        var response = await client.PostFormAsync("/Scheduling", "/Scheduling?handler=Book", fields, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Um atendimento já realizado tem data e horário no passado.", MessageBeside(await FormOfAsync(response), "booking-time"));
        Assert.Empty(await AppointmentsOfAsync(w.PatientIds[0]));
    }

    [Fact]
    public async Task Moving_an_appointment_into_the_past_is_refused_and_it_stays_where_it_was()
    {
        var w = await SchedulingWorld.CreateAsync(app, patients: 1);
        var booked = await app.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().BookAsync(
            new BookingRequest(w.PatientIds[0], w.ProfessionalId, w.TreatmentId, null, SchedulingWorld.NextMondayUtc(14), 60, null, true), null, "Recepção Teste"));
        Assert.Equal(BookingResult.Booked, booked.Result);

        var moved = await app.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().MoveAsync(
            booked.Appointment!.Id, booked.Appointment.Version, w.ProfessionalId, null, TwoWeeksAgoMondayUtc(14), null, "Recepção Teste"));

        Assert.Equal(BookingResult.Refused, moved.Result);
        Assert.Equal("Não é possível agendar no passado.", Assert.Single(moved.Problems).Message);
        var stored = Assert.Single(await AppointmentsOfAsync(w.PatientIds[0]));
        Assert.Equal(AppointmentStatus.Scheduled, stored.Status);
        Assert.Equal(SchedulingWorld.NextMondayUtc(14), stored.StartUtc);
    }
}
