using System.Security.Cryptography;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NeonPro.E2E.Infrastructure;

/// <summary>A staff account a test makes through the admin screens.</summary>
public sealed record StaffAccount(string FullName, string Email, string Password, string Role)
{
    public static StaffAccount NewReceptionist(string fullName)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        return new StaffAccount(fullName, $"recepcao-{id}@e2e.neonpro.local", $"Balcao-{id}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(6))}", "Recepcionista");
    }
}

/// <summary>What an admin does on /Admin/Users, step by step as on screen.</summary>
public static class AdminUi
{
    public static async Task CreateStaffAsync(IPage adminPage, StaffAccount account)
    {
        await adminPage.GotoAsync("/Admin/Users");
        await NewUserControl(adminPage).ClickAsync();
        await adminPage.GetByLabel("Nome completo", new() { Exact = true }).FillAsync(account.FullName);
        await adminPage.GetByLabel("E-mail", new() { Exact = true }).FillAsync(account.Email);
        await adminPage.GetByLabel("Senha inicial", new() { Exact = true }).FillAsync(account.Password);
        await adminPage.GetByLabel(account.Role, new() { Exact = true }).CheckAsync();
        await adminPage.GetByRole(AriaRole.Button, new() { Name = "Criar usuário", Exact = true }).ClickAsync();
        await Expect(UserInList(adminPage, account.Email)).ToBeVisibleAsync();
    }

    /// <summary>"Novo usuário" may be a link to a page or a button that opens the form in place.</summary>
    public static ILocator NewUserControl(IPage page) =>
        page.GetByRole(AriaRole.Link, new() { Name = "Novo usuário", Exact = true })
            .Or(page.GetByRole(AriaRole.Button, new() { Name = "Novo usuário", Exact = true }));

    /// <summary>The row (or list item) of the users list that names this e-mail.</summary>
    public static ILocator UserInList(IPage page, string email) =>
        page.GetByRole(AriaRole.Row).Or(page.GetByRole(AriaRole.Listitem)).Filter(new() { HasText = email });
}
