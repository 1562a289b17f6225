using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Features.Admin;
using NeonPro.Web.Data;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;
using static NeonPro.Web.Tests.Features.Admin.AdminTestSupport;

namespace NeonPro.Web.Tests.Features.Admin;

/// <summary>/Admin/Users driven through its real forms by a signed-in admin.</summary>
public sealed class UsersTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private const string NewPassword = "outra frase bem comprida";

    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@test.neonpro.local";

    private async Task<StaffUser?> FindAsync(string email)
    {
        await using var db = app.NewDbContext();
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
    }

    private async Task<IList<string>> RolesOfAsync(string userId) => await app.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<StaffUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(userId))!);
    });

    /// <summary>Posts a row's button form (Desativar, Reativar, Desbloquear) as found on the list.</summary>
    private static async Task<HttpResponseMessage> ClickRowActionAsync(HttpClient admin, string userId, string handler, bool htmx = false)
    {
        var list = await admin.GetDocumentAsync("/Admin/Users");
        return await admin.PostFormAsync("/Admin/Users", RowAction(list, userId, handler), [], htmx);
    }

    private static Task<HttpResponseMessage> ResetPasswordAsync(HttpClient admin, string userId, string password) =>
        admin.PostFormAsync($"/Admin/Users?handler=Manage&id={userId}", $"/Admin/Users?handler=ResetPassword&id={userId}",
            [new("newPassword", password)]);

    private static Task<HttpResponseMessage> SetRolesAsync(HttpClient admin, string userId, params string[] roles) =>
        admin.PostFormAsync($"/Admin/Users?handler=Manage&id={userId}", $"/Admin/Users?handler=Roles&id={userId}",
            roles.Select(r => new KeyValuePair<string, string>("roles", r)));

    [Fact]
    public async Task Admin_creates_a_receptionist_through_the_form()
    {
        var (admin, adminUser) = await app.SignedInClientAsync(Roles.Admin);
        var email = NewEmail("joana");

        // The form as "Novo usuário" opens it, without JavaScript.
        var page = await admin.GetDocumentAsync("/Admin/Users?handler=CreateForm");
        var form = page.QuerySelector("form#new-user-form")!;
        Assert.Equal("Nome completo", page.QuerySelector("label[for=new-user-full-name]")!.TextContent.Trim());
        Assert.Equal("Recepcionista", page.QuerySelector("label[for=new-user-role-Receptionist]")!.TextContent.Trim());
        Assert.Contains("Criar usuário", form.QuerySelector("button[type=submit]")!.TextContent);
        var response = await admin.PostFormAsync("/Admin/Users?handler=CreateForm", form.GetAttribute("action")!,
        [
            new(page.QuerySelector("#new-user-full-name")!.GetAttribute("name")!, "Joana Recepção"),
            new(page.QuerySelector("#new-user-email")!.GetAttribute("name")!, email),
            new(page.QuerySelector("#new-user-password")!.GetAttribute("name")!, NeonProFactory.TestPassword),
            new(page.QuerySelector("#new-user-role-Receptionist")!.GetAttribute("name")!, "Receptionist"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = await FindAsync(email);
        Assert.NotNull(user);
        Assert.Equal("Joana Recepção", user.FullName);
        Assert.False(user.IsDisabled);
        Assert.Equal([Roles.Receptionist], await RolesOfAsync(user.Id));
        Assert.True(await CanSignInAsync(app, email, NeonProFactory.TestPassword));

        // The list, after the redirect, shows the account and says it was created.
        var list = await admin.GetDocumentAsync(response.Headers.Location!.OriginalString);
        var row = list.QuerySelector($"tr[data-user-id='{user.Id}']")!;
        Assert.Contains("Joana Recepção", row.TextContent);
        Assert.Contains(email, row.TextContent);
        Assert.Equal("Recepcionista", row.QuerySelector("[data-field=roles]")!.TextContent.Trim());
        Assert.Equal("Ativo", row.QuerySelector("[data-field=status]")!.TextContent.Trim());
        var createdOn = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(user.CreatedAtUtc, DateTimeKind.Utc),
            TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo"));
        Assert.Equal(createdOn.ToString("dd/MM/yyyy"), row.QuerySelector("[data-field=created]")!.TextContent.Trim());
        Assert.Contains("Usuário Joana Recepção criado.", list.QuerySelector("[role=status]")!.TextContent);

        var created = Assert.Single(await StaffEventsAsync(app, user.Id, AuditAction.UserCreated));
        Assert.Equal(adminUser.Id, created.UserId);
        Assert.Contains(Roles.Receptionist, created.NewValues);
        Assert.DoesNotContain(NeonProFactory.TestPassword, created.NewValues);
    }

    [Fact]
    public async Task Creating_through_htmx_answers_the_refreshed_list_with_a_confirmation()
    {
        var (admin, _) = await app.SignedInClientAsync(Roles.Admin);
        var email = NewEmail("caio");

        var response = await admin.PostFormAsync("/Admin/Users", "/Admin/Users?handler=Create",
        [
            new("Input.FullName", "Caio Gerente"),
            new("Input.Email", email),
            new("Input.Password", NeonProFactory.TestPassword),
            new("Input.Roles", "Manager"),
            new("Input.Roles", "Professional"),
        ], htmx: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fragment = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(fragment.QuerySelector("section#staff-users"));
        Assert.Null(fragment.QuerySelector("form#new-user-form"));
        var user = (await FindAsync(email))!;
        var row = fragment.QuerySelector($"tr[data-user-id='{user.Id}']")!;
        Assert.Equal("Gerente, Profissional", row.QuerySelector("[data-field=roles]")!.TextContent.Trim());
        Assert.Contains("Usuário Caio Gerente criado.", fragment.QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task Novo_usuario_opens_the_form_in_place_for_htmx_and_as_a_page_without_it()
    {
        var (admin, _) = await app.SignedInClientAsync(Roles.Admin);
        var list = await admin.GetDocumentAsync("/Admin/Users");
        var link = list.QuerySelectorAll("#staff-users a").Single(a => a.TextContent.Trim() == "Novo usuário");
        Assert.Null(list.QuerySelector("form#new-user-form"));

        using var request = new HttpRequestMessage(HttpMethod.Get, link.GetAttribute("hx-get"));
        request.Headers.Add("HX-Request", "true");
        var fragment = await admin.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        var html = await fragment.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", html);
        Assert.NotNull(FormPosting.Parse(html).QuerySelector("#staff-users form#new-user-form"));

        var page = await admin.GetDocumentAsync(link.GetAttribute("href")!);
        Assert.NotNull(page.QuerySelector("html form#new-user-form"));
        foreach (var role in new[] { "Administrador", "Gerente", "Profissional", "Recepcionista" })
            Assert.Contains(page.QuerySelectorAll("#new-user-form label"), l => l.TextContent.Trim() == role);
    }

    [Theory]
    [InlineData("/Admin/Users")]
    [InlineData("/Admin/Users?handler=CreateForm")]
    [InlineData("/Admin/Settings")]
    [InlineData("/Admin/Jobs")]
    public async Task Admin_pages_have_no_inline_script(string url)
    {
        var (admin, _) = await app.SignedInClientAsync(Roles.Admin);
        var doc = await admin.GetDocumentAsync(url);
        Assert.All(doc.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src"))));
        Assert.DoesNotContain(doc.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task Invalid_create_answers_422_with_messages_beside_the_fields_and_creates_nothing()
    {
        var (admin, _) = await app.SignedInClientAsync(Roles.Admin);

        var response = await admin.PostFormAsync("/Admin/Users", "/Admin/Users?handler=Create",
        [
            new("Input.FullName", "Pessoa Inválida"),
            new("Input.Email", "isto-nao-e-um-email"),
            new("Input.Password", "curta"),
        ]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var doc = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Informe um e-mail válido.", MessageFor(doc, "Input.Email"));
        Assert.Contains("A senha deve ter pelo menos 10 caracteres.", MessageFor(doc, "Input.Password"));
        Assert.Equal("Marque ao menos um perfil.", MessageFor(doc, "Input.Roles"));
        Assert.Equal("", MessageFor(doc, "Input.FullName"));
        // What was typed stays, except the password.
        Assert.Equal("Pessoa Inválida", doc.QuerySelector("#new-user-full-name")!.GetAttribute("value"));
        Assert.Null(doc.QuerySelector("#new-user-password")!.GetAttribute("value"));

        await using var db = app.NewDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.FullName == "Pessoa Inválida"));
    }

    [Fact]
    public async Task Missing_fields_are_each_named_beside_the_field()
    {
        var (admin, _) = await app.SignedInClientAsync(Roles.Admin);

        var response = await admin.PostFormAsync("/Admin/Users", "/Admin/Users?handler=Create",
            [new("Input.Roles", "Receptionist")], htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var doc = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Informe o nome completo.", MessageFor(doc, "Input.FullName"));
        Assert.Equal("Informe o e-mail.", MessageFor(doc, "Input.Email"));
        Assert.Equal("Informe a senha inicial.", MessageFor(doc, "Input.Password"));
        Assert.Equal("", MessageFor(doc, "Input.Roles"));
        Assert.NotNull(doc.QuerySelector("#new-user-role-Receptionist[checked]"));
    }

    [Fact]
    public async Task An_e_mail_already_in_use_or_a_common_password_is_refused_beside_its_field()
    {
        var (admin, _) = await app.SignedInClientAsync(Roles.Admin);
        var existing = await app.CreateStaffAsync(Roles.Professional);

        var response = await admin.PostFormAsync("/Admin/Users", "/Admin/Users?handler=Create",
        [
            new("Input.FullName", "Homônimo"),
            new("Input.Email", existing.Email!.ToUpperInvariant()),
            new("Input.Password", "senha123456"),
            new("Input.Roles", "Receptionist"),
        ]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var doc = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal($"O e-mail '{existing.Email!.ToUpperInvariant()}' já está em uso.", MessageFor(doc, "Input.Email"));
        Assert.Contains("Esta senha é muito comum.", MessageFor(doc, "Input.Password"));
        await using var db = app.NewDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.FullName == "Homônimo"));
    }

    [Fact]
    public async Task Receptionist_is_refused_user_administration_and_clinic_settings()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var colleague = await app.CreateStaffAsync(Roles.Receptionist);

        foreach (var url in new[] { "/Admin/Users", "/Admin/Users?handler=CreateForm", "/Admin/Settings" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.PathAndQuery());
        }

        var post = await client.PostFormAsync("/", $"/Admin/Users?handler=Disable&id={colleague.Id}", []);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", post.Headers.Location!.PathAndQuery());
        Assert.False((await FindAsync(colleague.Email!))!.IsDisabled);
    }

    [Theory]
    [InlineData("/Admin/Users")]
    [InlineData("/Admin/Settings")]
    [InlineData("/Admin/Jobs")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string url)
    {
        var response = await app.CreateBrowserClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.PathAndQuery());
    }

    [Fact]
    public async Task Disabled_user_cannot_sign_in_and_reactivated_user_can()
    {
        var (admin, adminUser) = await app.SignedInClientAsync(Roles.Admin);
        var staff = await app.CreateStaffAsync(Roles.Receptionist);
        var stampBefore = (await FindAsync(staff.Email!))!.SecurityStamp;

        var response = await ClickRowActionAsync(admin, staff.Id, "Disable", htmx: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fragment = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Desativado", fragment.QuerySelector($"tr[data-user-id='{staff.Id}'] [data-field=status]")!.TextContent.Trim());
        var disabled = (await FindAsync(staff.Email!))!;
        Assert.True(disabled.IsDisabled);
        Assert.NotEqual(stampBefore, disabled.SecurityStamp); // open sessions end at their next stamp check
        Assert.False(await CanSignInAsync(app, staff.Email!, NeonProFactory.TestPassword));
        var disabledEvent = Assert.Single(await StaffEventsAsync(app, staff.Id, AuditAction.UserDisabled));
        Assert.Equal(adminUser.Id, disabledEvent.UserId);

        response = await ClickRowActionAsync(admin, staff.Id, "Enable");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False((await FindAsync(staff.Email!))!.IsDisabled);
        Assert.True(await CanSignInAsync(app, staff.Email!, NeonProFactory.TestPassword));
        Assert.Single(await StaffEventsAsync(app, staff.Id, AuditAction.UserEnabled));
    }

    [Fact]
    public async Task Admin_cannot_disable_themself()
    {
        var (admin, adminUser) = await app.SignedInClientAsync(Roles.Admin);

        // The list offers no Desativar on one's own row; a forged post is refused anyway.
        var list = await admin.GetDocumentAsync("/Admin/Users");
        Assert.Empty(list.QuerySelectorAll($"tr[data-user-id='{adminUser.Id}'] form[action*='handler=Disable']"));
        var response = await admin.PostFormAsync("/Admin/Users", $"/Admin/Users?handler=Disable&id={adminUser.Id}", [], htmx: true);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var fragment = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Você não pode desativar a sua própria conta.", fragment.QuerySelector("[role=alert]")!.TextContent);
        Assert.False((await FindAsync(adminUser.Email!))!.IsDisabled);
        Assert.Empty(await StaffEventsAsync(app, adminUser.Id, AuditAction.UserDisabled));
    }

    [Fact]
    public async Task Reset_password_lets_the_user_sign_in_with_the_new_one_and_unlocks_the_account()
    {
        var (admin, adminUser) = await app.SignedInClientAsync(Roles.Admin);
        var staff = await app.CreateStaffAsync(Roles.Professional);
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(staff.Id))!, DateTimeOffset.UtcNow.AddMinutes(15));
        });

        var response = await ResetPasswordAsync(admin, staff.Id, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await admin.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Senha de Teste Professional redefinida.", list.QuerySelector("[role=status]")!.TextContent);
        Assert.Null((await FindAsync(staff.Email!))!.LockoutEnd);
        Assert.False(await CanSignInAsync(app, staff.Email!, NeonProFactory.TestPassword));
        Assert.True(await CanSignInAsync(app, staff.Email!, NewPassword));

        var reset = Assert.Single(await StaffEventsAsync(app, staff.Id, AuditAction.PasswordReset));
        Assert.Equal(adminUser.Id, reset.UserId);
        Assert.DoesNotContain(NewPassword, reset.NewValues ?? "");
    }

    [Fact]
    public async Task A_weak_new_password_is_refused_beside_the_field_and_the_old_one_still_works()
    {
        var (admin, _) = await app.SignedInClientAsync(Roles.Admin);
        var staff = await app.CreateStaffAsync(Roles.Receptionist);

        var response = await ResetPasswordAsync(admin, staff.Id, "curta");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var doc = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("A senha deve ter pelo menos 10 caracteres.", MessageFor(doc, "newPassword"));
        Assert.Equal("Nova senha", doc.QuerySelector("label[for=manage-new-password]")!.TextContent.Trim());
        Assert.True(await CanSignInAsync(app, staff.Email!, NeonProFactory.TestPassword));
        Assert.Empty(await StaffEventsAsync(app, staff.Id, AuditAction.PasswordReset));
    }

    [Fact]
    public async Task Roles_are_replaced_and_the_change_is_audited()
    {
        var (admin, _) = await app.SignedInClientAsync(Roles.Admin);
        var staff = await app.CreateStaffAsync(Roles.Receptionist);

        var manage = await admin.GetDocumentAsync($"/Admin/Users?handler=Manage&id={staff.Id}");
        Assert.NotNull(manage.QuerySelector("#manage-role-Receptionist[checked]"));
        Assert.Equal("Gerente", manage.QuerySelector("label[for=manage-role-Manager]")!.TextContent.Trim());
        var response = await SetRolesAsync(admin, staff.Id, Roles.Manager, Roles.Professional);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([Roles.Manager, Roles.Professional], (await RolesOfAsync(staff.Id)).Order());
        var changed = Assert.Single(await StaffEventsAsync(app, staff.Id, AuditAction.RolesChanged));
        Assert.Contains(Roles.Receptionist, changed.NewValues); // before
        Assert.Contains(Roles.Manager, changed.NewValues);      // after
    }

    [Fact]
    public async Task Roles_cannot_all_be_removed()
    {
        var (admin, _) = await app.SignedInClientAsync(Roles.Admin);
        var staff = await app.CreateStaffAsync(Roles.Receptionist);

        var response = await SetRolesAsync(admin, staff.Id);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var doc = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Marque ao menos um perfil.", MessageFor(doc, "roles"));
        Assert.Equal([Roles.Receptionist], await RolesOfAsync(staff.Id));
        Assert.Empty(await StaffEventsAsync(app, staff.Id, AuditAction.RolesChanged));
    }

    [Fact]
    public async Task A_locked_out_user_shows_until_when_and_can_be_unlocked()
    {
        var (admin, _) = await app.SignedInClientAsync(Roles.Admin);
        var staff = await app.CreateStaffAsync(Roles.Receptionist);
        var until = DateTimeOffset.UtcNow.AddMinutes(15);
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(staff.Id))!, until);
        });
        Assert.False(await CanSignInAsync(app, staff.Email!, NeonProFactory.TestPassword));

        var list = await admin.GetDocumentAsync("/Admin/Users");
        var local = TimeZoneInfo.ConvertTime(until, TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo"));
        var status = list.QuerySelector($"tr[data-user-id='{staff.Id}'] [data-field=status]")!.TextContent.Trim();
        Assert.StartsWith("Bloqueado até ", status);
        Assert.EndsWith(local.ToString("HH:mm"), status);

        var response = await admin.PostFormAsync("/Admin/Users", RowAction(list, staff.Id, "Unlock"), []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null((await FindAsync(staff.Email!))!.LockoutEnd);
        Assert.True(await CanSignInAsync(app, staff.Email!, NeonProFactory.TestPassword));
    }

    [Fact]
    public async Task Admin_actions_keep_the_audit_chain_intact()
    {
        var (admin, _) = await app.SignedInClientAsync(Roles.Admin);
        var staff = await app.CreateStaffAsync(Roles.Receptionist);
        Assert.Equal(HttpStatusCode.Redirect, (await ClickRowActionAsync(admin, staff.Id, "Disable")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ClickRowActionAsync(admin, staff.Id, "Enable")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SetRolesAsync(admin, staff.Id, Roles.Manager)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ResetPasswordAsync(admin, staff.Id, NewPassword)).StatusCode);

        var (checkedRows, broken) = await app.WithScopeAsync(sp => sp.GetRequiredService<AuditLog>().VerifyAsync());
        Assert.Null(broken);
        Assert.True(checkedRows > 0);
    }

    [Fact]
    public async Task A_staff_name_with_a_direction_override_is_refused_beside_the_name()
    {
        var (admin, _) = await app.SignedInClientAsync(Roles.Admin);
        var email = NewEmail("bidi");
        var page = await admin.GetDocumentAsync("/Admin/Users?handler=CreateForm");
        var nameField = page.QuerySelector("#new-user-full-name")!.GetAttribute("name")!;

        var response = await admin.PostFormAsync("/Admin/Users?handler=CreateForm", page.QuerySelector("form#new-user-form")!.GetAttribute("action")!,
        [
            new(nameField, "Joana \u202Eoãçpecer"),
            new(page.QuerySelector("#new-user-email")!.GetAttribute("name")!, email),
            new(page.QuerySelector("#new-user-password")!.GetAttribute("name")!, NeonProFactory.TestPassword),
            new(page.QuerySelector("#new-user-role-Receptionist")!.GetAttribute("name")!, "Receptionist"),
        ]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("O nome contém caracteres invisíveis que mudam a direção do texto; digite-o de novo.",
            MessageFor(FormPosting.Parse(await response.Content.ReadAsStringAsync()), nameField));
        Assert.Null(await FindAsync(email));
    }

    [Fact]
    public async Task An_admin_made_on_the_command_line_with_a_direction_override_in_the_name_is_refused()
    {
        var email = NewEmail("bidi-cli");
        var outcome = await app.WithScopeAsync(sp => sp.GetRequiredService<StaffAccounts>()
            .CreateOrResetAdminAsync(email, NeonProFactory.TestPassword, "Joana \u202Eoãçpecer"));

        Assert.False(outcome.Succeeded);
        Assert.Equal(StaffAccounts.RefusalCodes.PersonName, Assert.Single(outcome.IdentityErrors).Code);
        Assert.Null(await FindAsync(email));
    }
}

internal static class LocationExtensions
{
    /// <summary>Path and query of a redirect, whether the app wrote it absolute or relative.</summary>
    public static string PathAndQuery(this Uri location) =>
        location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}
