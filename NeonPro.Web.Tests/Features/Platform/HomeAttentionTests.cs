using System.Net;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Cli;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Platform;

/// <summary>The app with a backup folder nobody can write to: the daily backup fails.</summary>
public sealed class UnwritableBackupFactory : NeonProFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // Nothing, not even root, can create a folder under /proc.
        ["Backup:Folder"] = "/proc/neonpro-backups-cannot-be-here",
    };
}

/// <summary>A failed backup does not go unnoticed: the manager's home page says so, and the admin's links to the Jobs page.</summary>
public sealed class HomeAttentionTests(UnwritableBackupFactory app) : IClassFixture<UnwritableBackupFactory>
{
    [Fact]
    public async Task A_failed_backup_shows_on_the_manager_and_admin_home_pages_and_on_the_jobs_page_but_not_to_the_front_desk()
    {
        var (manager, _) = await app.SignedInClientAsync(Roles.Manager);
        Assert.DoesNotContain("needs-attention", await manager.GetStringAsync("/"));

        // The same code as the 02:00 fire, run now from the command line; it fails and says so.
        Assert.Equal(1, await CommandLine.RunAsync(app.Services, ["jobs", "run", "admin.database-backup"]));

        var managerHome = FormPosting.Parse(await manager.GetStringAsync("/"));
        var attention = managerHome.QuerySelector("[data-testid='needs-attention']");
        Assert.NotNull(attention);
        Assert.Contains("Cópia de segurança diária", attention.TextContent);
        Assert.Contains("falhou", attention.TextContent);
        Assert.Contains("Avise o administrador", attention.TextContent);
        Assert.Null(attention.QuerySelector("a[href='/Admin/Jobs']"));

        var (admin, _) = await app.SignedInClientAsync(Roles.Admin);
        var adminHome = FormPosting.Parse(await admin.GetStringAsync("/"));
        Assert.NotNull(adminHome.QuerySelector("[data-testid='needs-attention'] a[href='/Admin/Jobs']"));
        var jobsPage = await admin.GetStringAsync("/Admin/Jobs");
        Assert.Contains("neonpro-backups-cannot-be-here", WebUtility.HtmlDecode(jobsPage));

        var (receptionist, _) = await app.SignedInClientAsync(Roles.Receptionist);
        Assert.DoesNotContain("needs-attention", await receptionist.GetStringAsync("/"));
    }
}
