namespace NeonPro.Web.Infrastructure.Web;

/// <summary>Response headers that keep pages from being framed, sniffed or running injected script.</summary>
public static class SecurityHeaders
{
    // No inline script anywhere: htmx and the app's code come from /dist. Inline style attributes are allowed
    // (the scheduling grid sizes blocks with them); <style> elements are not.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseNeonProSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (ctx, next) =>
        {
            ctx.Response.OnStarting(() =>
            {
                var h = ctx.Response.Headers;
                h["Content-Security-Policy"] = ContentSecurityPolicy;
                h["X-Content-Type-Options"] = "nosniff";
                h["Referrer-Policy"] = "same-origin";
                h["X-Frame-Options"] = "DENY";
                h["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=()";
                h["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next();
        });
}
