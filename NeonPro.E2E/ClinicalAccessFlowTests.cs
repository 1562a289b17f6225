using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NeonPro.E2E.Infrastructure;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Features.Patients;
using static Microsoft.Playwright.Assertions;

namespace NeonPro.E2E;

/// <summary>
/// Access follows the clinical relationship, in the browser: the front desk registers a walk-in; the demo professional,
/// signed in as themself and with no appointment with her, gets the "acesso de emergência" form instead of the chart,
/// is refused an empty reason beside the field, breaks the glass with a reason and works in the chart (anamnese
/// included) under the emergency banner; the admin finds that access, with its reason, under the Audit page's
/// emergency-access filter.
/// </summary>
public sealed class ClinicalAccessFlowTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{

    /// <summary>A word of letters only, so this run's patient and reason are found by it alone.</summary>
    private static string RandomWord()
    {
        var bytes = RandomNumberGenerator.GetBytes(6);
        return "Q" + new string(bytes.Select(b => (char)('a' + b % 26)).ToArray());
    }

    /// <summary>The front desk registers a patient nobody has booked yet; returns the chart's address.</summary>
    private static async Task<string> RegisterWalkInAsync(IPage desk, string fullName)
    {
        var cpf = DemoIdentifiers.Cpf(new Random(BitConverter.ToInt32(RandomNumberGenerator.GetBytes(4))));
        await Navigation(desk).GetByRole(AriaRole.Link, new() { Name = "Pacientes", Exact = true }).ClickAsync();
        await desk.GetByRole(AriaRole.Link, new() { Name = "Novo paciente", Exact = true }).ClickAsync();
        await desk.GetByLabel("Nome completo", new() { Exact = true }).FillAsync(fullName);
        await desk.GetByLabel("Data de nascimento", new() { Exact = true }).FillAsync("1979-09-23");
        await desk.GetByLabel("Sexo", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Feminino" });
        await desk.GetByLabel("CPF", new() { Exact = true }).FillAsync(Cpf.Format(cpf));
        await desk.GetByLabel("Celular", new() { Exact = true }).FillAsync("(11) 97777-6666");
        await desk.GetByLabel("E-mail", new() { Exact = true }).FillAsync("emergencia.e2e@exemplo.test");
        await desk.GetByLabel("CEP", new() { Exact = true }).FillAsync("01310-100");
        await desk.GetByLabel("Logradouro", new() { Exact = true }).FillAsync("Avenida Paulista");
        await desk.GetByLabel("Número", new() { Exact = true }).FillAsync("1500");
        await desk.GetByLabel("Cidade", new() { Exact = true }).FillAsync("São Paulo");
        await desk.GetByLabel("UF", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "SP" });
        await desk.GetByRole(AriaRole.Button, new() { Name = "Cadastrar paciente", Exact = true }).ClickAsync();
        await Expect(desk).ToHaveURLAsync(new Regex("/Patients/Chart\\?id="));
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = fullName, Level = 1 })).ToBeVisibleAsync();
        return new Uri(desk.Url).PathAndQuery;
    }

    [Fact]
    public async Task A_professional_breaks_the_glass_with_a_reason_and_the_audit_lists_it_under_its_own_filter() => await ScenarioAsync(async () =>
    {
        var demo = await App.DemoClinicAsync();
        var word = RandomWord();
        var patient = $"Lúcia Emergência {word}";
        var desk = await SignedInAsync(DemoClinic.ReceptionistEmail, demo.PasswordOf(DemoClinic.ReceptionistEmail));
        var chartUrl = await RegisterWalkInAsync(desk, patient);

        // The professional has never had an appointment with her: the chart is closed, the way to break the glass is open.
        var pro = await SignedInAsync(DemoClinic.ProfessionalEmail, demo.PasswordOf(DemoClinic.ProfessionalEmail));
        var professionalName = (await pro.GetByTestId("signed-in-user").TextContentAsync())!.Trim();
        var refused = await pro.GotoAsync(chartUrl);
        Assert.Equal(403, refused!.Status);
        await Expect(pro.GetByRole(AriaRole.Heading, new() { Name = "Acesso restrito", Level = 1 })).ToBeVisibleAsync();
        await Expect(pro.GetByText("Este prontuário só abre para os profissionais que atendem o paciente.", new() { Exact = false })).ToBeVisibleAsync();
        // Still the app's page (its navigation and layout), with nothing of the chart: no name, no alerts, no tabs.
        await Expect(Navigation(pro)).ToContainTextAsync(professionalName);
        await Expect(pro.GetByText(word)).ToHaveCountAsync(0);
        await Expect(pro.GetByTestId("chart-alerts")).ToHaveCountAsync(0);
        await Expect(pro.GetByRole(AriaRole.Tab)).ToHaveCountAsync(0);
        var reasonBox = pro.GetByLabel("Motivo do acesso de emergência", new() { Exact = true });
        var breakTheGlass = pro.GetByRole(AriaRole.Button, new() { Name = "Acesso de emergência", Exact = true });
        await Expect(reasonBox).ToBeVisibleAsync();
        await Expect(breakTheGlass).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(pro, "clinical-access-1-restricted");

        // No reason: refused, the message beside the field (its description), the field marked invalid and focused.
        await breakTheGlass.ClickAsync();
        const string tooShort = "Descreva o motivo com pelo menos 15 caracteres.";
        await Expect(reasonBox).ToHaveAccessibleDescriptionAsync(tooShort);
        await Expect(pro.Locator("#emergency-access").GetByText(tooShort, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(reasonBox).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(reasonBox).ToBeFocusedAsync();
        await Expect(pro.GetByText(word)).ToHaveCountAsync(0);
        await AppServer.ScreenshotAsync(pro, "clinical-access-2-reason-required");

        // A reason: the chart opens under the emergency banner.
        var reason = $"Paciente passou mal na sala de espera, plantão {word}";
        await reasonBox.FillAsync(reason);
        await breakTheGlass.ClickAsync();
        await Expect(pro).ToHaveURLAsync(new Regex("/Patients/Chart\\?id=.*tab=dados"));
        var banner = pro.GetByRole(AriaRole.Alert).Filter(new() { HasText = $"Acesso de emergência: {reason}" });
        await Expect(banner).ToBeVisibleAsync();
        await Expect(pro.GetByRole(AriaRole.Heading, new() { Name = patient, Level = 1 })).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(pro, "clinical-access-3-emergency-banner");

        // The anamnese, clinical data, opens under the same grant.
        await pro.GetByRole(AriaRole.Tab, new() { Name = "Anamnese", Exact = true }).ClickAsync();
        await Expect(pro).ToHaveURLAsync(new Regex("tab=anamnese"));
        await Expect(pro.GetByLabel("Alergias", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(pro.GetByRole(AriaRole.Button, new() { Name = "Salvar anamnese", Exact = true })).ToBeVisibleAsync();
        await Expect(banner).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(pro, "clinical-access-4-anamnese");

        // The chart's own access log names it as such, with the reason.
        await pro.GetByRole(AriaRole.Tab, new() { Name = "Acessos", Exact = true }).ClickAsync();
        var logged = pro.GetByTestId("access-log").GetByRole(AriaRole.Row).Filter(new() { HasText = $"Acesso de emergência: {reason}" });
        await Expect(logged).ToHaveCountAsync(1);
        await Expect(logged).ToContainTextAsync(professionalName);

        // The admin's Audit page: the emergency-access filter lists that row, with who and why.
        var admin = await NewAdminPageAsync();
        await admin.GotoAsync("/");
        await FollowNavigationAsync(admin, "Gestão", "Auditoria");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Auditoria", Level = 1 })).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Acessos de emergência", Exact = true }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex("action=EmergencyAccess"));
        await Expect(admin.GetByLabel("Ação", new() { Exact = true }).Locator("option:checked")).ToHaveTextAsync("Acesso de emergência");
        var entries = admin.Locator("#audit-entries");
        var row = entries.GetByRole(AriaRole.Row).Filter(new() { HasText = reason });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("[data-field=user]")).ToHaveTextAsync(professionalName);
        await Expect(row.Locator("[data-field=action]")).ToHaveTextAsync("Acesso de emergência");
        await Expect(row.Locator("[data-field=changes]")).ToHaveTextAsync(new Regex($"Motivo:\\s*{Regex.Escape(reason)}"));
        // Only emergency accesses under this filter: the chart openings around it are not listed.
        var actions = entries.Locator("tbody [data-field=action]");
        await Expect(actions.First).ToBeVisibleAsync();
        foreach (var action in await actions.AllTextContentsAsync()) Assert.Equal("Acesso de emergência", action.Trim());
        await row.ScrollIntoViewIfNeededAsync();
        await AppServer.ScreenshotAsync(admin, "clinical-access-5-audit-emergency-filter");
    });
}
