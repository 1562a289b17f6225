using Microsoft.AspNetCore.Mvc.RazorPages;
using NeonPro.Web.Infrastructure.Auth;

namespace NeonPro.Web.Features.Scheduling;

/// <summary>The agenda: every staff role books and follows it; its settings and "my agenda" pages narrow that further.</summary>
public static class SchedulingFeature
{
    public static IServiceCollection AddSchedulingFeature(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Scheduling", Policies.Staff));
        services.AddScoped<BookingService>();
        services.AddScoped<AppointmentStatusService>();
        services.AddScoped<ScheduleGridQuery>();
        services.AddScoped<NeonPro.Web.Infrastructure.Cli.IDemoSeeder, SchedulingDemoSeeder>();
        return services;
    }
}
