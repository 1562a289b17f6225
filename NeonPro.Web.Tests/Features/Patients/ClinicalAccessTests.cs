using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Features.Scheduling;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Features.Compliance;
using NeonPro.Web.Tests.Features.Scheduling;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Patients;

/// <summary>
/// The chart follows the clinical relationship: a professional opens their patients' charts, any other only by
/// "acesso de emergência"; the front desk sees the registry and the booking alerts, not the anamnese; managers and
/// admins see all.
/// </summary>
public sealed class ClinicalAccessTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private const string Reason = "Paciente passou mal na sala de espera, preciso ver alergias";

    /// <summary>A professional with a staff account, their patient (one appointment) and a patient of a colleague's.</summary>
    private sealed record Clinic(SchedulingWorld Mine, SchedulingWorld Theirs, HttpClient Professional, string Surname)
    {
        public Guid MyPatient => Mine.PatientIds[0];
        public Guid OtherPatient => Theirs.PatientIds[0];
    }

    private async Task<Clinic> ArrangeAsync(AppointmentStatus myAppointmentStatus = AppointmentStatus.Scheduled)
    {
        var mine = await SchedulingWorld.CreateAsync(app, patients: 1);
        var theirs = await SchedulingWorld.CreateAsync(app, patients: 1);
        var user = await app.CreateStaffAsync(Roles.Professional);
        var surname = PatientsArrange.UniqueSurname();
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NeonProDbContext>();
            (await db.Professionals.SingleAsync(p => p.Id == mine.ProfessionalId)).UserId = user.Id;
            var other = await db.Patients.Include(p => p.HealthProfile).SingleAsync(p => p.Id == theirs.PatientIds[0]);
            other.FullName = $"Beatriz {surname}";
            other.HealthProfile!.NoKnownAllergies = false;
            other.HealthProfile.Allergies = "Dipirona";
            other.HealthProfile.MedicalConditions = "Hipertensão controlada";
            await db.SaveChangesAsync();
            var booking = sp.GetRequiredService<BookingService>();
            var booked = await booking.BookAsync(new BookingRequest(mine.PatientIds[0], mine.ProfessionalId, mine.TreatmentId, null,
                SchedulingWorld.NextMondayUtc(9), 60, null, true), null, "Recepção");
            Assert.Equal(BookingResult.Booked, booked.Result);
            if (myAppointmentStatus == AppointmentStatus.Cancelled)
                Assert.Equal(StatusChangeResult.Changed, (await sp.GetRequiredService<AppointmentStatusService>().ChangeAsync(
                    booked.Appointment!.Id, booked.Appointment.Version, AppointmentStatus.Cancelled, "Desistiu", null, "Recepção")).Result);
            Assert.Equal(BookingResult.Booked, (await booking.BookAsync(new BookingRequest(theirs.PatientIds[0], theirs.ProfessionalId, theirs.TreatmentId, null,
                SchedulingWorld.NextMondayUtc(9), 60, null, true), null, "Recepção")).Result);
        });
        var client = app.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user.Email!, NeonProFactory.TestPassword)).StatusCode);
        return new Clinic(mine, theirs, client, surname);
    }

    private Task<int> AuditRowsAsync(Guid patient, AuditAction action) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().AuditEntries
            .CountAsync(a => a.EntityType == nameof(Patient) && a.EntityId == patient.ToString() && a.Action == action));

    private static async Task<(HttpStatusCode Status, string Body)> HtmxGetAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("HX-Request", "true");
        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> BreakTheGlassAsync(HttpClient client, Guid patient, string reason)
    {
        // The 403 page itself carries the form and its antiforgery token.
        var page = FormPosting.Parse((await GetAsync(client, $"/Patients/Chart?id={patient}")).Body);
        var form = page.QuerySelector("#emergency-access form")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action"))
        {
            Content = new FormUrlEncodedContent([new("EmergencyReason", reason), new("__RequestVerificationToken", page.AntiforgeryToken())]),
        };
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_professional_opens_the_chart_of_a_patient_they_have_an_appointment_with()
    {
        var c = await ArrangeAsync();

        var chart = await c.Professional.GetDocumentAsync($"/Patients/Chart?id={c.MyPatient}");

        Assert.Equal("Paciente Agenda 0", chart.QuerySelector("[data-testid=patient-display-name]")?.TextContent.Trim());
        Assert.NotNull(chart.QuerySelector("#tab-anamnese"));
        Assert.Null(chart.QuerySelector("[data-testid=emergency-banner]"));
        Assert.Equal(1, await AuditRowsAsync(c.MyPatient, AuditAction.View));
        Assert.Equal(HttpStatusCode.OK, (await HtmxGetAsync(c.Professional, $"/Patients/HealthProfile?id={c.MyPatient}")).Status);
    }

    [Fact]
    public async Task A_cancelled_first_visit_still_opens_the_chart()
    {
        var c = await ArrangeAsync(AppointmentStatus.Cancelled);

        var (status, _) = await GetAsync(c.Professional, $"/Patients/Chart?id={c.MyPatient}");

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task A_professional_without_a_relationship_gets_403_and_no_chart_data()
    {
        var c = await ArrangeAsync();

        var (status, body) = await GetAsync(c.Professional, $"/Patients/Chart?id={c.OtherPatient}");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        var text = FormPosting.Text(body);
        Assert.DoesNotContain(c.Surname, text);
        Assert.DoesNotContain("Dipirona", text);
        Assert.Contains("Acesso restrito", text);
        Assert.NotNull(FormPosting.Parse(body).QuerySelector("#emergency-access textarea[name=EmergencyReason]"));
        // Every handler of the chart asks again: the tabs, the header, the anamnese, the consents, the registry form.
        foreach (var url in new[]
                 {
                     $"/Patients/Chart?id={c.OtherPatient}&handler=Tab&tab=dados", $"/Patients/Chart?id={c.OtherPatient}&handler=Tab&tab=historico",
                     $"/Patients/Chart?id={c.OtherPatient}&handler=Header", $"/Patients/HealthProfile?id={c.OtherPatient}",
                     $"/Patients/Consents?id={c.OtherPatient}&handler=Tab",
                 })
        {
            var (tabStatus, tabBody) = await HtmxGetAsync(c.Professional, url);
            Assert.True(tabStatus == HttpStatusCode.Forbidden, $"{url} answered {(int)tabStatus}");
            Assert.DoesNotContain(c.Surname, tabBody);
            Assert.DoesNotContain("Hipertensão", tabBody);
        }
        var edit = await c.Professional.GetAsync($"/Patients/Edit?id={c.OtherPatient}");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal(0, await AuditRowsAsync(c.OtherPatient, AuditAction.View));
    }

    [Fact]
    public async Task Breaking_the_glass_with_a_reason_opens_the_chart_under_a_banner_and_the_audit_lists_it()
    {
        var c = await ArrangeAsync();

        var response = await BreakTheGlassAsync(c.Professional, c.OtherPatient, Reason);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await AuditRowsAsync(c.OtherPatient, AuditAction.EmergencyAccess));
        var stored = await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().AuditEntries
            .SingleAsync(a => a.Action == AuditAction.EmergencyAccess && a.EntityId == c.OtherPatient.ToString()));
        Assert.Contains(Reason, stored.NewValues);

        var chart = await c.Professional.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal($"Beatriz {c.Surname}", chart.QuerySelector("[data-testid=patient-display-name]")?.TextContent.Trim());
        Assert.Equal($"Acesso de emergência: {Reason}", chart.QuerySelector("[data-testid=emergency-banner] strong")?.TextContent.Trim());
        Assert.Equal(1, await AuditRowsAsync(c.OtherPatient, AuditAction.View));
        // The grant is checked on every handler: the anamnese opens now too.
        Assert.Equal(HttpStatusCode.OK, (await HtmxGetAsync(c.Professional, $"/Patients/HealthProfile?id={c.OtherPatient}")).Status);

        // The chart's access log lists it as an emergency, with its reason.
        var (_, accesses) = await HtmxGetAsync(c.Professional, $"/Patients/Chart?id={c.OtherPatient}&handler=Tab&tab=acessos");
        var emergency = Assert.Single(FormPosting.Parse(accesses).QuerySelectorAll("[data-testid=access-log] tbody tr[data-action=EmergencyAccess]"));
        Assert.Contains($"Acesso de emergência: {Reason}", emergency.TextContent);

        // And the Audit page has a filter of its own for it.
        var (manager, _) = await app.SignedInClientAsync(Roles.Manager);
        var audit = await manager.GetDocumentAsync("/Compliance/Audit");
        var filter = audit.QuerySelector("[data-testid=emergency-access-filter]")!;
        var filtered = await manager.GetDocumentAsync(filter.GetAttribute("href")!);
        var rows = AuditTests.Rows(filtered);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Acesso de emergência", r.Element.QuerySelector("[data-field=action]")!.TextContent.Trim()));
        var row = Assert.Single(rows, r => r.Element.QuerySelector("[data-field=entity-id]")!.TextContent.Trim() == c.OtherPatient.ToString());
        Assert.Contains(Reason[..30], row.Element.TextContent); // shown, perhaps cut short
    }

    [Fact]
    public async Task Breaking_the_glass_without_a_reason_is_refused_with_the_message_next_to_the_field()
    {
        var c = await ArrangeAsync();

        var response = await BreakTheGlassAsync(c.Professional, c.OtherPatient, "  urgente ");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Descreva o motivo com pelo menos 15 caracteres.", page.QuerySelector("#emergency-reason-error")?.TextContent.Trim());
        Assert.DoesNotContain(c.Surname, page.Body!.TextContent);
        Assert.Equal(0, await AuditRowsAsync(c.OtherPatient, AuditAction.EmergencyAccess));
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(c.Professional, $"/Patients/Chart?id={c.OtherPatient}")).Status);
    }

    [Fact]
    public async Task An_emergency_grant_ends_after_its_window()
    {
        var c = await ArrangeAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await BreakTheGlassAsync(c.Professional, c.OtherPatient, Reason)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(c.Professional, $"/Patients/Chart?id={c.OtherPatient}")).Status);

        // Thirteen hours later (the row is aged behind the chain's back: only OccurredAtUtc matters to the grant).
        await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().AuditEntries
            .Where(a => a.Action == AuditAction.EmergencyAccess && a.EntityId == c.OtherPatient.ToString())
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.OccurredAtUtc, a => a.OccurredAtUtc.AddHours(-13))));

        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(c.Professional, $"/Patients/Chart?id={c.OtherPatient}")).Status);
    }

    [Fact]
    public async Task A_supervisor_opens_the_charts_of_the_patients_of_the_professional_they_supervise()
    {
        var c = await ArrangeAsync();
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NeonProDbContext>();
            var supervisee = await db.Professionals.SingleAsync(p => p.Id == c.Theirs.ProfessionalId);
            supervisee.SupervisorId = c.Mine.ProfessionalId;
            supervisee.RequiresSupervision = true;
            await db.SaveChangesAsync();
        });

        var chart = await c.Professional.GetDocumentAsync($"/Patients/Chart?id={c.OtherPatient}");

        Assert.Equal($"Beatriz {c.Surname}", chart.QuerySelector("[data-testid=patient-display-name]")?.TextContent.Trim());
        Assert.Null(chart.QuerySelector("[data-testid=emergency-banner]"));
    }

    [Fact]
    public async Task The_front_desk_sees_the_registry_and_booking_alerts_but_not_the_anamnese()
    {
        var c = await ArrangeAsync();
        var (desk, _) = await app.SignedInClientAsync(Roles.Receptionist);

        var chart = await desk.GetDocumentAsync($"/Patients/Chart?id={c.OtherPatient}");

        Assert.Equal($"Beatriz {c.Surname}", chart.QuerySelector("[data-testid=patient-display-name]")?.TextContent.Trim());
        Assert.Contains("Alergias: Dipirona", chart.QuerySelector("[data-testid=chart-alerts]")!.TextContent);
        Assert.Null(chart.QuerySelector("#tab-anamnese"));
        Assert.DoesNotContain("Hipertensão", chart.Body!.TextContent);
        var (dataStatus, data) = await HtmxGetAsync(desk, $"/Patients/Chart?id={c.OtherPatient}&handler=Tab&tab=dados");
        Assert.Equal(HttpStatusCode.OK, dataStatus);
        Assert.Contains($"Beatriz {c.Surname}", data);

        var (anamneseStatus, anamnese) = await HtmxGetAsync(desk, $"/Patients/HealthProfile?id={c.OtherPatient}");
        Assert.Equal(HttpStatusCode.Forbidden, anamneseStatus);
        Assert.DoesNotContain("Hipertensão", anamnese);
        // Nor can it write the anamnese.
        var posted = await desk.PostFormAsync($"/Patients/Chart?id={c.OtherPatient}", $"/Patients/HealthProfile?id={c.OtherPatient}",
            [new("Input.Allergies", "Látex")], htmx: true);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal("Dipirona", (await PatientsArrange.LoadAsync(app, c.OtherPatient)).HealthProfile!.Allergies);
    }

    [Theory]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Admin)]
    public async Task Managers_and_admins_see_every_chart(string role)
    {
        var c = await ArrangeAsync();
        var (client, _) = await app.SignedInClientAsync(role);

        var chart = await client.GetDocumentAsync($"/Patients/Chart?id={c.OtherPatient}");

        Assert.Equal($"Beatriz {c.Surname}", chart.QuerySelector("[data-testid=patient-display-name]")?.TextContent.Trim());
        Assert.NotNull(chart.QuerySelector("#tab-anamnese"));
        var (status, anamnese) = await HtmxGetAsync(client, $"/Patients/HealthProfile?id={c.OtherPatient}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Hipertensão controlada", anamnese);
    }
}
