using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace NeonPro.Web.Data;

/// <summary>The data-protection key ring: what sign-in cookies and antiforgery tokens are sealed with.</summary>
public static class KeyRing
{
    private const string LogCategory = "Microsoft.AspNetCore.DataProtection";

    public static IServiceCollection AddNeonProKeyRing(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        // In the database (table DataProtectionKeys), so sign-ins and antiforgery tokens survive a restart and every app
        // node shares them.
        var dataProtection = services.AddDataProtection().SetApplicationName("NeonPro").PersistKeysToDbContext<NeonProDbContext>();
        // Encrypted at rest with the operator's certificate when one is given: a copy of the database then holds no key that
        // opens sign-in cookies. Without it, ASP.NET Core warns at start that the keys are stored unencrypted (README).
        // Read here, before the container exists: the framework takes the decryption certificate only at registration
        // (UnprotectKeysWithAnyCertificate; its options type is internal), so this section cannot be a bound options class.
        var certificatePath = config["DataProtection:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            var file = Path.GetFullPath(certificatePath, contentRoot);
            if (!File.Exists(file)) throw new InvalidOperationException($"DataProtection:CertificatePath: {file} does not exist.");
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(file, config["DataProtection:Password"]);
            // Linux has no certificate store to find it in by thumbprint when reading the keys back: name it for that too.
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        // The library's key store logs every key it reads, master key included, at Debug; so does Data Protection when a
        // key element fails to load.
        services.PostConfigure<LoggerFilterOptions>(KeepKeysOutOfLogs);
        return services;
    }

    /// <summary>
    /// Data Protection logs at the level the configuration gives it, but never below Information, for every logger.
    /// A level set for one logger (Logging:Console:LogLevel:Default) beats any rule for all loggers, so each logger the
    /// rules name gets a rule of its own.
    /// </summary>
    private static void KeepKeysOutOfLogs(LoggerFilterOptions options)
    {
        foreach (var logger in options.Rules.Select(r => r.ProviderName).Append(null).Distinct().ToList())
        {
            var level = ConfiguredLevel(options, logger);
            options.Rules.Add(new LoggerFilterRule(logger, LogCategory, level > LogLevel.Information ? level : LogLevel.Information, filter: null));
        }
    }

    /// <summary>
    /// The level the rules give Data Protection's logs for one logger, chosen as Microsoft.Extensions.Logging chooses:
    /// a rule for that logger before a rule for all, then the longest matching category, then the last rule.
    /// </summary>
    private static LogLevel ConfiguredLevel(LoggerFilterOptions options, string? logger)
    {
        LoggerFilterRule? chosen = null;
        foreach (var rule in options.Rules)
        {
            if (rule.ProviderName is not null && rule.ProviderName != logger) continue;
            if (rule.CategoryName is not null && !LogCategory.StartsWith(rule.CategoryName, StringComparison.OrdinalIgnoreCase)) continue;
            if (chosen is not null && (chosen.ProviderName is null) == (rule.ProviderName is null)
                && (chosen.CategoryName?.Length ?? -1) > (rule.CategoryName?.Length ?? -1)) continue;
            if (chosen?.ProviderName is not null && rule.ProviderName is null) continue;
            chosen = rule;
        }
        return chosen?.LogLevel ?? options.MinLevel;
    }
}
