using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NeonPro.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NeonPro.E2E;

/// <summary>A manager registers a laser, a treatment that needs it and a room that has it, and sees the treatment fit the room.</summary>
public sealed class CatalogFlowTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private async Task<IPage> NewManagerPageAsync()
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        var manager = new StaffAccount("Carla Gerente Catálogo", $"gerente-{id}@e2e.neonpro.local",
            $"Gestao-{id}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(6))}", "Gerente");
        await AdminUi.CreateStaffAsync(await NewAdminPageAsync(), manager);

        var page = await NewPageAsync();
        await AppServer.SignInAsync(page, manager.Email, manager.Password);
        await Expect(page).Not.ToHaveURLAsync(new Regex("/Identity/Account/Login"));
        return page;
    }

    [Fact]
    public async Task Manager_creates_a_treatment_that_needs_a_laser_and_a_room_with_the_laser() => await ScenarioAsync(async () =>
    {
        var page = await NewManagerPageAsync();
        var tag = Convert.ToHexString(RandomNumberGenerator.GetBytes(2));
        var laser = $"Laser Nd:YAG {tag}";
        var treatment = $"Remoção de tatuagem {tag}";
        var room = $"Sala de Laser {tag}";

        // The laser, on the rooms and equipment page.
        await FollowNavigationAsync(page, "Clínica", "Salas");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Salas e equipamentos", Level = 1 })).ToBeVisibleAsync();
        var addEquipment = page.GetByRole(AriaRole.Form, new() { Name = "Novo equipamento", Exact = true });
        await addEquipment.GetByLabel("Novo equipamento", new() { Exact = true }).FillAsync(laser);
        await addEquipment.GetByRole(AriaRole.Button, new() { Name = "Adicionar equipamento", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel($"Nome do equipamento {laser}", new() { Exact = true })).ToHaveValueAsync(laser);
        // The equipment change reloads the rooms, whose forms now offer the laser.
        var newRoom = page.GetByRole(AriaRole.Form, new() { Name = "Nova sala", Exact = true });
        await Expect(newRoom.GetByLabel(laser, new() { Exact = true })).ToBeVisibleAsync();

        // The treatment that needs it.
        await FollowNavigationAsync(page, "Clínica", "Tratamentos");
        await page.GetByRole(AriaRole.Link, new() { Name = "Novo tratamento", Exact = true }).ClickAsync();
        await page.GetByLabel("Nome", new() { Exact = true }).FillAsync(treatment);
        await page.GetByLabel("Categoria", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Laser" });
        await page.GetByLabel("Duração (minutos)", new() { Exact = true }).FillAsync("30");
        await page.GetByLabel("Preço (R$)", new() { Exact = true }).FillAsync("1.234,56");
        await page.GetByLabel("Idade mínima", new() { Exact = true }).FillAsync("18");
        await page.GetByLabel("Médico(a)", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Biomédico(a)", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Contraindicado na gestação", new() { Exact = true }).CheckAsync();
        await page.GetByLabel(laser, new() { Exact = true }).CheckAsync();
        await AppServer.ScreenshotAsync(page, "31-catalog-new-treatment-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvar tratamento", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/Catalog/Treatments$"));
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = treatment });
        await Expect(row).ToContainTextAsync("R$\u00A01.234,56");
        await Expect(row).ToContainTextAsync($"Exige: {laser}");
        await Expect(row).ToContainTextAsync("Médico(a), Biomédico(a)");
        await AppServer.ScreenshotAsync(page, "32-catalog-treatments-list");

        // The room that has it: the treatment is listed as fitting there.
        await FollowNavigationAsync(page, "Clínica", "Salas");
        newRoom = page.GetByRole(AriaRole.Form, new() { Name = "Nova sala", Exact = true });
        await newRoom.GetByLabel("Nome da sala", new() { Exact = true }).FillAsync(room);
        await newRoom.GetByLabel(laser, new() { Exact = true }).CheckAsync();
        await newRoom.GetByRole(AriaRole.Button, new() { Name = "Adicionar sala", Exact = true }).ClickAsync();

        var card = page.GetByRole(AriaRole.Article).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = room, Exact = true }) });
        await Expect(card).ToContainTextAsync(laser);
        await Expect(card.GetByTestId("fitting-treatments")).ToContainTextAsync(treatment);
        // The equipment list follows: the laser is now used by one room and one treatment.
        await Expect(page.Locator("#equipment")).ToContainTextAsync("Em 1 sala(s) e 1 tratamento(s)");
        await card.ScrollIntoViewIfNeededAsync();
        await AppServer.ScreenshotAsync(page, "30-catalog-room-with-laser-fits-treatment");
    });
}
