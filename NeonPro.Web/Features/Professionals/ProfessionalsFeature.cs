using Microsoft.AspNetCore.Mvc.RazorPages;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Cli;

namespace NeonPro.Web.Features.Professionals;

public static class ProfessionalsFeature
{
    public static IServiceCollection AddProfessionalsFeature(this IServiceCollection services)
    {
        // Registrations, hours and scope decide who may be booked for what: only managers and admins edit them.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Professionals", Policies.ManagerOrAdmin));
        services.AddScoped<ProfessionalAvailability>();
        services.AddScoped<IDemoSeeder, ProfessionalsDemoSeeder>();
        return services;
    }
}
