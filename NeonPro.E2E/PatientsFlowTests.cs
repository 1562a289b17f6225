using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NeonPro.E2E.Infrastructure;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Features.Patients;
using static Microsoft.Playwright.Assertions;

namespace NeonPro.E2E;

/// <summary>
/// A receptionist registers a patient, is refused a second one with the same CPF, finds the first through the
/// navigation search by an unaccented name fragment and by CPF digits, records an image-use consent, withdraws it,
/// and sees the alert in the chart's header; the anamnese is not the front desk's, but its allergy shows among the alerts.
/// </summary>
public sealed class PatientsFlowTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private static readonly TimeZoneInfo Clinic = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    private async Task<IPage> NewReceptionistPageAsync()
    {
        var receptionist = StaffAccount.NewReceptionist("Rafaela Recepção Teste");
        await AdminUi.CreateStaffAsync(await NewAdminPageAsync(), receptionist);
        var page = await NewPageAsync();
        await AppServer.SignInAsync(page, receptionist.Email, receptionist.Password);
        await Expect(page).Not.ToHaveURLAsync(new Regex("/Identity/Account/Login"));
        return page;
    }

    /// <summary>A word of letters only, so the patient's name is this run's alone and searchable by its start.</summary>
    private static string RandomWord()
    {
        var bytes = RandomNumberGenerator.GetBytes(6);
        return "Q" + new string(bytes.Select(b => (char)('a' + b % 26)).ToArray());
    }


    private static ILocator SearchBox(IPage page) =>
        Navigation(page).GetByRole(AriaRole.Combobox, new() { Name = "Buscar paciente", Exact = true });

    private static ILocator SearchResults(IPage page) =>
        Navigation(page).GetByRole(AriaRole.Listbox, new() { Name = "Pacientes encontrados", Exact = true }).GetByRole(AriaRole.Option);

    private static async Task FillRegistryAsync(IPage page, string fullName, string cpf)
    {
        await page.GetByLabel("Nome completo", new() { Exact = true }).FillAsync(fullName);
        await page.GetByLabel("Data de nascimento", new() { Exact = true }).FillAsync("1988-04-12");
        await page.GetByLabel("Sexo", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Feminino" });
        await page.GetByLabel("CPF", new() { Exact = true }).FillAsync(cpf);
        await page.GetByLabel("Celular", new() { Exact = true }).FillAsync("(11) 98888-7777");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync("paciente.e2e@exemplo.test");
        await page.GetByLabel("CEP", new() { Exact = true }).FillAsync("01310-100");
        await page.GetByLabel("Logradouro", new() { Exact = true }).FillAsync("Avenida Paulista");
        await page.GetByLabel("Número", new() { Exact = true }).FillAsync("1000");
        await page.GetByLabel("Cidade", new() { Exact = true }).FillAsync("São Paulo");
        await page.GetByLabel("UF", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "SP" });
    }

    [Fact]
    public async Task Receptionist_registers_finds_and_records_then_withdraws_an_image_consent() => await ScenarioAsync(async () =>
    {
        var page = await NewReceptionistPageAsync();
        var word = RandomWord();
        var fullName = $"Conceição Araújo {word}";
        var cpf = DemoIdentifiers.Cpf(new Random(BitConverter.ToInt32(RandomNumberGenerator.GetBytes(4))));

        // Register.
        await Navigation(page).GetByRole(AriaRole.Link, new() { Name = "Pacientes", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Novo paciente", Exact = true }).ClickAsync();
        await FillRegistryAsync(page, fullName, Cpf.Format(cpf));
        await page.GetByRole(AriaRole.Button, new() { Name = "Cadastrar paciente", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Patients/Chart\\?id="));
        var chartUrl = page.Url;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = fullName, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("chart-alerts")).ToContainTextAsync("Sem consentimento para tratamento de dados de saúde.");
        await AppServer.ScreenshotAsync(page, "patients-1-registered");

        // The same CPF again, typed without punctuation: refused beside the field, with a link to the first record.
        await Navigation(page).GetByRole(AriaRole.Link, new() { Name = "Pacientes", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Novo paciente", Exact = true }).ClickAsync();
        await FillRegistryAsync(page, $"Outra Pessoa {RandomWord()}", cpf);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cadastrar paciente", Exact = true }).ClickAsync();
        var form = page.Locator("#patient-form");
        await Expect(form.Locator("[data-valmsg-for='Input.Cpf']")).ToHaveTextAsync("Já existe um paciente com este CPF.");
        var existing = form.GetByRole(AriaRole.Link, new() { Name = "Abrir cadastro", Exact = true });
        await Expect(existing).ToHaveAttributeAsync("href", new Uri(chartUrl).PathAndQuery);
        await Expect(page).ToHaveURLAsync(new Regex("/Patients/Create"));
        await AppServer.ScreenshotAsync(page, "patients-2-duplicate-cpf");

        // Find the first by an unaccented fragment of the name, choose it with the keyboard.
        var search = SearchBox(page);
        await search.FillAsync($"conceicao {word[..4].ToLowerInvariant()}");
        var option = SearchResults(page).Filter(new() { HasText = fullName });
        await Expect(option).ToBeVisibleAsync();
        await Expect(SearchResults(page)).ToHaveCountAsync(1);
        await AppServer.ScreenshotAsync(page, "patients-3-search-by-name");
        await search.PressAsync("ArrowDown");
        await Expect(option).ToHaveAttributeAsync("aria-selected", "true");
        await search.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(chartUrl);

        // And by the first digits of the CPF.
        await SearchBox(page).FillAsync(cpf[..7]);
        option = SearchResults(page).Filter(new() { HasText = fullName });
        await Expect(option).ToBeVisibleAsync();
        await Expect(option).ToContainTextAsync(Cpf.Masked(cpf));
        await AppServer.ScreenshotAsync(page, "patients-4-search-by-cpf");
        await option.ClickAsync();
        await Expect(page).ToHaveURLAsync(chartUrl);

        // Record an image-use consent on the consents tab.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Consentimentos", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("tab=consentimentos"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrar consentimento", Exact = true }).ClickAsync();
        // The form arrives by htmx; its purpose select asks for its term only once htmx has wired it up.
        await Expect(page.Locator("#consent-record-form")).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GetByLabel("Finalidade", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Uso de imagem (fotografias)" });
        // The term of the chosen purpose replaces the default one: agree to the one on screen, not the one going away.
        await Expect(page.Locator("#consent-term")).ToContainTextAsync("Termo: Uso de imagem (fotografias)");
        await page.GetByLabel("Forma", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Presencial" });
        await page.GetByLabel(new Regex("^O paciente leu e concordou com o termo")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrar", Exact = true }).ClickAsync();
        var imageRow = page.Locator("#consent-status tr").Filter(new() { HasText = "Uso de imagem (fotografias)" });
        await Expect(imageRow).ToContainTextAsync("Vigente desde");
        await AppServer.ScreenshotAsync(page, "patients-5-consent-recorded");

        // Withdraw it, with a reason; the chart's header shows the alert without a reload.
        await page.GetByRole(AriaRole.Button, new() { Name = "Retirar consentimento: Uso de imagem (fotografias)", Exact = true }).ClickAsync();
        await page.GetByLabel("Motivo da retirada", new() { Exact = true }).FillAsync("A paciente não quer mais ser fotografada.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmar retirada", Exact = true }).ClickAsync();
        await Expect(imageRow).ToContainTextAsync("Retirado em");
        var today = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Clinic).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var alert = $"Consentimento retirado: Uso de imagem (fotografias), em {today}.";
        await Expect(page.GetByTestId("chart-alerts")).ToContainTextAsync(alert);
        await AppServer.ScreenshotAsync(page, "patients-6-consent-withdrawn");

        // Still there when the chart is opened again.
        await page.GotoAsync(chartUrl);
        await Expect(page.GetByTestId("chart-alerts")).ToContainTextAsync(alert);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = fullName, Level = 1 })).ToBeVisibleAsync();

        // The anamnese is clinical data: the front desk has no tab for it. The clinic's admin fills it in, where it saves in
        // place and its allergy reaches the header; the front desk then sees the allergy among the chart's alerts.
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Anamnese", Exact = true })).ToHaveCountAsync(0);
        var clinician = await NewAdminPageAsync();
        await clinician.GotoAsync(chartUrl);
        await clinician.GetByRole(AriaRole.Tab, new() { Name = "Anamnese", Exact = true }).ClickAsync();
        await clinician.GetByLabel("Alergias", new() { Exact = true }).FillAsync("Dipirona");
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Salvar anamnese", Exact = true }).ClickAsync();
        await Expect(clinician.Locator("[data-health-item=Allergies]").GetByTestId("confirmed-at")).ToHaveTextAsync($"confirmado em {today}");
        await Expect(clinician.GetByTestId("chart-alerts")).ToContainTextAsync("Alergias: Dipirona");
        await AppServer.ScreenshotAsync(clinician, "patients-7-anamnese");
        await page.GotoAsync(chartUrl);
        await Expect(page.GetByTestId("chart-alerts")).ToContainTextAsync("Alergias: Dipirona");
    });
}
