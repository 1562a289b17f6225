using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Features.Scheduling;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Scheduling;

/// <summary>
/// The grid's handlers check on the server who may change what: a professional their own agenda only, the front desk
/// anyone's. A crafted post by the wrong person answers 403 and writes nothing.
/// </summary>
public sealed class AppointmentAccessTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private sealed record Agendas(SchedulingWorld Mine, SchedulingWorld Theirs, Appointment MyAppointment, Appointment TheirAppointment, HttpClient Professional);

    /// <summary>Two professionals, one appointment each next Monday at 09:00; the first one signs in as themself.</summary>
    private async Task<Agendas> ArrangeAsync()
    {
        var mine = await SchedulingWorld.CreateAsync(app, patients: 2);
        var theirs = await SchedulingWorld.CreateAsync(app, patients: 2);
        var user = await app.CreateStaffAsync(Roles.Professional);
        var (my, their) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NeonProDbContext>();
            (await db.Professionals.SingleAsync(p => p.Id == mine.ProfessionalId)).UserId = user.Id;
            await db.SaveChangesAsync();
            var booking = sp.GetRequiredService<BookingService>();
            var a = await booking.BookAsync(new BookingRequest(mine.PatientIds[0], mine.ProfessionalId, mine.TreatmentId, null,
                SchedulingWorld.NextMondayUtc(9), 60, null, true), null, "Recepção");
            var b = await booking.BookAsync(new BookingRequest(theirs.PatientIds[0], theirs.ProfessionalId, theirs.TreatmentId, null,
                SchedulingWorld.NextMondayUtc(9), 60, null, true), null, "Recepção");
            return (a.Appointment!, b.Appointment!);
        });
        var client = app.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user.Email!, NeonProFactory.TestPassword)).StatusCode);
        return new Agendas(mine, theirs, my, their, client);
    }

    private async Task<(Appointment Row, int Appointments, int AuditRows)> SnapshotAsync(Guid appointmentId) =>
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NeonProDbContext>();
            return (await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == appointmentId), await db.Appointments.CountAsync(), await db.AuditEntries.CountAsync());
        });

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = (await client.GetDocumentAsync("/Scheduling")).AntiforgeryToken();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/Scheduling?handler={handler}")
        {
            Content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("HX-Request", "true");
        return await client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> StatusAsync(HttpClient client, Appointment a, AppointmentStatus to, string? reason = null) =>
        PostAsync(client, "Status", [new("id", a.Id.ToString()), new("version", a.Version.ToString()), new("to", to.ToString()), new("reason", reason ?? "")]);

    private static Task<HttpResponseMessage> MoveAsync(HttpClient client, Appointment a, Guid professional, int localHour) =>
        PostAsync(client, "Move",
        [
            new("id", a.Id.ToString()), new("version", a.Version.ToString()), new("professional", professional.ToString()),
            new("date", SchedulingWorld.NextMondayUtc(localHour).AddHours(-3).ToString("yyyy-MM-dd")), new("time", $"{localHour:00}:00"), new("by", "professional"),
        ]);

    private async Task AssertNothingWrittenAsync(Appointment before, (Appointment Row, int Appointments, int AuditRows) snapshot)
    {
        var after = await SnapshotAsync(before.Id);
        Assert.Equal((snapshot.Row.Status, snapshot.Row.Version, snapshot.Row.StartUtc, snapshot.Row.ProfessionalId),
            (after.Row.Status, after.Row.Version, after.Row.StartUtc, after.Row.ProfessionalId));
        Assert.Equal(snapshot.Appointments, after.Appointments);
        Assert.Equal(snapshot.AuditRows, after.AuditRows);
    }

    [Fact]
    public async Task A_professionals_crafted_status_change_of_a_colleagues_appointment_is_403_and_writes_nothing()
    {
        var g = await ArrangeAsync();
        foreach (var (to, reason) in new[] { (AppointmentStatus.Confirmed, (string?)null), (AppointmentStatus.Cancelled, "Cancelado por engano") })
        {
            var before = await SnapshotAsync(g.TheirAppointment.Id);

            var response = await StatusAsync(g.Professional, g.TheirAppointment, to, reason);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            await AssertNothingWrittenAsync(g.TheirAppointment, before);
        }
    }

    [Fact]
    public async Task A_professionals_crafted_move_of_a_colleagues_appointment_or_onto_a_colleagues_agenda_is_403_and_writes_nothing()
    {
        var g = await ArrangeAsync();
        var before = await SnapshotAsync(g.TheirAppointment.Id);
        var response = await MoveAsync(g.Professional, g.TheirAppointment, g.Theirs.ProfessionalId, 15);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingWrittenAsync(g.TheirAppointment, before);

        before = await SnapshotAsync(g.MyAppointment.Id);
        response = await MoveAsync(g.Professional, g.MyAppointment, g.Theirs.ProfessionalId, 15);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingWrittenAsync(g.MyAppointment, before);
    }

    [Fact]
    public async Task A_professionals_crafted_booking_on_a_colleagues_agenda_is_403_and_writes_nothing()
    {
        var g = await ArrangeAsync();
        var before = await SnapshotAsync(g.TheirAppointment.Id);

        var response = await PostAsync(g.Professional, "Book", g.Theirs.BookingFields(g.Theirs.PatientIds[1], SchedulingWorld.NextMondayUtc(14)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingWrittenAsync(g.TheirAppointment, before);
    }

    [Fact]
    public async Task A_professional_confirms_moves_and_books_on_their_own_agenda()
    {
        var g = await ArrangeAsync();

        var confirmed = await StatusAsync(g.Professional, g.MyAppointment, AppointmentStatus.Confirmed);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var now = (await SnapshotAsync(g.MyAppointment.Id)).Row;
        Assert.Equal(AppointmentStatus.Confirmed, now.Status);

        var moved = await MoveAsync(g.Professional, now, g.Mine.ProfessionalId, 15);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(AppointmentStatus.Rescheduled, (await SnapshotAsync(g.MyAppointment.Id)).Row.Status);

        // A return visit for their own patient, on their own agenda.
        var booked = await PostAsync(g.Professional, "Book", g.Mine.BookingFields(g.Mine.PatientIds[1], SchedulingWorld.NextMondayUtc(17)));
        Assert.Equal(HttpStatusCode.OK, booked.StatusCode);
        await using var db = app.NewDbContext();
        Assert.True(await db.Appointments.AnyAsync(a => a.PatientId == g.Mine.PatientIds[1] && a.ProfessionalId == g.Mine.ProfessionalId));
    }

    [Fact]
    public async Task The_front_desk_confirms_moves_and_books_on_anyones_agenda()
    {
        var g = await ArrangeAsync();
        var (desk, _) = await app.SignedInClientAsync(Roles.Receptionist);

        Assert.Equal(HttpStatusCode.OK, (await StatusAsync(desk, g.TheirAppointment, AppointmentStatus.Confirmed)).StatusCode);
        var now = (await SnapshotAsync(g.TheirAppointment.Id)).Row;
        Assert.Equal(AppointmentStatus.Confirmed, now.Status);
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(desk, now, g.Mine.ProfessionalId, 16)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(desk, "Book", g.Theirs.BookingFields(g.Theirs.PatientIds[1], SchedulingWorld.NextMondayUtc(17)))).StatusCode);
    }

    [Fact]
    public async Task The_panel_offers_a_professional_buttons_only_on_their_own_appointments()
    {
        var g = await ArrangeAsync();

        async Task<AngleSharp.Html.Dom.IHtmlDocument> Fragment(string url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("HX-Request", "true");
            var response = await g.Professional.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return FormPosting.Parse(await response.Content.ReadAsStringAsync());
        }

        Task<AngleSharp.Html.Dom.IHtmlDocument> Panel(Guid id) => Fragment($"/Scheduling?handler=Panel&id={id}");

        var theirs = await Panel(g.TheirAppointment.Id);
        Assert.Empty(theirs.QuerySelectorAll("form[hx-post]"));
        var mine = await Panel(g.MyAppointment.Id);
        Assert.NotEmpty(mine.QuerySelectorAll("form[hx-post='/Scheduling?handler=Status']"));
        // The move form offers their own agenda only.
        Assert.Equal([g.Mine.ProfessionalId.ToString()], mine.QuerySelectorAll("#move-professional option").Select(o => o.GetAttribute("value")!).ToArray());

        // A free slot clicked in a colleague's column opens the booking form on their own agenda.
        var form = await Fragment($"/Scheduling?handler=NewForm&Input.ProfessionalId={g.Theirs.ProfessionalId}");
        var offered = form.QuerySelectorAll("#booking-professional option").Select(o => (o.GetAttribute("value"), o.HasAttribute("selected"))).ToArray();
        Assert.Equal([(g.Mine.ProfessionalId.ToString(), true)], offered);
    }
}
