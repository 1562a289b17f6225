using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Professionals;

/// <summary>Registering and editing professionals through the real form, as a manager would. On a held clock: standings ("vence em até 30 dias"), validity periods and weeks are about the clinic's day.</summary>
public sealed class EditTests(FakeClockFactory app) : IClassFixture<FakeClockFactory>
{
    private static Dictionary<string, string> Form(string name, string profession = "Physician", string council = "Crm",
        string number = "123456", string? state = "SP", string? region = null, string? category = null) => new()
    {
        ["Input.FullName"] = name,
        ["Input.Profession"] = profession,
        ["Input.Council"] = council,
        ["Input.CouncilNumber"] = number,
        ["Input.CouncilState"] = state ?? "",
        ["Input.CouncilRegion"] = region ?? "",
        ["Input.CouncilCategory"] = category ?? "",
        ["Input.RegistrationStatus"] = "Active",
        ["Input.CardValidUntil"] = DateTime.Today.AddYears(1).ToString("yyyy-MM-dd"),
        ["Input.DefaultConsultationMinutes"] = "40",
        ["Input.Color"] = "#112233",
        ["Input.IsActive"] = "true",
        ["Input.RequiresSupervision"] = "false",
        ["Input.SupervisorId"] = "",
        ["Input.UserId"] = "",
        ["Input.Version"] = Guid.Empty.ToString(),
    };

    private static string MessageFor(IHtmlDocument doc, string field) =>
        doc.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    private async Task<int> CountNamedAsync(string name)
    {
        await using var db = app.NewDbContext();
        return await db.Professionals.CountAsync(p => p.FullName == name);
    }

    [Fact]
    public async Task Manager_registers_a_physician_with_a_valid_CRM()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var response = await client.PostFormAsync("/Professionals/Edit", Form("Dra. Ana Válida"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.NewDbContext();
        var saved = await db.Professionals.SingleAsync(p => p.FullName == "Dra. Ana Válida");
        Assert.Equal(Council.Crm, saved.Council);
        Assert.Equal("CRM/SP 123456", saved.Registration.Display);
        Assert.Equal("#112233", saved.Color);
        Assert.Equal(40, saved.DefaultConsultationMinutes);
        Assert.Null(saved.CouncilRegion);
        Assert.Equal($"/Professionals/Details?id={saved.Id}", response.Headers.Location?.OriginalString);

        var list = await client.GetDocumentAsync("/Professionals");
        var row = list.QuerySelector($"tr[data-professional-id='{saved.Id}']")!;
        Assert.Contains("CRM/SP 123456", row.TextContent);
        Assert.Contains("Médico(a)", row.TextContent);
        Assert.Contains("Registro regular", row.TextContent);
    }

    [Fact]
    public async Task A_CRM_with_letters_is_refused_beside_the_number_and_nothing_is_saved()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var response = await client.PostFormAsync("/Professionals/Edit", Form("Dr. Letras", number: "12A456"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var doc = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("O número do conselho deve ter apenas dígitos.", MessageFor(doc, "Input.CouncilNumber"));
        Assert.Equal(0, await CountNamedAsync("Dr. Letras"));
    }

    [Fact]
    public async Task A_COREN_without_its_category_is_refused()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var response = await client.PostFormAsync("/Professionals/Edit", Form("Enf. Sem Categoria", "Nurse", "Coren", "654321", "SP"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var doc = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Informe a categoria do COREN (ENF, TE, AE, OBST ou PAR).", MessageFor(doc, "Input.CouncilCategory"));
        Assert.Equal(0, await CountNamedAsync("Enf. Sem Categoria"));

        var fixedUp = await client.PostFormAsync("/Professionals/Edit", Form("Enf. Sem Categoria", "Nurse", "Coren", "654321", "SP", category: "enf"));
        Assert.Equal(HttpStatusCode.Redirect, fixedUp.StatusCode);
        await using var db = app.NewDbContext();
        Assert.Equal("COREN-SP-654321-ENF", (await db.Professionals.SingleAsync(p => p.FullName == "Enf. Sem Categoria")).Registration.Display);
    }

    [Fact]
    public async Task A_CRBM_with_a_UF_but_no_region_is_refused()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var response = await client.PostFormAsync("/Professionals/Edit", Form("Biom. Sem Região", "Biomedic", "Crbm", "12345", state: "SP"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var doc = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Informe a região do conselho (1 a 6); este conselho registra por região, não por UF.", MessageFor(doc, "Input.CouncilRegion"));
        Assert.NotNull(doc.QuerySelector("input[name='Input.CouncilRegion']"));
        Assert.Equal(0, await CountNamedAsync("Biom. Sem Região"));

        var withRegion = await client.PostFormAsync("/Professionals/Edit", Form("Biom. Sem Região", "Biomedic", "Crbm", "12345", state: "SP", region: "1"));
        Assert.Equal(HttpStatusCode.Redirect, withRegion.StatusCode);
        await using var db = app.NewDbContext();
        var saved = await db.Professionals.SingleAsync(p => p.FullName == "Biom. Sem Região");
        Assert.Null(saved.CouncilState); // a regional council keeps no UF
        Assert.Equal("CRBM-1 12345", saved.Registration.Display);
    }

    [Fact]
    public async Task A_council_that_does_not_match_the_profession_is_refused()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var response = await client.PostFormAsync("/Professionals/Edit", Form("Farm. Conselho Errado", "Pharmacist", "Crm"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var doc = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Esta profissão se registra no CRF.", MessageFor(doc, "Input.Council"));
    }

    [Fact]
    public async Task An_aesthetician_is_registered_without_a_council()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var response = await client.PostFormAsync("/Professionals/Edit", Form("Esteticista Sem Conselho", "Aesthetician", "None", number: "999", state: "SP"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.NewDbContext();
        var saved = await db.Professionals.SingleAsync(p => p.FullName == "Esteticista Sem Conselho");
        Assert.Equal(Council.None, saved.Council);
        Assert.Null(saved.CouncilNumber);
        Assert.Null(saved.CouncilState);
    }

    [Fact]
    public async Task A_professional_cannot_supervise_themself()
    {
        var p = await app.AddProfessionalAsync(x => x.FullName = "Enf. Auto Supervisão");
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var url = $"/Professionals/Edit?id={p.Id}";
        var form = Form("Enf. Auto Supervisão Alterada");
        form["Input.Version"] = p.Version.ToString();
        form["Input.RequiresSupervision"] = "true";
        form["Input.SupervisorId"] = p.Id.ToString();

        var response = await client.PostFormAsync(url, form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var doc = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("O supervisor não pode ser o próprio profissional.", MessageFor(doc, "Input.SupervisorId"));
        await using var db = app.NewDbContext();
        var unchanged = await db.Professionals.SingleAsync(x => x.Id == p.Id);
        Assert.Equal("Enf. Auto Supervisão", unchanged.FullName);
        Assert.Null(unchanged.SupervisorId);
        // The select does not even offer the professional as their own supervisor.
        var page = await client.GetDocumentAsync(url);
        Assert.Null(page.QuerySelector($"select[name='Input.SupervisorId'] option[value='{p.Id}']"));
    }

    [Fact]
    public async Task A_professional_cannot_be_supervised_by_someone_they_supervise()
    {
        var physician = await app.AddProfessionalAsync(x => x.FullName = "Dra. Responsável");
        var technician = await app.AddProfessionalAsync(x => { x.FullName = "Téc. Sob a Dra. Responsável"; x.RequiresSupervision = true; x.SupervisorId = physician.Id; });
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var form = Form("Dra. Responsável");
        form["Input.Version"] = physician.Version.ToString();
        form["Input.RequiresSupervision"] = "true";
        form["Input.SupervisorId"] = technician.Id.ToString();

        var response = await client.PostFormAsync($"/Professionals/Edit?id={physician.Id}", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Este supervisor é supervisionado, direta ou indiretamente, por este profissional; escolha alguém que responda por si.",
            MessageFor(FormPosting.Parse(await response.Content.ReadAsStringAsync()), "Input.SupervisorId"));
        await using var db = app.NewDbContext();
        Assert.Null((await db.Professionals.SingleAsync(x => x.Id == physician.Id)).SupervisorId);
    }

    [Fact]
    public async Task Requiring_supervision_needs_a_supervisor_and_saves_with_one()
    {
        var supervisor = await app.AddProfessionalAsync(x => x.FullName = "Dr. Supervisor");
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var form = Form("Téc. Supervisionada", "Nurse", "Coren", "765432", "MG", category: "TE");
        form["Input.RequiresSupervision"] = "true";

        var refused = await client.PostFormAsync("/Professionals/Edit", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("Informe o supervisor.", MessageFor(FormPosting.Parse(await refused.Content.ReadAsStringAsync()), "Input.SupervisorId"));
        Assert.Equal(0, await CountNamedAsync("Téc. Supervisionada"));

        form["Input.SupervisorId"] = supervisor.Id.ToString();
        var saved = await client.PostFormAsync("/Professionals/Edit", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = app.NewDbContext();
        Assert.Equal(supervisor.Id, (await db.Professionals.SingleAsync(p => p.FullName == "Téc. Supervisionada")).SupervisorId);
    }

    [Fact]
    public async Task A_staff_account_in_the_professional_role_can_be_linked_once()
    {
        var account = await app.CreateStaffAsync(Roles.Professional);
        var receptionist = await app.CreateStaffAsync(Roles.Receptionist);
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);

        var page = await client.GetDocumentAsync("/Professionals/Edit");
        Assert.NotNull(page.QuerySelector($"select[name='Input.UserId'] option[value='{account.Id}']"));
        Assert.Null(page.QuerySelector($"select[name='Input.UserId'] option[value='{receptionist.Id}']"));

        var form = Form("Dra. Com Conta");
        form["Input.UserId"] = account.Id;
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Professionals/Edit", form)).StatusCode);

        var second = Form("Dra. Mesma Conta");
        second["Input.UserId"] = account.Id;
        var refused = await client.PostFormAsync("/Professionals/Edit", second);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(0, await CountNamedAsync("Dra. Mesma Conta"));
    }

    [Fact]
    public async Task An_edit_made_on_a_stale_version_is_refused()
    {
        var p = await app.AddProfessionalAsync(x => x.FullName = "Dra. Versão Original");
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var url = $"/Professionals/Edit?id={p.Id}";
        var page = await client.GetDocumentAsync(url);
        var loadedVersion = page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        Assert.Equal(p.Version.ToString(), loadedVersion);

        // Someone else saves first.
        await using (var other = app.NewDbContext())
        {
            var entity = await other.Professionals.SingleAsync(x => x.Id == p.Id);
            entity.FullName = "Dra. Versão Da Colega";
            await other.SaveChangesAsync();
        }

        var form = Form("Dra. Versão Atrasada");
        form["Input.Version"] = loadedVersion;
        var response = await client.PostFormAsync(url, form);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Matches(@"Alterado por .+ às \d{2}:\d{2}; recarregue\.", FormPosting.Text(await response.Content.ReadAsStringAsync()));
        await using var db = app.NewDbContext();
        Assert.Equal("Dra. Versão Da Colega", (await db.Professionals.SingleAsync(x => x.Id == p.Id)).FullName);
    }

    [Fact]
    public async Task Editing_with_the_current_version_saves()
    {
        var p = await app.AddProfessionalAsync(x => x.FullName = "Dra. Antes");
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var url = $"/Professionals/Edit?id={p.Id}";
        var version = (await client.GetDocumentAsync(url)).QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        var form = Form("Dra. Depois", number: "7654321", state: "RJ");
        form["Input.Version"] = version;

        var response = await client.PostFormAsync(url, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.NewDbContext();
        var saved = await db.Professionals.SingleAsync(x => x.Id == p.Id);
        Assert.Equal("Dra. Depois", saved.FullName);
        Assert.Equal("CRM/RJ 7654321", saved.Registration.Display);
        Assert.NotEqual(p.Version, saved.Version);
    }

    [Fact]
    public async Task The_council_fields_follow_the_profession()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Professionals/Edit?handler=CouncilFields&follow=true&Input.Profession=Physiotherapist&Input.Council=Crm");
        request.Headers.Add("HX-Request", "true");
        var response = await client.SendAsync(request);
        var doc = FormPosting.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("Crefito", doc.QuerySelector("select[name='Input.Council'] option[selected]")?.GetAttribute("value"));
        Assert.NotNull(doc.QuerySelector("input[name='Input.CouncilRegion']"));
        Assert.Null(doc.QuerySelector("select[name='Input.CouncilState']"));
        Assert.NotNull(doc.QuerySelector("select[name='Input.CouncilCategory'] option[value='TO']"));
    }

    [Fact]
    public async Task A_receptionist_is_refused_the_professionals_pages_and_writes()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        foreach (var url in new[] { "/Professionals", "/Professionals/Edit" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Identity/Account/AccessDenied", response.Headers.Location?.OriginalString);
        }

        var post = await client.PostFormAsync("/", "/Professionals/Edit", Form("Recepção Não Pode"));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("/Identity/Account/AccessDenied", post.Headers.Location?.OriginalString);
        Assert.Equal(0, await CountNamedAsync("Recepção Não Pode"));
    }

    [Fact]
    public async Task The_list_shows_red_and_amber_standings_and_filters_with_htmx()
    {
        var today = app.ClinicToday;
        await app.AddProfessionalAsync(x => { x.FullName = "Filtro Suspensa"; x.RegistrationStatus = RegistrationStatus.Suspended; });
        await app.AddProfessionalAsync(x => { x.FullName = "Filtro Vencendo"; x.CardValidUntil = today.AddDays(10); });
        await app.AddProfessionalAsync(x => { x.FullName = "Filtro Vencida"; x.FeesPaidThrough = today.AddDays(-1); });
        await app.AddProfessionalAsync(x =>
        {
            x.FullName = "Filtro Dentista"; x.Profession = Profession.Dentist; x.Council = Council.Cro; x.CouncilNumber = "12345";
        });
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/Professionals?q=Filtro");
        request.Headers.Add("HX-Request", "true");
        var response = await client.SendAsync(request);
        var doc = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(doc.QuerySelector("#professional-list"));
        Assert.Null(doc.QuerySelector("nav")); // the fragment, not the page

        string Badge(string name) => doc.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(name)).QuerySelector(".badge[data-standing]")!.OuterHtml;
        Assert.Contains("text-bg-danger", Badge("Filtro Suspensa"));
        Assert.Contains("Registro suspenso", Badge("Filtro Suspensa"));
        Assert.Contains("text-bg-warning", Badge("Filtro Vencendo"));
        Assert.Contains("Vence em 10 dias", Badge("Filtro Vencendo"));
        Assert.Contains("Carteira/anuidade vencida", Badge("Filtro Vencida"));
        Assert.Contains("CRO-SP 12345", doc.Body!.TextContent);

        var dentists = FormPosting.Text(await client.GetStringAsync("/Professionals?q=Filtro&profession=Dentist"));
        Assert.Contains("Filtro Dentista", dentists);
        Assert.DoesNotContain("Filtro Suspensa", dentists);
    }

    [Fact]
    public async Task A_name_with_a_direction_override_is_refused_beside_the_name()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);

        var response = await client.PostFormAsync("/Professionals/Edit", Form("Dra. \u202Eavlis"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var doc = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("O nome contém caracteres invisíveis que mudam a direção do texto; digite-o de novo.", MessageFor(doc, "Input.FullName"));
        Assert.Equal(0, await CountNamedAsync("Dra. \u202Eavlis"));
    }
}
