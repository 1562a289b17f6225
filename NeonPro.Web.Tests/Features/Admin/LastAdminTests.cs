using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Features.Admin;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;
using static NeonPro.Web.Tests.Features.Admin.AdminTestSupport;

namespace NeonPro.Web.Tests.Features.Admin;

/// <summary>
/// The clinic never loses its last active admin. A database of its own: the rule depends on how many admins
/// exist, so no other test may add one.
/// </summary>
public sealed class LastAdminTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    [Fact]
    public async Task The_last_active_admin_cannot_be_disabled_or_lose_the_admin_role()
    {
        var (client, admin) = await app.SignedInClientAsync(Roles.Admin);

        var response = await client.PostFormAsync($"/Admin/Users?handler=Manage&id={admin.Id}", $"/Admin/Users?handler=Roles&id={admin.Id}",
            [new("roles", Roles.Manager)]);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var doc = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("O último administrador ativo não pode perder o perfil Administrador.", MessageFor(doc, "roles"));
        Assert.Empty(await StaffEventsAsync(app, admin.Id, AuditAction.RolesChanged));

        // Disabling by someone other than themself (the command line, say) is refused too.
        var disable = await app.WithScopeAsync(sp => sp.GetRequiredService<StaffAccounts>().DisableAsync(admin.Id, actingUserId: null));
        Assert.False(disable.Succeeded);
        Assert.Equal(StaffAccounts.RefusalCodes.LastAdmin, Assert.Single(disable.IdentityErrors).Code);
        Assert.True(await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            var stored = (await users.FindByIdAsync(admin.Id))!;
            return !stored.IsDisabled && await users.IsInRoleAsync(stored, Roles.Admin);
        }));

        // With a second active admin, the first may step down.
        await app.CreateStaffAsync(Roles.Admin);
        response = await client.PostFormAsync($"/Admin/Users?handler=Manage&id={admin.Id}", $"/Admin/Users?handler=Roles&id={admin.Id}",
            [new("roles", Roles.Manager)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Single(await StaffEventsAsync(app, admin.Id, AuditAction.RolesChanged));
    }
}
