using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Features.Admin;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Features.Scheduling;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Home;

/// <summary>
/// One small clinic day, arranged once: two professionals (one linked to a professional's account), today's
/// appointments (one checked in), tomorrow's (one still to confirm, one confirmed), a registration lapsing, and two LGPD
/// requests, one near its deadline.
/// </summary>
public sealed class HomeDayFixture : NeonProFactory
{
    private static readonly TimeZoneInfo Clinic = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _arranged;

    public SchedulingWorld World { get; private set; } = null!;
    public StaffUser LinkedProfessional { get; private set; } = null!;
    public Guid OtherProfessionalId { get; private set; }
    public Guid NearRequestId { get; private set; }
    public Guid LaterRequestId { get; private set; }
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Clinic));

    public static DateTime At(DateOnly day, int hour) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, 0)), Clinic);

    public async Task ArrangeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_arranged) return;
            World = await SchedulingWorld.CreateAsync(this, patients: 4);
            LinkedProfessional = await CreateStaffAsync(Roles.Professional);
            await using var db = NewDbContext();
            var today = Today;
            var mine = await db.Professionals.SingleAsync(p => p.Id == World.ProfessionalId);
            mine.UserId = LinkedProfessional.Id;
            var other = new Professional
            {
                FullName = "Dr. Outro Profissional", Profession = Profession.Physician, Council = Council.Crm, CouncilNumber = "654321",
                CouncilState = "SP", CardValidUntil = today.AddDays(10), FeesPaidThrough = today.AddYears(1),
            };
            db.Professionals.Add(other);
            OtherProfessionalId = other.Id;

            var patients = await db.Patients.Include(p => p.HealthProfile).Where(p => World.PatientIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
            var (p0, p1, p2, p3) = (patients[World.PatientIds[0]], patients[World.PatientIds[1]], patients[World.PatientIds[2]], patients[World.PatientIds[3]]);
            p0.HealthProfile!.NoKnownAllergies = false;
            p0.HealthProfile.Allergies = "Dipirona";
            p3.MobilePhone = "+5511987654321";

            Appointment Book(Patient p, Guid professional, DateOnly day, int hour) => new()
            {
                PatientId = p.Id, ProfessionalId = professional, TreatmentId = World.TreatmentId, StartUtc = At(day, hour), EndUtc = At(day, hour).AddHours(1),
                CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            };
            var now = DateTime.UtcNow;
            var first = Book(p0, mine.Id, today, 10);
            var second = Book(p1, other.Id, today, 11);
            second.ChangeStatus(AppointmentStatus.Confirmed, now, null, "Recepção");
            var waiting = Book(p2, mine.Id, today, 9);
            waiting.ChangeStatus(AppointmentStatus.Arrived, now, null, "Recepção");
            var toConfirm = Book(p3, other.Id, today.AddDays(1), 10);
            var confirmed = Book(p1, mine.Id, today.AddDays(1), 14);
            confirmed.ChangeStatus(AppointmentStatus.Confirmed, now, null, "Recepção");
            db.Appointments.AddRange(first, second, waiting, toConfirm, confirmed);

            var near = new DataSubjectRequest { PatientId = p0.Id, Right = DataSubjectRight.Portability, ReceivedAtUtc = now.AddDays(-12), DueOn = today.AddDays(3) };
            var later = new DataSubjectRequest { PatientId = p1.Id, Right = DataSubjectRight.Correction, ReceivedAtUtc = now, DueOn = today.AddDays(15) };
            db.DataSubjectRequests.AddRange(near, later);
            (NearRequestId, LaterRequestId) = (near.Id, later.Id);
            await db.SaveChangesAsync();
            _arranged = true;
        }
        finally { _gate.Release(); }
    }
}

/// <summary>"Início" is each role's day, through real HTTP: what each role's sections list, and what they do not.</summary>
public sealed class HomePageTests(HomeDayFixture app) : IClassFixture<HomeDayFixture>
{
    private async Task<AngleSharp.Html.Dom.IHtmlDocument> HomeOfAsync(params string[] roles)
    {
        await app.ArrangeAsync();
        var email = $"home-{Guid.NewGuid():N}@test.neonpro.local";
        await app.WithScopeAsync(async sp =>
        {
            var made = await sp.GetRequiredService<StaffAccounts>().CreateAsync(email, "Pessoa de Teste", NeonProFactory.TestPassword, roles);
            Assert.True(made.Succeeded, string.Join("; ", made.Errors));
        });
        var client = app.CreateBrowserClient();
        await client.SignInAsync(email, NeonProFactory.TestPassword);
        return await client.GetDocumentAsync("/");
    }

    private static string Text(AngleSharp.Dom.IElement? e) => FormPosting.Text(e?.InnerHtml ?? "");

    [Fact]
    public async Task The_receptionist_sees_todays_arrivals_in_order_who_is_waiting_and_tomorrows_confirmations_with_the_phone()
    {
        var doc = await HomeOfAsync(Roles.Receptionist);
        var w = app.World;

        var arrivals = doc.QuerySelector("[data-testid='home-arrivals'] tbody")!.QuerySelectorAll("tr").Select(r => FormPosting.Text(r.InnerHtml)).ToList();
        Assert.Equal(2, arrivals.Count);
        Assert.StartsWith("10:00 Paciente Agenda 0 Dra. Teste Agenda Agendado", arrivals[0]);
        Assert.StartsWith("11:00 Paciente Agenda 1 Dr. Outro Profissional Confirmado", arrivals[1]);
        Assert.NotNull(doc.QuerySelector($"[data-testid='home-arrivals'] a[href='/Patients/Chart?id={w.PatientIds[0]}']"));

        var waiting = Text(doc.QuerySelector("[data-testid='home-waiting']"));
        Assert.Contains("Paciente Agenda 2", waiting);
        Assert.Contains("chegou às", waiting);
        Assert.DoesNotContain("Paciente Agenda 2", Text(doc.QuerySelector("[data-testid='home-arrivals']")));

        var confirmations = doc.QuerySelector("[data-testid='home-confirmations']")!;
        var row = Assert.Single(confirmations.QuerySelectorAll("tbody tr"));
        Assert.Contains("Paciente Agenda 3", row.TextContent);
        Assert.Contains("+5511987654321", row.TextContent);
        Assert.NotNull(row.QuerySelector($"a[href='/Patients/Chart?id={w.PatientIds[3]}']"));

        // Not the receptionist's: failed jobs, registrations, LGPD deadlines, a professional's list.
        Assert.Null(doc.QuerySelector("[data-testid='needs-attention'], [data-testid='home-nothing-pending'], [data-testid='home-my-patients']"));
    }

    [Fact]
    public async Task A_professional_sees_only_their_own_next_patients_with_alerts_and_missing_consents()
    {
        await app.ArrangeAsync();
        var client = app.CreateBrowserClient();
        await client.SignInAsync(app.LinkedProfessional.Email!, NeonProFactory.TestPassword);
        var doc = await client.GetDocumentAsync("/");

        var items = doc.QuerySelectorAll("[data-testid='home-my-patients'] li").Select(li => FormPosting.Text(li.InnerHtml)).ToList();
        Assert.Equal(2, items.Count);
        Assert.StartsWith("09:00 Paciente Agenda 2", items[0]);
        Assert.StartsWith("10:00 Paciente Agenda 0", items[1]);
        Assert.Contains("Alergias: Dipirona", items[1]);
        Assert.Contains("Falta: Consentimento para dados de saúde", items[1]);
        // Another professional's patient today is not on my list.
        Assert.DoesNotContain("Paciente Agenda 1", Text(doc.QuerySelector("[data-testid='home-my-patients']")));
        Assert.Null(doc.QuerySelector("[data-testid='home-arrivals'], [data-testid='needs-attention'], [data-testid='home-nothing-pending']"));
    }

    [Fact]
    public async Task A_manager_sees_lapsing_registrations_and_lgpd_requests_near_their_deadline_each_a_link()
    {
        var doc = await HomeOfAsync(Roles.Manager);
        var attention = doc.QuerySelector("[data-testid='needs-attention']");
        Assert.NotNull(attention);

        var credentials = attention.QuerySelector("[data-testid='home-credentials']")!;
        Assert.NotNull(credentials.QuerySelector($"a[href='/Professionals/Details?id={app.OtherProfessionalId}']"));
        Assert.Null(credentials.QuerySelector($"a[href='/Professionals/Details?id={app.World.ProfessionalId}']"));
        Assert.Contains(HomeDayFixture.Today.AddDays(10).ToString("dd/MM/yyyy"), credentials.TextContent);

        var requests = attention.QuerySelector("[data-testid='home-requests']")!;
        Assert.NotNull(requests.QuerySelector($"a[href='/Compliance/DataSubjectRequests/Details?id={app.NearRequestId}']"));
        Assert.Null(requests.QuerySelector($"a[href='/Compliance/DataSubjectRequests/Details?id={app.LaterRequestId}']"));

        Assert.Null(doc.QuerySelector("[data-testid='home-arrivals'], [data-testid='home-my-patients']"));
    }

    [Fact]
    public async Task Someone_with_several_roles_sees_each_of_their_sections()
    {
        var doc = await HomeOfAsync(Roles.Receptionist, Roles.Manager);
        Assert.NotNull(doc.QuerySelector("[data-testid='home-arrivals']"));
        Assert.NotNull(doc.QuerySelector("[data-testid='home-confirmations']"));
        Assert.NotNull(doc.QuerySelector("[data-testid='needs-attention']"));
    }
}
