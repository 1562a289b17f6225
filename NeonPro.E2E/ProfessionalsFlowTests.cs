using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NeonPro.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NeonPro.E2E;

/// <summary>A manager registers a professional, gives them weekly hours and a day off, and sees the week's availability.</summary>
public sealed class ProfessionalsFlowTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private static readonly TimeZoneInfo Clinic = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    private async Task<IPage> NewManagerPageAsync()
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        var manager = new StaffAccount("Marina Gerente Teste", $"gerente-{id}@e2e.neonpro.local",
            $"Gestao-{id}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(6))}", "Gerente");
        await AdminUi.CreateStaffAsync(await NewAdminPageAsync(), manager);

        var page = await NewPageAsync();
        await AppServer.SignInAsync(page, manager.Email, manager.Password);
        await Expect(page).Not.ToHaveURLAsync(new Regex("/Identity/Account/Login"));
        return page;
    }

    private static async Task AddWeeklyHoursAsync(IPage page, string day, string start, string end)
    {
        var row = page.GetByRole(AriaRole.Form, new() { Name = "Novo horário", Exact = true });
        await row.GetByLabel("Dia da semana", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = day });
        await row.GetByLabel("Início", new() { Exact = true }).FillAsync(start);
        await row.GetByLabel("Fim", new() { Exact = true }).FillAsync(end);
        var before = await page.Locator("[data-testid=hours-row]").CountAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Adicionar", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-testid=hours-row]")).ToHaveCountAsync(before + 1);
    }

    [Fact]
    public async Task Manager_registers_a_professional_with_weekly_hours_and_a_day_off_and_sees_the_week() => await ScenarioAsync(async () =>
    {
        var page = await NewManagerPageAsync();
        var name = $"Dra. Beatriz Flow {Convert.ToHexString(RandomNumberGenerator.GetBytes(2))}";

        await FollowNavigationAsync(page, "Clínica", "Profissionais");
        await page.GetByRole(AriaRole.Link, new() { Name = "Novo profissional", Exact = true }).ClickAsync();

        await page.GetByLabel("Nome completo", new() { Exact = true }).FillAsync(name);
        // The council part follows the profession: pick a nurse first, then the physician, waiting for each redraw.
        var profession = page.GetByLabel("Profissão", new() { Exact = true });
        await page.RunAndWaitForResponseAsync(() => profession.SelectOptionAsync(new SelectOptionValue { Label = "Enfermeiro(a)" }),
            r => r.Url.Contains("handler=CouncilFields"));
        await Expect(page.GetByLabel("Conselho", new() { Exact = true })).ToHaveValueAsync("Coren");
        await Expect(page.GetByLabel("Categoria", new() { Exact = true })).ToBeVisibleAsync();
        await page.RunAndWaitForResponseAsync(() => profession.SelectOptionAsync(new SelectOptionValue { Label = "Médico(a)" }),
            r => r.Url.Contains("handler=CouncilFields"));
        await Expect(page.GetByLabel("Conselho", new() { Exact = true })).ToHaveValueAsync("Crm");
        await Expect(page.GetByLabel("Categoria", new() { Exact = true })).ToHaveCountAsync(0);
        await page.GetByLabel("Número do conselho", new() { Exact = true }).FillAsync("2345678");
        await page.GetByLabel("UF do conselho", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "SP" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvar", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/Professionals/Details\\?id="));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("council-registration")).ToHaveTextAsync("CRM/SP 2345678");

        await AddWeeklyHoursAsync(page, "segunda-feira", "09:00", "12:00");
        await AddWeeklyHoursAsync(page, "segunda-feira", "13:00", "18:00");
        await AddWeeklyHoursAsync(page, "terça-feira", "09:00", "12:00");

        // A day off on next week's Tuesday.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Clinic));
        var nextMonday = today.AddDays(7 - (((int)today.DayOfWeek + 6) % 7));
        var dayOff = nextMonday.AddDays(1);
        var exception = page.GetByRole(AriaRole.Form, new() { Name = "Nova exceção", Exact = true });
        await exception.GetByLabel("Data", new() { Exact = true }).FillAsync(dayOff.ToString("yyyy-MM-dd"));
        await exception.GetByLabel("Tipo", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Folga" });
        await exception.GetByLabel("Motivo", new() { Exact = true }).FillAsync("Curso de atualização");
        await exception.GetByRole(AriaRole.Button, new() { Name = "Adicionar exceção", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-testid=exception-row]")).ToHaveCountAsync(1);

        var week = page.Locator("#week-availability");
        await week.GetByRole(AriaRole.Link, new() { Name = "Próxima semana", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"week={nextMonday:yyyy-MM-dd}"));
        var monday = week.Locator($"li[data-date='{nextMonday:yyyy-MM-dd}']");
        await Expect(monday).ToContainTextAsync("09:00–12:00");
        await Expect(monday).ToContainTextAsync("13:00–18:00");
        var tuesday = week.Locator($"li[data-date='{dayOff:yyyy-MM-dd}']");
        await Expect(tuesday).ToContainTextAsync("Folga");
        await Expect(tuesday).Not.ToContainTextAsync("09:00");
        await week.ScrollIntoViewIfNeededAsync();
        await AppServer.ScreenshotAsync(page, "20-professional-week-with-day-off");

        // A reload of the pushed URL shows the same week: the state lives in the address, not only in the page.
        await page.ReloadAsync();
        await Expect(page.Locator($"#week-availability li[data-date='{dayOff:yyyy-MM-dd}']")).ToContainTextAsync("Folga");
    });
}
