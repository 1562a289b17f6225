using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Data;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;
using static NeonPro.Web.Tests.Features.Account.AccountTestData;

namespace NeonPro.Web.Tests.Features.Account;

/// <summary>Signing in and out: the pt-BR page, the audit of every attempt, lockout, disabled accounts.</summary>
public sealed class LoginTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private const string InvalidCredentials = "E-mail ou senha inválidos.";

    [Fact]
    public async Task Login_page_is_in_portuguese_with_the_email_and_password_fields()
    {
        var doc = await app.CreateBrowserClient().GetDocumentAsync(Login);

        Assert.Equal("pt-BR", doc.DocumentElement.GetAttribute("lang"));
        var email = doc.QuerySelector("input[name='Input.Email']");
        var password = doc.QuerySelector("input[name='Input.Password']");
        Assert.NotNull(email);
        Assert.Equal("password", password?.GetAttribute("type"));
        Assert.Equal("E-mail", doc.QuerySelector($"label[for='{email.Id}']")?.TextContent.Trim());
        Assert.Equal("Senha", doc.QuerySelector($"label[for='{password!.Id}']")?.TextContent.Trim());
        Assert.Equal("Manter conectado", doc.QuerySelector("label[for='Input_RememberMe']")?.TextContent.Trim());
        Assert.Equal("Entrar", doc.QuerySelector("form#login-form button[type=submit]")?.TextContent.Trim());
        Assert.Contains(doc.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Esqueci minha senha"
            && a.GetAttribute("href") == "/Identity/Account/ForgotPassword");
    }

    [Fact]
    public async Task Sign_in_succeeds_and_the_home_page_shows_the_users_name()
    {
        var user = await app.CreateStaffAsync(Roles.Receptionist);
        var client = app.CreateBrowserClient();

        var response = await client.SignInAsync(user.Email!, NeonProFactory.TestPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var home = await client.GetDocumentAsync("/");
        Assert.Contains(user.FullName, home.QuerySelector("[data-testid=signed-in-user]")?.TextContent);
    }

    [Fact]
    public async Task Successful_sign_in_is_audited_with_the_user_as_actor_and_sets_their_language()
    {
        var user = await app.CreateStaffAsync(Roles.Professional);
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            stored.PreferredCulture = "en";
            await users.UpdateAsync(stored);
        });
        var client = app.CreateBrowserClient();

        var response = await client.SignInAsync(user.Email!, NeonProFactory.TestPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var row = Assert.Single(await app.AuditRowsAsync(AuditAction.SignIn, user.Id));
        Assert.Equal(user.Id, row.UserId);
        Assert.Equal(user.UserName, row.UserName);
        Assert.Equal(Roles.Professional, row.Role);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=") && c.Contains("uic%3Den"));
    }

    [Fact]
    public async Task Sign_in_goes_back_to_a_local_return_url_but_never_to_another_site()
    {
        var user = await app.CreateStaffAsync(Roles.Manager);
        var local = app.CreateBrowserClient();
        var toLocal = await local.PostFormAsync(Login, Login + "?returnUrl=%2FProfessionals",
            [new("Input.Email", user.Email!), new("Input.Password", NeonProFactory.TestPassword)]);
        Assert.Equal("/Professionals", toLocal.Headers.Location?.OriginalString);

        var foreign = app.CreateBrowserClient();
        var toForeign = await foreign.PostFormAsync(Login, Login + "?returnUrl=https%3A%2F%2Fevil.example%2F",
            [new("Input.Email", user.Email!), new("Input.Password", NeonProFactory.TestPassword)]);
        Assert.Equal("/", toForeign.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Wrong_password_shows_the_portuguese_error_and_writes_a_failed_sign_in_audit_row()
    {
        var user = await app.CreateStaffAsync(Roles.Receptionist);

        var response = await app.CreateBrowserClient().SignInAsync(user.Email!, "not the password at all");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(InvalidCredentials, FormPosting.Text(await response.Content.ReadAsStringAsync()));
        var row = Assert.Single(await app.AuditRowsAsync(AuditAction.SignInFailed, user.Id));
        Assert.Contains("wrong-password", row.NewValues);
        Assert.Equal(1, (await app.ReloadAsync(user)).AccessFailedCount);
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_answer_and_its_audit_row_does_not_hold_the_email()
    {
        var email = $"ninguem-{Guid.NewGuid():N}@example.com";
        var protectedEmail = await app.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<AuditLog>().Protect(email)));

        var response = await app.CreateBrowserClient().SignInAsync(email, "whatever password here");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(InvalidCredentials, FormPosting.Text(await response.Content.ReadAsStringAsync()));
        var row = Assert.Single(await app.AuditRowsAsync(AuditAction.SignInFailed, null), r => r.NewValues?.Contains(protectedEmail) == true);
        var stored = string.Join("|", row.UserId, row.UserName, row.EntityType, row.EntityId, row.OldValues, row.NewValues);
        Assert.DoesNotContain(email, stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(email.Split('@')[0], stored, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_password()
    {
        var user = await app.CreateStaffAsync(Roles.Receptionist);
        var client = app.CreateBrowserClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await client.SignInAsync(user.Email!, $"wrong password number {attempt}");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
            Assert.Contains(InvalidCredentials, FormPosting.Text(await wrong.Content.ReadAsStringAsync()));
        }
        var sixth = await client.SignInAsync(user.Email!, NeonProFactory.TestPassword);

        Assert.Equal(HttpStatusCode.Redirect, sixth.StatusCode);
        Assert.Equal("/Identity/Account/Lockout", sixth.Headers.Location?.OriginalString);
        Assert.DoesNotContain(sixth.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("neonpro.auth="));
        var lockout = await client.GetDocumentAsync("/Identity/Account/Lockout");
        Assert.Equal("Conta bloqueada", lockout.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("15 minutos", lockout.Body!.TextContent);
        Assert.NotNull((await app.ReloadAsync(user)).LockoutEnd);
        Assert.Single(await app.AuditRowsAsync(AuditAction.SignInLockedOut, user.Id));
        Assert.Equal(5, (await app.AuditRowsAsync(AuditAction.SignInFailed, user.Id)).Count);
        var home = await client.GetAsync("/");
        Assert.StartsWith(Login, home.Headers.Location?.PathAndQuery ?? home.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_and_only_the_right_password_learns_why()
    {
        var user = await app.CreateStaffAsync(Roles.Professional);
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            stored.IsDisabled = true;
            await users.UpdateAsync(stored);
        });
        var client = app.CreateBrowserClient();

        var right = await client.SignInAsync(user.Email!, NeonProFactory.TestPassword);
        var wrong = await client.SignInAsync(user.Email!, "a wrong password guess");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, right.StatusCode);
        Assert.Contains("Esta conta está desativada. Procure o administrador.", FormPosting.Text(await right.Content.ReadAsStringAsync()));
        var wrongText = FormPosting.Text(await wrong.Content.ReadAsStringAsync());
        Assert.Contains(InvalidCredentials, wrongText);
        Assert.DoesNotContain("desativada", wrongText);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.Empty(await app.AuditRowsAsync(AuditAction.SignIn, user.Id));
        Assert.Equal(2, (await app.AuditRowsAsync(AuditAction.SignInFailed, user.Id)).Count);
    }

    [Fact]
    public async Task Sign_out_ends_the_session_and_is_audited()
    {
        var (client, user) = await app.SignedInClientAsync(Roles.Manager);

        // The "Sair" form of the menu, as the browser would submit it (with the token it carries itself).
        var menu = (await client.GetDocumentAsync("/")).QuerySelector("form[action^='/Identity/Account/Logout']");
        var token = menu?.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), "the menu's sign-out form must carry an antiforgery token");
        var response = await client.PostAsync(menu!.GetAttribute("action"),
            new FormUrlEncodedContent([new KeyValuePair<string, string>("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var row = Assert.Single(await app.AuditRowsAsync(AuditAction.SignOut, user.Id));
        Assert.Equal(user.Id, row.UserId);
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        var done = await client.GetDocumentAsync("/Identity/Account/Logout");
        Assert.Equal("Você saiu", done.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task Manage_pages_send_anonymous_visitors_to_sign_in()
    {
        var response = await app.CreateBrowserClient().GetAsync("/Identity/Account/Manage");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(Login, response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Self_registration_answers_404()
    {
        var response = await app.CreateBrowserClient().GetAsync("/Identity/Account/Register");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/Identity/Account/Register")]
    [InlineData("/Identity/Account/ExternalLogin")]
    [InlineData("/Identity/Account/Manage/PersonalData")]
    public async Task Switched_off_identity_pages_answer_404(string url)
    {
        // Signed in, so the answer is about the page and not about sign-in (the Manage folder requires it first).
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The sign-in form as answered, without what differs by request (the antiforgery token, the e-mail typed).</summary>
    private static async Task<string> AnswerAsync(HttpResponseMessage response)
    {
        var form = FormPosting.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#login-form")!;
        form.QuerySelector("input[name=__RequestVerificationToken]")?.Remove();
        form.QuerySelector("input[name='Input.Email']")!.SetAttribute("value", "");
        return form.OuterHtml;
    }

    [Fact]
    public async Task A_locked_account_and_an_unknown_email_get_the_same_answer_and_only_the_right_password_sees_the_lockout()
    {
        var user = await app.CreateStaffAsync(Roles.Receptionist);
        var client = app.CreateBrowserClient();
        for (var attempt = 1; attempt <= 5; attempt++)
            await client.SignInAsync(user.Email!, $"wrong password number {attempt}");
        var locked = await app.ReloadAsync(user);
        Assert.NotNull(locked.LockoutEnd);

        var unknown = await app.CreateBrowserClient().SignInAsync($"ninguem-{Guid.NewGuid():N}@example.com", "another wrong password");
        var wrongOnUnlocked = await app.CreateBrowserClient().SignInAsync((await app.CreateStaffAsync(Roles.Receptionist)).Email!, "another wrong password");
        var wrongOnLocked = await app.CreateBrowserClient().SignInAsync(user.Email!, "another wrong password");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal(unknown.StatusCode, wrongOnLocked.StatusCode);
        Assert.Equal(unknown.StatusCode, wrongOnUnlocked.StatusCode);
        Assert.Null(wrongOnLocked.Headers.Location);
        var answer = await AnswerAsync(unknown);
        Assert.Contains(InvalidCredentials, answer);
        Assert.Equal(answer, await AnswerAsync(wrongOnLocked));
        Assert.Equal(answer, await AnswerAsync(wrongOnUnlocked));
        // The refused attempt on a locked account is audited as such, and the lockout and its count are untouched.
        var lockedRow = Assert.Single(await app.AuditRowsAsync(AuditAction.SignInLockedOut, user.Id));
        Assert.Contains("locked-out-wrong-password", lockedRow.NewValues);
        var after = await app.ReloadAsync(user);
        Assert.Equal(locked.LockoutEnd, after.LockoutEnd);
        Assert.Equal(locked.AccessFailedCount, after.AccessFailedCount);

        var right = await app.CreateBrowserClient().SignInAsync(user.Email!, NeonProFactory.TestPassword);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/Identity/Account/Lockout", right.Headers.Location?.OriginalString);
        Assert.Equal(2, (await app.AuditRowsAsync(AuditAction.SignInLockedOut, user.Id)).Count);
    }
}
