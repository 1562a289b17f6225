using System.Security.Claims;

namespace NeonPro.Web.Data;

/// <summary>Who is acting, for the audit trail: the signed-in user of the request, or the command line.</summary>
public sealed record AuditActor(string? UserId, string? UserName, string? Role, string? IpAddress, string? UserAgent);

public sealed class AuditActorAccessor(IHttpContextAccessor http)
{
    /// <summary>Set by command-line verbs, which have no HTTP request.</summary>
    public static AuditActor? CommandLineActor { get; set; }

    public AuditActor Current()
    {
        var ctx = http.HttpContext;
        if (ctx is null)
            return CommandLineActor ?? new AuditActor(null, "system", null, null, null);

        var user = ctx.User;
        var roles = user.Identity?.IsAuthenticated == true
            ? string.Join(",", user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order())
            : null;
        var agent = ctx.Request.Headers.UserAgent.ToString();
        return new AuditActor(
            user.FindFirstValue(ClaimTypes.NameIdentifier),
            user.Identity?.IsAuthenticated == true ? user.Identity.Name : null,
            string.IsNullOrEmpty(roles) ? null : roles,
            ctx.Connection.RemoteIpAddress?.ToString(),
            agent.Length > 512 ? agent[..512] : agent);
    }
}
