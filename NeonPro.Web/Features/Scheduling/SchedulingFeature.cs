namespace NeonPro.Web.Features.Scheduling;

public static class SchedulingFeature
{
    public static IServiceCollection AddSchedulingFeature(this IServiceCollection services)
    {
        services.AddScoped<BookingService>();
        services.AddScoped<AppointmentStatusService>();
        services.AddScoped<ScheduleGridQuery>();
        return services;
    }
}
