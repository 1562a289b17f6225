using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NeonPro.Web.Infrastructure.Web;

/// <summary>The release this build is (the project's Version), as the start-up log and /health report it.</summary>
public static class AppVersion
{
    public static string Current { get; } =
        typeof(AppVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>/health's answer: the verdict and the version, so a monitor (or whoever upgraded) sees which release is up.</summary>
    public static HealthCheckOptions HealthOptions { get; } = new()
    {
        ResponseWriter = async (context, report) =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString(), version = Current }));
        },
    };

    public static void LogAtStart(WebApplication app) =>
        app.Logger.LogInformation("NeonPro {Version} starting in {Environment}, content root {ContentRoot}",
            Current, app.Environment.EnvironmentName, app.Environment.ContentRootPath);
}
