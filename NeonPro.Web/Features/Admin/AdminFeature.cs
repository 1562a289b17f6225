using NeonPro.Web.Infrastructure.Cli;

namespace NeonPro.Web.Features.Admin;

public static class AdminFeature
{
    public static IServiceCollection AddAdminFeature(this IServiceCollection services)
    {
        services.AddScoped<StaffAccounts>();
        services.AddScoped<IDemoSeeder, ClinicDemoSeeder>();
        return services;
    }
}
