using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Patients;

/// <summary>The chart: its header of alerts, its tabs, the access log and the anamnese.</summary>
/// <summary>The chart's "hoje", the minor alert and consent dates are about the clinic's day: on a held clock.</summary>
public sealed class PatientChartTests(FakeClockFactory app) : IClassFixture<FakeClockFactory>
{
    private async Task<int> ViewRowsAsync(Guid id) =>
        await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().AuditEntries
            .CountAsync(a => a.EntityType == nameof(Patient) && a.EntityId == id.ToString() && a.Action == AuditAction.View));

    private static async Task<string> HtmxGetAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("HX-Request", "true");
        var response = await client.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private string Today => app.ClinicToday.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Opening_the_chart_writes_one_access_row_that_the_access_tab_lists()
    {
        var (client, user) = await app.SignedInClientAsync(Roles.Receptionist);
        var id = await client.CreatePatientAsync(PatientsArrange.ValidForm());
        Assert.Equal(0, await ViewRowsAsync(id));

        var chart = await client.GetDocumentAsync($"/Patients/Chart?id={id}");
        Assert.Equal(1, await ViewRowsAsync(id));
        // The tabs load as htmx partials from their own URLs and push the chart's URL with the tab.
        var accessTab = chart.QuerySelector("#tab-acessos")!;
        Assert.Equal($"/Patients/Chart?id={id}&handler=Tab&tab=acessos", accessTab.GetAttribute("hx-get"));
        Assert.Equal($"/Patients/Chart?id={id}&tab=acessos", accessTab.GetAttribute("hx-push-url"));
        Assert.Equal($"/Patients/Consents?id={id}&handler=Tab", chart.QuerySelector("#tab-consentimentos")!.GetAttribute("hx-get"));

        // Clicking tabs is not another opening.
        await HtmxGetAsync(client, $"/Patients/Chart?id={id}&handler=Tab&tab=dados");
        var accesses = FormPosting.Parse(await HtmxGetAsync(client, $"/Patients/Chart?id={id}&handler=Tab&tab=acessos"));
        Assert.Equal(1, await ViewRowsAsync(id));

        var row = Assert.Single(accesses.QuerySelectorAll("[data-testid=access-log] tbody tr"));
        Assert.Contains(user.FullName, row.TextContent);
        // The role in the clinic's words, as on the Audit page, not the stored name.
        Assert.Equal("Recepcionista", row.QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.Contains("Abertura do prontuário", row.TextContent);
        Assert.Contains(Today, row.TextContent);

        // Reloading the page is another opening, newest first.
        await client.GetDocumentAsync($"/Patients/Chart?id={id}&tab=acessos");
        Assert.Equal(2, await ViewRowsAsync(id));
        accesses = FormPosting.Parse(await HtmxGetAsync(client, $"/Patients/Chart?id={id}&handler=Tab&tab=acessos"));
        Assert.Equal(2, accesses.QuerySelectorAll("[data-testid=access-log] tbody tr").Length);
    }

    [Fact]
    public async Task The_chart_addresses_the_patient_by_the_social_name()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var surname = PatientsArrange.UniqueSurname();
        var form = PatientsArrange.ValidForm($"Carlos Eduardo {surname}");
        form["Input.SocialName"] = $"Carla {surname}";
        var id = await client.CreatePatientAsync(form);

        var chart = await client.GetDocumentAsync($"/Patients/Chart?id={id}");

        Assert.Equal($"Carla {surname}", chart.QuerySelector("[data-testid=patient-display-name]")?.TextContent.Trim());
        Assert.DoesNotContain("Carlos Eduardo", chart.QuerySelector("#chart-header")!.TextContent);
        Assert.Contains($"Carla {surname}", chart.Title);
    }

    [Fact]
    public async Task A_blocked_record_is_refused_to_the_front_desk_and_open_to_managers()
    {
        var (receptionist, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var surname = PatientsArrange.UniqueSurname();
        var id = await receptionist.CreatePatientAsync(PatientsArrange.ValidForm($"Helena {surname}"));
        await PatientsArrange.UpdateAsync(app, id, p => p.RecordBlocked = true);

        var refused = await receptionist.GetAsync($"/Patients/Chart?id={id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var text = FormPosting.Text(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Registro bloqueado", text);
        Assert.DoesNotContain(surname, text);
        foreach (var tab in new[] { $"/Patients/Chart?id={id}&handler=Tab&tab=dados", $"/Patients/Chart?id={id}&handler=Tab&tab=acessos", $"/Patients/HealthProfile?id={id}" })
            Assert.DoesNotContain(surname, await HtmxGetAsync(receptionist, tab, HttpStatusCode.Forbidden));
        var edit = await receptionist.GetAsync($"/Patients/Edit?id={id}");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal(0, await ViewRowsAsync(id));

        // (Professionals open it when it is their patient: ClinicalAccessTests, AccessRulesTests.)
        var (manager, _) = await app.SignedInClientAsync(Roles.Manager);
        var chart = await manager.GetDocumentAsync($"/Patients/Chart?id={id}");
        Assert.Equal($"Helena {surname}", chart.QuerySelector("[data-testid=patient-display-name]")?.TextContent.Trim());
        Assert.Contains("Registro bloqueado: mantido apenas por obrigação legal.", chart.QuerySelector("[data-testid=chart-alerts]")!.TextContent);
        Assert.Equal(1, await ViewRowsAsync(id));
    }

    [Fact]
    public async Task The_header_shows_allergies_contraindications_pregnancy_minor_and_consent_alerts()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var form = PatientsArrange.ValidForm(birthDate: app.UtcNow.AddYears(-16).ToString("yyyy-MM-dd"));
        form["Input.GuardianName"] = "Ana Responsável";
        form["Input.GuardianRelationship"] = "Mãe";
        form["Input.GuardianCpf"] = Cpf.Format(PatientsArrange.NewCpf());
        form["Input.GuardianPhone"] = "(11) 97777-8888";
        var id = await client.CreatePatientAsync(form);
        // The anamnese is clinical data, not the front desk's: a manager fills it in here.
        var (manager, _) = await app.SignedInClientAsync(Roles.Manager);
        var profile = await manager.PostFormAsync($"/Patients/HealthProfile?id={id}",
        [
            new("Input.Allergies", "Dipirona"), new("Input.Contraindications", "Uso de anticoagulante"), new("Input.Pregnant", "true"),
        ]);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);

        // An image-use consent given and withdrawn (the consents tab's work), arranged directly.
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NeonProDbContext>();
            var term = new ConsentTerm { Purpose = ConsentPurpose.ImageUse, Version = $"t-{Guid.NewGuid():N}"[..20], Text = "Termo", Sha256 = new string('a', 64), EffectiveFrom = new DateOnly(2026, 1, 1) };
            db.ConsentTerms.Add(term);
            db.PatientConsents.Add(new PatientConsent
            {
                PatientId = id, Purpose = ConsentPurpose.ImageUse, TermId = term.Id, GrantedAtUtc = app.UtcNow.AddDays(-3),
                WithdrawnAtUtc = app.UtcNow.AddMinutes(-5), WithdrawalReason = "Não quer mais fotos",
            });
            await db.SaveChangesAsync();
        });

        var chart = await client.GetDocumentAsync($"/Patients/Chart?id={id}");
        var alerts = chart.QuerySelectorAll("[data-testid=chart-alerts] li").Select(li => li.TextContent.Trim()).ToList();

        Assert.Contains("Menor de idade", alerts);
        Assert.Contains("Alergias: Dipirona", alerts);
        Assert.Contains("Contraindicações: Uso de anticoagulante", alerts);
        Assert.Contains($"Gestante (informado em {Today})", alerts);
        // Worded by the consent register (ConsentStatus), which the chart asks.
        Assert.Contains($"Consentimento retirado: Uso de imagem (fotografias), em {Today}.", alerts);
        Assert.Contains("Sem consentimento para tratamento de dados de saúde.", alerts);

        // The header refreshes itself (hx-trigger on the consent and anamnese events) without another opening.
        var views = await ViewRowsAsync(id);
        var header = FormPosting.Parse(await HtmxGetAsync(client, $"/Patients/Chart?id={id}&handler=Header"));
        Assert.Contains("Alergias: Dipirona", header.QuerySelector("[data-testid=chart-alerts]")!.TextContent);
        Assert.Equal(views, await ViewRowsAsync(id));
    }

    [Fact]
    public async Task Saving_the_anamnese_confirms_changed_items_and_confirm_renews_only_that_date()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var id = await client.CreatePatientAsync(PatientsArrange.ValidForm());

        var saved = await client.PostFormAsync($"/Patients/HealthProfile?id={id}", $"/Patients/HealthProfile?id={id}",
        [
            new("Input.Allergies", "Látex"), new("Input.FitzpatrickType", "3"), new("Input.AestheticGoals", "Clarear manchas"),
        ], htmx: true);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains($"confirmado em {Today}", FormPosting.Text(await saved.Content.ReadAsStringAsync()));

        var p = await PatientsArrange.LoadAsync(app, id);
        var h = p.HealthProfile!;
        Assert.Equal("Látex", h.Allergies);
        Assert.Equal(3, h.FitzpatrickType);
        Assert.NotNull(h.AllergiesConfirmedAtUtc);
        Assert.NotNull(h.FitzpatrickConfirmedAtUtc);
        Assert.Null(h.MedicationsConfirmedAtUtc); // never answered, never confirmed

        // Months later the patient says nothing changed about allergies.
        var old = new DateTime(2025, 1, 15, 12, 0, 0, DateTimeKind.Utc);
        await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().HealthProfiles.Where(x => x.PatientId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.AllergiesConfirmedAtUtc, old).SetProperty(x => x.GoalsConfirmedAtUtc, old)));

        var confirm = await client.PostFormAsync($"/Patients/HealthProfile?id={id}",
            $"/Patients/HealthProfile?handler=Confirm&id={id}&item=Allergies&version={h.Version}", [], htmx: true);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);

        var after = (await PatientsArrange.LoadAsync(app, id)).HealthProfile!;
        Assert.True(after.AllergiesConfirmedAtUtc > app.UtcNow.AddMinutes(-5));
        Assert.Equal(old, after.GoalsConfirmedAtUtc);
        Assert.Equal("Látex", after.Allergies);
        Assert.NotEqual(h.Version, after.Version);

        // Both saves are in the audit trail.
        var audited = await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().AuditEntries
            .CountAsync(a => a.EntityType == nameof(HealthProfile) && a.EntityId == id.ToString()));
        Assert.Equal(2, audited);

        // A confirmation on the version read before it is refused.
        var stale = await client.PostFormAsync($"/Patients/HealthProfile?id={id}",
            $"/Patients/HealthProfile?handler=Confirm&id={id}&item=Goals&version={h.Version}", [], htmx: true);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(old, (await PatientsArrange.LoadAsync(app, id)).HealthProfile!.GoalsConfirmedAtUtc);
    }

    [Fact]
    public async Task The_history_tab_lists_registry_and_anamnese_changes()
    {
        var (client, user) = await app.SignedInClientAsync(Roles.Receptionist);
        var form = PatientsArrange.ValidForm();
        var id = await client.CreatePatientAsync(form);
        form["Input.Version"] = (await PatientsArrange.LoadAsync(app, id)).Version.ToString();
        form["Input.MobilePhone"] = "(11) 91111-2222";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Patients/Edit?id={id}", form)).StatusCode);

        var text = FormPosting.Text(await HtmxGetAsync(client, $"/Patients/Chart?id={id}&handler=Tab&tab=historico"));

        Assert.Contains("Cadastro criado", text);
        Assert.Contains("Cadastro alterado", text);
        Assert.Contains("Campos: Celular", text);
        Assert.Contains(user.FullName, text);
        Assert.DoesNotContain("91111", text); // values of identifying fields never reach the history
    }

    [Fact]
    public async Task The_patients_list_shows_recent_registrations_and_charts_opened_by_me()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var surname = PatientsArrange.UniqueSurname();
        var id = await client.CreatePatientAsync(PatientsArrange.ValidForm($"Joana {surname}"));
        await client.GetDocumentAsync($"/Patients/Chart?id={id}");

        var list = await client.GetDocumentAsync("/Patients");

        var captions = list.QuerySelectorAll("caption").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Abertos recentemente por você", "Cadastrados recentemente"], captions);
        Assert.All(list.QuerySelectorAll("table"), t => Assert.Contains($"Joana {surname}", t.TextContent));
        Assert.NotNull(list.QuerySelector("a[href='/Patients/Create']"));
    }
}
