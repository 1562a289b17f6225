using Microsoft.Extensions.Options;
using NeonPro.Web.Infrastructure.Forms;
using NeonPro.Web.Data;
using NeonPro.Web.Features.Admin;
using NeonPro.Web.Features.Catalog;
using NeonPro.Web.Features.Compliance;
using NeonPro.Web.Features.Patients;
using NeonPro.Web.Features.Professionals;
using NeonPro.Web.Features.Scheduling;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Jobs;
using NeonPro.Web.Infrastructure.Localization;
using NeonPro.Web.Infrastructure.Navigation;
using NeonPro.Web.Infrastructure.Time;
using NeonPro.Web.Infrastructure.Web;

namespace NeonPro.Web.Infrastructure;

/// <summary>What Program.cs calls: the app's services, its request pipeline and its endpoints, as a list.</summary>
public static class NeonProApp
{
    /// <summary>
    /// The host's arguments (a verb's own options kept from it) and its content root. A published build takes its own
    /// folder as content root, so it finds its appsettings.json and its App_Data however it is started (a systemd unit,
    /// a shell in another folder). Under `dotnet run` the build output holds the static-assets manifest, and the content
    /// root stays the project folder, as always. An explicit --contentRoot or ASPNETCORE_CONTENTROOT still wins.
    /// </summary>
    public static WebApplicationOptions HostOptions(string[] args)
    {
        var hostArgs = Cli.CommandLine.HostArguments(args);
        var published = !File.Exists(Path.Combine(AppContext.BaseDirectory, $"{typeof(NeonProApp).Assembly.GetName().Name}.staticwebassets.runtime.json"));
        var chosen = hostArgs.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        return new WebApplicationOptions { Args = hostArgs, ContentRootPath = published && !chosen ? AppContext.BaseDirectory : null };
    }

    public static WebApplicationBuilder AddNeonPro(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // `dotnet run` serves from the build output, whose static files (the bundled CSS and script, Identity UI's
        // files) are described by a manifest pointing into obj/; the host reads it by itself only in Development.
        // A published app has no such manifest, and then this does nothing.
        builder.WebHost.UseStaticWebAssets();
        builder.AddNeonProLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddMemoryCache();

        builder.AddNeonProData();
        services.AddNeonProLocalization();
        services.AddNeonProAuth();
        services.AddNeonProForwardedHeaders();
        services.AddNeonProNavigation();
        services.AddSingleton<ClinicClock>();

        // Each area adds its own folder's authorization convention (a page no area claims fails AreaRegistrationTests).
        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddViewLocalization()
            .AddNeonProViewLocalization()
            .AddNeonProForms();
        services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");
        services.AddHealthChecks().AddDbContextCheck<NeonProDbContext>("database");

        // The areas: each registers its pages' authorization, services, options, jobs and demo data.
        services.AddAdminFeature();
        services.AddCatalogFeature();
        services.AddProfessionalsFeature();
        services.AddComplianceFeature();
        services.AddSchedulingFeature();
        services.AddPatientsFeature();
        return builder;
    }

    public static async Task<WebApplication> UseNeonProAsync(this WebApplication app)
    {
        AppVersion.LogAtStart(app);
        // Every options section registered with ValidateOnStart, checked now rather than when the host starts: a wrong
        // value stops the app, naming its key, before the database is migrated. (A command-line verb meets the same check
        // when it first reads a section.)
        app.Services.GetService<IStartupValidator>()?.Validate();
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<AuditActorAccessor>().ActAsSystem("início");
            await DatabaseStartup.PrepareAsync(scope.ServiceProvider);
            await scope.ServiceProvider.GetRequiredService<LeakedSecondFactorReset>().RunAsync();
        }

        // First: HTTPS redirection, the sign-in rate limit and the audit all read the client's address and scheme.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseNeonProSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseSecondFactorEnrolment();
        app.UseAntiforgery();
        app.UseDisabledIdentityPages();

        // Public files (the sign-in page needs its CSS and script); without this the fallback policy redirects them to sign-in.
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapHealthChecks("/health", AppVersion.HealthOptions).AllowAnonymous().DisableRateLimiting();
        app.MapAccountEndpoints();
        // The areas' minimal APIs (each group carries its own authorization).
        app.MapComplianceApi();
        return app;
    }

    private static void AddNeonProLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        if (builder.Configuration[Cli.CommandLine.CommandKey] is not null)
        {
            // A command-line verb: its output is what it prints; logs go to standard error.
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        }
        else if (builder.Environment.IsDevelopment()) builder.Logging.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss ");
        else builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ");
    }

    private static void AddNeonProData(this WebApplicationBuilder builder)
    {
        var options = DatabaseProviders.ReadOptions(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(options);
        builder.Services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section)
            .Validate(o => AuditOptions.IsValidKey(o.HashKey), "Audit:HashKey must be a base64 key of at least 32 bytes.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => AuditHasher.FromConfiguration(sp.GetRequiredService<IOptions<AuditOptions>>().Value, options.DataFolder));
        builder.Services.AddScoped<AuditActorAccessor>();
        // Every area writes audit events (sign-ins, chart views, user administration); the Compliance area reads them.
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddSingleton<AuditAnchorLog>();
        builder.Services.AddDbContext<NeonProDbContext>((sp, o) =>
        {
            DatabaseProviders.Configure(o, options);
            // One interceptor per context, built from the context's own scope (sp is the scoped provider here),
            // so it reads the actor of that scope: a job's rows and a concurrent request's rows never mix.
            o.AddInterceptors(new AuditInterceptor(
                sp.GetRequiredService<AuditActorAccessor>(), sp.GetRequiredService<AuditHasher>(), sp.GetRequiredService<TimeProvider>()));
        });

        builder.Services.AddNeonProKeyRing(builder.Configuration, builder.Environment.ContentRootPath);
        // The schedule lives in this same database; the data layer's own job registers beside it.
        builder.Services.AddNeonProJobs(builder.Configuration, options);
        SqliteCheckpointJob.Register(builder.Services);
    }
}
