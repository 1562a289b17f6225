using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Infrastructure.Cli;

namespace NeonPro.Web.Features.Patients;

/// <summary>
/// The consent terms patients agree to, one text per purpose. A clinic starts with version 1 of each (written
/// here); a later version is a new row, never an edit, so every consent keeps pointing at the exact words agreed to.
/// </summary>
public static class ConsentTermCatalog
{
    public const string FirstVersion = "1";

    /// <summary>Version 1 applies from before any consent the clinic can have recorded in NeonPro.</summary>
    public static readonly DateOnly FirstEffectiveFrom = new(2025, 1, 1);

    private static readonly Dictionary<ConsentPurpose, string> FirstTexts = new()
    {
        [ConsentPurpose.HealthCare] =
            "Autorizo a clínica a tratar meus dados pessoais de saúde (anamnese, alergias, medicamentos, condições de saúde, " +
            "procedimentos realizados e suas evoluções) com a finalidade específica de prestar os cuidados e procedimentos " +
            "estéticos que contratei, nos termos dos arts. 7º, 8º e 11 da Lei 13.709/2018 (LGPD). Sei que o prontuário é " +
            "guardado por no mínimo 20 anos após o último registro (Lei 13.787/2018) e que posso pedir acesso, correção e " +
            "informações sobre o uso dos meus dados a qualquer momento.",
        [ConsentPurpose.ImageUse] =
            "Autorizo a clínica a fazer fotografias das áreas tratadas para registro da evolução do meu tratamento. " +
            "As imagens ficam no meu prontuário e não serão publicadas nem usadas em divulgação sem um consentimento " +
            "específico para isso. Posso retirar esta autorização a qualquer momento, sem custo (art. 8º, § 5º, LGPD); " +
            "a retirada não afeta as fotografias já feitas para o prontuário.",
        [ConsentPurpose.Marketing] =
            "Autorizo a clínica a me enviar comunicações de marketing (novidades, promoções e campanhas) pelos canais de " +
            "contato que informei. Este consentimento não é condição para o atendimento e posso retirá-lo a qualquer " +
            "momento, sem custo; lembretes de consultas agendadas não dependem dele.",
        [ConsentPurpose.ThirdPartySharing] =
            "Autorizo a clínica a compartilhar meus dados pessoais estritamente necessários com terceiros parceiros " +
            "(laboratórios, fornecedores de produtos e plataformas de comunicação) para as finalidades do meu atendimento. " +
            "Posso pedir a lista de com quem meus dados foram compartilhados (art. 18, VII, LGPD) e retirar esta " +
            "autorização a qualquer momento.",
        [ConsentPurpose.Research] =
            "Autorizo o uso dos meus dados de saúde, sempre que possível anonimizados, em estudos e pesquisas sobre " +
            "resultados de tratamentos estéticos (art. 11, II, c, LGPD). Nenhuma publicação me identificará. " +
            "Posso retirar esta autorização a qualquer momento, sem prejuízo do meu atendimento.",
    };

    /// <summary>SHA-256 of the text as stored (UTF-8), lower-case hex.</summary>
    public static string Sha256Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Adds version 1 of every purpose that has no term at all. Saves nothing: the caller's save does.</summary>
    public static async Task<int> AddMissingAsync(NeonProDbContext db, CancellationToken ct = default)
    {
        var existing = await db.ConsentTerms.AsNoTracking().Select(t => t.Purpose).Distinct().ToListAsync(ct);
        var pending = db.ChangeTracker.Entries<ConsentTerm>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Purpose);
        var have = existing.Concat(pending).ToHashSet();
        var added = 0;
        foreach (var (purpose, text) in FirstTexts)
        {
            if (have.Contains(purpose)) continue;
            db.ConsentTerms.Add(new ConsentTerm
            {
                Purpose = purpose,
                Version = FirstVersion,
                Text = text,
                Sha256 = Sha256Of(text),
                EffectiveFrom = FirstEffectiveFrom,
            });
            added++;
        }
        return added;
    }

    /// <summary>The term version in force on a day for each purpose: the one with the latest effective date.</summary>
    public static async Task<Dictionary<ConsentPurpose, ConsentTerm>> InForceAsync(NeonProDbContext db, DateOnly today, CancellationToken ct = default)
    {
        var terms = await db.ConsentTerms.AsNoTracking().Where(t => t.EffectiveFrom <= today).ToListAsync(ct);
        return terms.GroupBy(t => t.Purpose)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.EffectiveFrom).ThenByDescending(t => t.Id).First());
    }
}

/// <summary>Makes sure every purpose has a term at start-up (idempotent; several nodes may race, the unique index settles it).</summary>
public sealed class ConsentTermsStartup(IServiceScopeFactory scopes, ILogger<ConsentTermsStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NeonProDbContext>();
        if (await ConsentTermCatalog.AddMissingAsync(db, cancellationToken) == 0) return;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            log.LogInformation("Consent terms: version 1 added for the purposes that had none.");
        }
        catch (DbUpdateException)
        {
            // Another node added them between our check and our save: (Purpose, Version) is unique, theirs stand.
            log.LogInformation("Consent terms were added by another instance.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>seed-demo: the consent terms, before the demo patients who agree to them.</summary>
public sealed class ConsentTermsDemoSeeder(NeonProDbContext db) : IDemoSeeder
{
    public int Order => 25;

    public async Task SeedAsync(DemoSize size, DemoSeedReport report, CancellationToken ct)
    {
        var added = await ConsentTermCatalog.AddMissingAsync(db, ct);
        if (added == 0) return;
        await db.SaveChangesAsync(ct);
        report.Add($"consent terms: {added} added (version {ConsentTermCatalog.FirstVersion})");
    }
}
