using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NeonPro.Web.Data;
using NeonPro.Web.Features.Compliance.Audit;
using NeonPro.Web.Infrastructure.Auth;
using Quartz;

namespace NeonPro.Web.Features.Compliance;

/// <summary>The audit trail and the LGPD requests (access, portability, erasure): managers and admins only.</summary>
public static class ComplianceFeature
{
    public static IServiceCollection AddComplianceFeature(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Compliance", Policies.ManagerOrAdmin));
        services.AddScoped<Infrastructure.Cli.IDemoSeeder, AuditHistoryDemoSeeder>();
        services.AddHostedService<AuditAnchorStartup>();
        services.AddScoped<PatientDataExport>();
        services.AddScoped<Anonymization>();
        services.AddComplianceJobs();
        return services;
    }

    /// <summary>The area's jobs; Quartz adds them to the scheduler Infrastructure/Jobs hosts.</summary>
    private static void AddComplianceJobs(this IServiceCollection services) => services.AddQuartz(q =>
    {
        q.AddJob<AuditAnchorJob>(j => j.WithIdentity(AuditAnchorJob.Key).WithDescription("Âncora diária da auditoria"));
        // 02:00 at the clinic (its default zone): the quietest hour, and one anchor per day is enough to date a cut.
        // A server that was off at 02:00 anchors once when it is back (not once per missed day: one anchor dates the head).
        q.AddTrigger(t => t.ForJob(AuditAnchorJob.Key)
            .WithIdentity("audit-anchor-daily", "compliance")
            .WithCronSchedule("0 0 2 * * ?", c => c
                .InTimeZone(TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo"))
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
    });

    public static IEndpointRouteBuilder MapComplianceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/compliance").RequireAuthorization(Policies.ManagerOrAdmin);
        api.MapGet("/audit/verify", VerifyAuditAsync);
        app.MapPatientDataApi();
        return app;
    }

    /// <summary>The audit chain check for monitoring or an auditor's script; the Audit page shows the same verdict.</summary>
    private static async Task<Ok<AuditVerification>> VerifyAuditAsync(AuditLog audit, CancellationToken ct)
    {
        var result = await audit.VerifyAsync(ct);
        return TypedResults.Ok(new AuditVerification(result.Break is null, result.RowsChecked, result.Break?.Sequence, result.Break?.Reason.ToString(),
            result.LastAnchor?.Sequence, result.LastAnchor?.AtUtc));
    }
}

/// <summary>
/// The chain check's verdict: intact, or the first row that does not fit and why (ContentChanged, BrokenLink, MissingRows,
/// MissingAtEnd, DiffersFromAnchor, AnchorUnreadable); and the newest anchor it was compared with (none: null).
/// </summary>
public sealed record AuditVerification(bool Intact, long RowsChecked, long? BrokenSequence, string? Reason, long? LastAnchorSequence, DateTime? LastAnchorAtUtc);
