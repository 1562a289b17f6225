using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Scheduling;

/// <summary>
/// What the booking form does with input it cannot use: a value that fails to bind, notes over the limit. Each gets a
/// message beside its field, the form keeps what was typed, and nothing is written.
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
}
