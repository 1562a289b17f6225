namespace NeonPro.Web.Features.Scheduling;

public static class SchedulingFeature
{
    public static IServiceCollection AddSchedulingFeature(this IServiceCollection services)
    {
        services.AddScoped<BookingService>();
        services.AddScoped<AppointmentStatusService>();
        services.AddScoped<ScheduleGridQuery>();
        services.AddScoped<NeonPro.Web.Infrastructure.Cli.IDemoSeeder, SchedulingDemoSeeder>();
        return services;
    }
}
