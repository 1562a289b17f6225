using Htmx;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using NeonPro.Web.Data;
using NeonPro.Web.Infrastructure.Htmx;
using NeonPro.Web.Infrastructure.Messaging;

namespace NeonPro.Web.Infrastructure.Auth;

public static class AuthSetup
{
    public const string SignInRateLimit = "sign-in";

    public static IServiceCollection AddNeonProAuth(this IServiceCollection services, IConfiguration config)
    {
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
            .AddPolicy(Policies.Clinical, p => p.RequireRole(Roles.Professional, Roles.Manager, Roles.Admin));

        var perMinute = config.GetValue("Security:SignInAttemptsPerMinutePerIp", 10);
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
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("get"));
        });
        return services;
    }
}
