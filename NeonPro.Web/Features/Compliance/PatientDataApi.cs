using Microsoft.AspNetCore.Http.HttpResults;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Infrastructure.Auth;

namespace NeonPro.Web.Features.Compliance;

/// <summary>
/// Downloads of everything held about a patient, for access (PDF) and portability (JSON) requests. Managers and
/// admins only; every download writes an Export row to the audit trail in the same request.
/// </summary>
public static class PatientDataApi
{
    public static IEndpointRouteBuilder MapPatientDataApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/patients/{id:guid}").RequireAuthorization(Policies.ManagerOrAdmin);
        group.MapGet("/export.json", (Guid id, Guid? request, HttpContext http, PatientDataExport export, AuditLog audit, NeonProDbContext db, CancellationToken ct) =>
            ExportAsync(id, request, "json", http, export, audit, db, ct));
        group.MapGet("/export.pdf", (Guid id, Guid? request, HttpContext http, PatientDataExport export, AuditLog audit, NeonProDbContext db, CancellationToken ct) =>
            ExportAsync(id, request, "pdf", http, export, audit, db, ct));
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync(
        Guid id, Guid? request, string format, HttpContext http, PatientDataExport export, AuditLog audit, NeonProDbContext db, CancellationToken ct)
    {
        var user = http.User;
        var generatedBy = user.ActorName();
        var package = await export.CollectAsync(id, generatedBy, ct);
        if (package is null) return TypedResults.NotFound();

        var bytes = format == "pdf" ? export.ToPdf(package) : PatientDataExport.ToJson(package);

        // The access row is written before the file leaves: a download the audit does not know about never happens.
        audit.Add(AuditAction.Export, "Patient", id.ToString(), new { format, request, bytes = bytes.Length });
        await db.SaveChangesAsync(ct);

        // No name in the file name: downloads folders and mail attachments outlive the request.
        var fileName = $"paciente-{id:N}-{package.GeneratedAt:yyyyMMdd-HHmm}.{format}";
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(bytes, format == "pdf" ? "application/pdf" : "application/json; charset=utf-8", fileName);
    }
}
