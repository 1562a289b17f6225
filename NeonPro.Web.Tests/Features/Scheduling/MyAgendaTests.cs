using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Features.Scheduling;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Scheduling;

public sealed class MyAgendaTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    [Fact]
    public async Task A_professional_sees_their_day_with_alerts_and_starts_and_completes_an_appointment()
    {
        var w = await SchedulingWorld.CreateAsync(app);
        var professionalUser = await app.CreateStaffAsync(Roles.Professional);
        var startUtc = SchedulingWorld.NextMondayUtc(10);
        var appointmentId = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NeonProDbContext>();
            var pro = await db.Professionals.SingleAsync(p => p.Id == w.ProfessionalId);
            pro.UserId = professionalUser.Id;
            var patient = await db.Patients.Include(p => p.HealthProfile).SingleAsync(p => p.Id == w.PatientIds[0]);
            patient.HealthProfile!.NoKnownAllergies = false;
            patient.HealthProfile.Allergies = "Dipirona";
            await db.SaveChangesAsync();
            var booked = await sp.GetRequiredService<BookingService>().BookAsync(
                new BookingRequest(w.PatientIds[0], w.ProfessionalId, w.TreatmentId, null, startUtc, 60, null, true), null, "Recepção");
            var arrived = await sp.GetRequiredService<AppointmentStatusService>().ChangeAsync(booked.Appointment!.Id, booked.Appointment.Version,
                AppointmentStatus.Arrived, null, null, "Recepção");
            Assert.Equal(StatusChangeResult.Changed, arrived.Result);
            return booked.Appointment.Id;
        });

        var client = app.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(professionalUser.Email!, NeonProFactory.TestPassword)).StatusCode);
        var day = startUtc.AddHours(-3).ToString("yyyy-MM-dd");
        var doc = await client.GetDocumentAsync($"/Scheduling/MyAgenda?date={day}");
        var item = Assert.Single(doc.QuerySelectorAll(".agenda-item"));
        Assert.Contains("Paciente Agenda 0", item.TextContent);
        Assert.Contains("Alergias: Dipirona", item.TextContent);
        Assert.Contains("Chegou", item.TextContent);

        async Task<HttpResponseMessage> Press(AppointmentStatus to)
        {
            var a = await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().Appointments.AsNoTracking().SingleAsync(x => x.Id == appointmentId));
            return await client.PostFormAsync($"/Scheduling/MyAgenda?date={day}", "/Scheduling/MyAgenda?handler=Status",
                [new("id", a.Id.ToString()), new("version", a.Version.ToString()), new("to", to.ToString()), new("date", day)], htmx: true);
        }
        Assert.Equal(HttpStatusCode.OK, (await Press(AppointmentStatus.InProgress)).StatusCode);
        var completed = await Press(AppointmentStatus.Completed);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Contains("Concluído", FormPosting.Text(await completed.Content.ReadAsStringAsync()));
        var status = await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().Appointments.AsNoTracking()
            .Where(x => x.Id == appointmentId).Select(x => x.Status).SingleAsync());
        Assert.Equal(AppointmentStatus.Completed, status);

        // A move the state machine refuses is answered in the list's alert (from ModelState), and changes nothing.
        var refused = await Press(AppointmentStatus.InProgress);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var alert = FormPosting.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#my-agenda .alert-danger[role=alert]");
        Assert.NotNull(alert);
        Assert.Contains("Concluído", alert!.TextContent);
        Assert.Equal(AppointmentStatus.Completed, await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().Appointments.AsNoTracking()
            .Where(x => x.Id == appointmentId).Select(x => x.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_receptionist_cannot_open_my_agenda()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var response = await client.GetAsync("/Scheduling/MyAgenda");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location!.OriginalString);
    }
}
