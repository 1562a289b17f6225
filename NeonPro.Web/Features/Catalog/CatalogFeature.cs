using Microsoft.AspNetCore.Mvc.RazorPages;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Cli;

namespace NeonPro.Web.Features.Catalog;

/// <summary>The treatment catalog, rooms and equipment, and the clinic's closed days: managers and admins only.</summary>
public static class CatalogFeature
{
    public static IServiceCollection AddCatalogFeature(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Catalog", Policies.ManagerOrAdmin));
        services.AddScoped<RoomMatching>();
        services.AddScoped<IDemoSeeder, CatalogDemoSeeder>();
        return services;
    }
}
