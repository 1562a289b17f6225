using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Scheduling;

/// <summary>
/// What a drag-and-drop move answers: scheduling.js posts the drop with htmx into the grid's hidden live region
/// (#move-result), so the answer is one sentence a screen reader can say, never a copy of the panel, and never HTML
/// made from names.
/// </summary>
public sealed class DragMoveAnswerTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private static KeyValuePair<string, string> F(string k, string v) => new(k, v);

    private static async Task<HttpResponseMessage> DropAsync(HttpClient client, Appointment a, Guid professional, DateTime localStart)
    {
        var page = await client.GetDocumentAsync("/Scheduling");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Scheduling?handler=Move")
        {
            Content = new FormUrlEncodedContent(
            [
                F("id", a.Id.ToString()), F("version", a.Version.ToString()), F("professional", professional.ToString()),
                F("date", localStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), F("time", localStart.ToString("HH:mm", CultureInfo.InvariantCulture)), F("by", "professional"),
                F("__RequestVerificationToken", page.AntiforgeryToken()),
            ]),
        };
        // What htmx sends for htmx.ajax(..., { target: '#move-result' }).
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("HX-Target", "move-result");
        return await client.SendAsync(request);
    }

    private async Task<HttpClient> BookedAsync(SchedulingWorld w, params (Guid Patient, DateTime StartUtc)[] bookings)
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        foreach (var (patient, start) in bookings)
        {
            var local = start.AddHours(-3);
            var response = await client.PostFormAsync("/Scheduling", "/Scheduling?handler=Book",
            [
                F("Input.PatientId", patient.ToString()), F("Input.ProfessionalId", w.ProfessionalId.ToString()),
                F("Input.TreatmentId", w.TreatmentId.ToString()), F("Input.RoomId", ""),
                F("Input.Date", local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), F("Input.Time", local.ToString("HH:mm", CultureInfo.InvariantCulture)),
                F("Input.DurationMinutes", "60"), F("Input.AcknowledgeWarnings", "true"),
            ], htmx: true);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        return client;
    }

    private async Task<Appointment> AppointmentOfAsync(Guid patient)
    {
        await using var db = app.NewDbContext();
        return await db.Appointments.AsNoTracking().SingleAsync(a => a.PatientId == patient && a.Status == AppointmentStatus.Scheduled);
    }

    [Fact]
    public async Task A_drop_that_moves_answers_with_one_sentence_not_the_panel()
    {
        var w = await SchedulingWorld.CreateAsync(app);
        var nine = SchedulingWorld.NextMondayUtc(9);
        var client = await BookedAsync(w, (w.PatientIds[0], nine));
        var booked = await AppointmentOfAsync(w.PatientIds[0]);

        var response = await DropAsync(client, booked, w.ProfessionalId, nine.AddHours(5).AddHours(-3));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("appointment-changed", response.Headers.GetValues("HX-Trigger").Single());
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal($"Agendamento movido para {nine.AddHours(-3).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} às 14:00.", FormPosting.Text(body));
        Assert.DoesNotContain("appointment-panel", body);
        Assert.Equal(nine.AddHours(5), (await AppointmentOfAsync(w.PatientIds[0])).StartUtc);
    }

    [Fact]
    public async Task A_refused_drop_says_why_with_names_as_text()
    {
        var w = await SchedulingWorld.CreateAsync(app);
        var nine = SchedulingWorld.NextMondayUtc(9);
        var client = await BookedAsync(w, (w.PatientIds[0], nine), (w.PatientIds[1], nine.AddHours(2)));
        await using (var db = app.NewDbContext())
        {
            var professional = await db.Professionals.SingleAsync(p => p.Id == w.ProfessionalId);
            professional.FullName = "Dra. <b>Negrito</b>";
            await db.SaveChangesAsync();
        }
        var first = await AppointmentOfAsync(w.PatientIds[0]);

        var response = await DropAsync(client, first, w.ProfessionalId, nine.AddHours(2).AddHours(-3));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("move-refused", response.Headers.GetValues("HX-Trigger").Single());
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("&lt;b&gt;Negrito&lt;/b&gt;", body);
        Assert.DoesNotContain("<b>", body);
        Assert.Equal("Dra. <b>Negrito</b> já tem um agendamento das 11:00–12:00.", FormPosting.Text(body));
        Assert.Equal(first.StartUtc, (await AppointmentOfAsync(w.PatientIds[0])).StartUtc);
    }
}
