namespace NeonPro.Web.Features.Compliance;

public static class ComplianceFeature
{
    public static IServiceCollection AddComplianceFeature(this IServiceCollection services)
    {
        services.AddScoped<Audit.AuditLog>();
        return services;
    }

    public static IEndpointRouteBuilder MapComplianceApi(this IEndpointRouteBuilder app) => app;
}
