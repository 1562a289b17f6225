using Htmx;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NeonPro.Web.Data;
using NeonPro.Web.Infrastructure.Htmx;
using NeonPro.Web.Infrastructure.Messaging;

namespace NeonPro.Web.Infrastructure.Auth;

/// <summary>The Security section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Sign-in posts allowed per client address per minute.</summary>
    public int SignInAttemptsPerMinutePerIp { get; set; } = 10;
}

/// <summary>The NeonPro section's settings read after start-up (NeonPro:DataFolder is read before, by DatabaseProviders).</summary>
public sealed class NeonProOptions
{
    public const string Section = "NeonPro";

    /// <summary>The address staff use to reach the app (https://neonpro.suaclinica.local); empty: the request's own.</summary>
    public string PublicUrl { get; set; } = "";

    public static bool IsValidPublicUrl(string url) =>
        string.IsNullOrWhiteSpace(url)
        || Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

public static class AuthSetup
{
    public const string SignInRateLimit = "sign-in";

    public static IServiceCollection AddNeonProAuth(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section)
            .Validate(o => o.SignInAttemptsPerMinutePerIp > 0, "Security:SignInAttemptsPerMinutePerIp must be at least 1.")
            .ValidateOnStart();
        services.AddOptions<NeonProOptions>().BindConfiguration(NeonProOptions.Section)
            .Validate(o => NeonProOptions.IsValidPublicUrl(o.PublicUrl),
                "NeonPro:PublicUrl must be an absolute http or https address (e.g. https://neonpro.suaclinica.local).")
            .ValidateOnStart();
        services.AddDefaultIdentity<StaffUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                // Length over composition (OWASP ASVS 2.1): at least 10 characters, no forced symbol soup;
                // common passwords are refused by CommonPasswordValidator.
                o.Password.RequiredLength = 10;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<NeonProDbContext>()
            .AddUserManager<StaffUserManager>()
            .AddSignInManager<StaffSignInManager>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();
        services.AddSmtpEmailSender();
        services.AddScoped<LeakedSecondFactorReset>();

        // A disabled account or a reset password takes effect within a minute on every open session.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "neonpro.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // A working day, renewed while in use (Identity's default is 14 days).
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            o.LoginPath = "/Identity/Account/Login";
            o.LogoutPath = "/Identity/Account/Logout";
            o.AccessDeniedPath = "/Identity/Account/AccessDenied";
            o.Events.OnRedirectToLogin = ctx =>
            {
                // An htmx call whose session expired: send the whole page to sign-in, not a fragment of it.
                if (ctx.Request.WantsFragment())
                {
                    ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    ctx.Response.Htmx(h => h.Redirect(ctx.RedirectUri));
                }
                else ctx.Response.Redirect(ctx.RedirectUri);
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                if (ctx.Request.WantsFragment()) ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                else ctx.Response.Redirect(ctx.RedirectUri);
                return Task.CompletedTask;
            };
        });

        services.AddAuthorizationBuilder()
            // Every page and endpoint requires sign-in unless it says [AllowAnonymous].
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.ManagerOrAdmin, p => p.RequireRole(Roles.Manager, Roles.Admin))
            .AddPolicy(Policies.FrontDesk, p => p.RequireRole(Roles.Receptionist, Roles.Manager, Roles.Admin))
            .AddPolicy(Policies.Clinical, p => p.RequireRole(Roles.Professional, Roles.Manager, Roles.Admin))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Receptionist, Roles.Professional, Roles.Manager, Roles.Admin));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Every 429 says when to try again (RFC 9110 §10.2.3), in whole seconds: the limiter's own figure when it
            // gives one, else a whole window.
            o.OnRejected = (ctx, _) =>
            {
                var wait = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                ctx.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            // Sign-in posts per client address: slows password guessing across many accounts, which the
            // per-account lockout alone does not.
            o.AddPolicy(SignInRateLimit, ctx =>
                HttpMethods.IsPost(ctx.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = ctx.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.SignInAttemptsPerMinutePerIp,
                            Window = TimeSpan.FromMinutes(1),
                            QueueLimit = 0,
                        })
                    : RateLimitPartition.GetNoLimiter("get"));
        });
        return services;
    }
}
