using System.Security.Claims;

namespace NeonPro.Web.Infrastructure.Navigation;

/// <summary>A page in the navigation: its pt-BR label (the localizer key) and its path.</summary>
public sealed record MenuLink(string Label, string Path)
{
    /// <summary>The current page is this one or one below it ("/Patients/Chart" is under "/Patients"); "/" only itself.</summary>
    public bool IsCurrent(string requestPath) =>
        Path == "/" ? requestPath == "/"
            : requestPath.Equals(Path, StringComparison.OrdinalIgnoreCase) || requestPath.StartsWith(Path + "/", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A top-level entry: one link, or a named group of links that opens as a disclosure menu.</summary>
public sealed record MenuEntry(string Label, string Id, IReadOnlyList<MenuLink> Links)
{
    public bool IsGroup => Id.Length > 0;
}

/// <summary>
/// The main navigation, grouped by what each role does: the daily work as links (Início, Agenda, Minha agenda,
/// Pacientes), the clinic's setup, management (audit, LGPD) and administration as menus. Each user sees only the links
/// whose pages their roles may open (<see cref="PageAccess"/>), and a group with none of them is left out.
/// New areas add their page to the group that does that work (Estoque and Termos under Clínica, Relatórios under Gestão,
/// Mensagens under Administração) when their pages exist.
/// </summary>
public sealed class MainMenu(PageAccess access)
{
    public static readonly IReadOnlyList<MenuEntry> All =
    [
        new("Início", "", [new("Início", "/")]),
        new("Agenda", "", [new("Agenda", "/Scheduling")]),
        new("Minha agenda", "", [new("Minha agenda", "/Scheduling/MyAgenda")]),
        new("Pacientes", "", [new("Pacientes", "/Patients")]),
        new("Clínica", "nav-clinic",
        [
            new("Profissionais", "/Professionals"),
            new("Tratamentos", "/Catalog/Treatments"),
            new("Salas", "/Catalog/Rooms"),
            new("Dias sem atendimento", "/Catalog/ClosedDays"),
            new("Configurações da agenda", "/Scheduling/Settings"),
        ]),
        new("Gestão", "nav-management",
        [
            new("Auditoria", "/Compliance/Audit"),
            new("Solicitações LGPD", "/Compliance/DataSubjectRequests"),
        ]),
        new("Administração", "nav-admin",
        [
            new("Usuários", "/Admin/Users"),
            new("Configurações da clínica", "/Admin/Settings"),
            new("Tarefas", "/Admin/Jobs"),
        ]),
    ];

    /// <summary>The entries this user may open, each group holding only its permitted links.</summary>
    public async Task<IReadOnlyList<MenuEntry>> ForAsync(ClaimsPrincipal user)
    {
        var visible = new List<MenuEntry>();
        foreach (var entry in All)
        {
            var links = new List<MenuLink>();
            foreach (var link in entry.Links)
                if (await access.MayOpenAsync(user, link.Path)) links.Add(link);
            if (links.Count > 0) visible.Add(entry with { Links = links });
        }
        return visible;
    }
}

public static class NavigationSetup
{
    public static IServiceCollection AddNeonProNavigation(this IServiceCollection services)
    {
        services.AddSingleton<PagePolicies>();
        services.AddScoped<PageAccess>();
        services.AddScoped<MainMenu>();
        return services;
    }
}
