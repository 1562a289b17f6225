using NeonPro.Web.Infrastructure.Auth;
using System.Security.Claims;

namespace NeonPro.Web.Data;

/// <summary>Who is acting, for the audit trail: the signed-in user of the request, or the system on its own.</summary>
public sealed record AuditActor(string? UserId, string? UserName, string? Role, string? IpAddress, string? UserAgent)
{
    /// <summary>The role the audit records for work nobody signed in started: jobs, command-line verbs, start-up.</summary>
    public const string SystemRole = "System";

    /// <summary>A job, a command-line verb or a start-up task, named so the audit says which one wrote a row.</summary>
    public static AuditActor System(string task) => new(null, $"Sistema: {task}", SystemRole, null, null);
}

/// <summary>
/// The actor of one DI scope. Scoped, not static: a job's scope and a request's scope run side by side, and each
/// row must carry the actor of the scope whose DbContext wrote it.
/// </summary>
public sealed class AuditActorAccessor(IHttpContextAccessor http)
{
    /// <summary>Set once by whatever owns a scope without a signed-in user (a job, a verb); wins over the request.</summary>
    public AuditActor? Override { get; private set; }

    /// <summary>Makes every audit row this scope writes say "Sistema: <paramref name="task"/>".</summary>
    public void ActAsSystem(string task) => Override = AuditActor.System(task);

    public AuditActor Current()
    {
        if (Override is not null) return Override;
        var ctx = http.HttpContext;
        if (ctx is null)
            return new AuditActor(null, "system", null, null, null);

        var user = ctx.User;
        var roles = user.Identity?.IsAuthenticated == true
            ? string.Join(",", user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order())
            : null;
        var agent = ctx.Request.Headers.UserAgent.ToString();
        return new AuditActor(
            user.ActorId(),
            user.Identity?.IsAuthenticated == true ? user.Identity.Name : null,
            string.IsNullOrEmpty(roles) ? null : roles,
            ctx.Connection.RemoteIpAddress?.ToString(),
            agent.Length > 512 ? agent[..512] : agent);
    }
}
