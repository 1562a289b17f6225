using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NeonPro.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NeonPro.E2E;

/// <summary>Password guessing against one account stops after five tries.</summary>
public sealed class SignInLockoutTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const int AllowedFailures = 5;

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one() => await ScenarioAsync(async () =>
    {
        var admin = await NewAdminPageAsync();
        var receptionist = StaffAccount.NewReceptionist("Paula Bloqueio Teste");
        await AdminUi.CreateStaffAsync(admin, receptionist);

        var page = await NewPageAsync();
        for (var attempt = 1; attempt <= AllowedFailures; attempt++)
        {
            await AppServer.SignInAsync(page, receptionist.Email, $"senha-errada-{attempt}-xyz");
            await Expect(page).ToHaveURLAsync(new Regex("/Identity/Account/Login"));
            await Expect(page.GetByText("E-mail ou senha inválidos.")).ToBeVisibleAsync();
        }

        await AppServer.SignInAsync(page, receptionist.Email, receptionist.Password);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Conta bloqueada" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Navegação principal" }))
            .Not.ToContainTextAsync(receptionist.FullName);
        await AppServer.ScreenshotAsync(page, "04-account-locked");
        // Not signed in: a protected page still sends this browser to sign-in.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/Identity/Account/Login"));
        // The lock is on the account, not in this browser: the admin sees it in the staff list.
        await admin.GotoAsync("/Admin/Users");
        await Expect(AdminUi.UserInList(admin, receptionist.Email)).ToContainTextAsync("Bloqueado até");
    });
}
