using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NeonPro.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NeonPro.E2E;

/// <summary>The admin signs in, makes a receptionist, and that receptionist is kept out of user administration.</summary>
public sealed class AdminFlowsTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task Admin_signs_in_and_sees_their_name_in_the_navigation() => await ScenarioAsync(async () =>
    {
        var page = await NewPageAsync();

        await AppServer.SignInAsync(page, AppServer.AdminEmail, App.AdminPassword);

        await Expect(page).ToHaveURLAsync(new Regex($"^{Regex.Escape(App.BaseAddress.ToString().TrimEnd('/'))}/?$"));
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Navegação principal" });
        await Expect(navigation).ToContainTextAsync(AppServer.AdminName);
        await navigation.GetByRole(AriaRole.Button, new() { Name = "Administração", Exact = true }).ClickAsync();
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Usuários", Exact = true })).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(page, "01-admin-signed-in");
    });

    [Fact]
    public async Task Admin_creates_a_receptionist_who_then_appears_in_the_list() => await ScenarioAsync(async () =>
    {
        var page = await NewAdminPageAsync();
        var receptionist = StaffAccount.NewReceptionist("Joana Recepção Teste");

        await AdminUi.CreateStaffAsync(page, receptionist);

        // Still there after a fresh load: it was saved, not just drawn into the page.
        await page.GotoAsync("/Admin/Users");
        var row = AdminUi.UserInList(page, receptionist.Email);
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync(receptionist.FullName);
        await Expect(row).ToContainTextAsync("Recepcionista");
        await AppServer.ScreenshotAsync(page, "02-admin-created-receptionist");
    });

    [Fact]
    public async Task Receptionist_is_refused_user_administration() => await ScenarioAsync(async () =>
    {
        var admin = await NewAdminPageAsync();
        var receptionist = StaffAccount.NewReceptionist("Marta Balcão Teste");
        await AdminUi.CreateStaffAsync(admin, receptionist);

        var page = await NewPageAsync();
        await AppServer.SignInAsync(page, receptionist.Email, receptionist.Password);
        await Expect(page).Not.ToHaveURLAsync(new Regex("/Identity/Account/Login"));
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Navegação principal" })).ToContainTextAsync(receptionist.FullName);

        await page.GotoAsync("/Admin/Users");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Acesso negado" })).ToBeVisibleAsync();
        await Expect(AdminUi.NewUserControl(page)).ToHaveCountAsync(0);
        await Expect(page.GetByText(AppServer.AdminEmail)).ToHaveCountAsync(0);
        await AppServer.ScreenshotAsync(page, "03-receptionist-access-denied");
    });
}
