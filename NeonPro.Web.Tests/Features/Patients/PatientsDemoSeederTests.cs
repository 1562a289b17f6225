using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Domain;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Features.Patients;
using NeonPro.Web.Infrastructure.Cli;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Patients;

public sealed class PatientsDemoSeederTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    [Fact]
    public async Task The_small_demo_set_is_300_valid_distinct_patients_and_a_second_run_adds_nothing()
    {
        var report = new DemoSeedReport();
        await app.WithScopeAsync(sp => sp.GetServices<IDemoSeeder>().OfType<PatientsDemoSeeder>().Single().SeedAsync(DemoSize.Small, report, CancellationToken.None));
        await app.WithScopeAsync(sp => sp.GetServices<IDemoSeeder>().OfType<PatientsDemoSeeder>().Single().SeedAsync(DemoSize.Small, report, CancellationToken.None));

        Assert.Contains(report.Lines, l => l.StartsWith("patients: 300 added", StringComparison.Ordinal));
        Assert.Contains(report.Lines, l => l.StartsWith("patients: nothing to add", StringComparison.Ordinal));

        var patients = await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().Patients.AsNoTracking()
            .Include(p => p.NameTokens).Include(p => p.HealthProfile).ToListAsync());
        Assert.Equal(300, patients.Count);
        Assert.All(patients, p =>
        {
            Assert.True(Cpf.IsValid(p.Cpf), p.Cpf);
            Assert.True(BrazilianPhone.TryParse(p.MobilePhone, out _, out var kind) && kind == PhoneKind.Mobile, p.MobilePhone);
            Assert.True(Cep.IsValid(p.PostalCode), p.PostalCode);
            Assert.True(BrazilianStates.IsValid(p.State), p.State);
            Assert.True(p.Cns is null || Cns.IsValid(p.Cns), p.Cns);
            Assert.NotEmpty(p.NameTokens);
            Assert.Equal(SearchText.Normalize($"{p.FullName} {p.SocialName}"), p.SearchName);
            Assert.NotNull(p.HealthProfile);
            if (p.IsMinorOn(DateOnly.FromDateTime(DateTime.UtcNow)))
                Assert.True(p.GuardianName is not null && Cpf.IsValid(p.GuardianCpf) && BrazilianPhone.IsValid(p.GuardianPhone));
        });
        Assert.Equal(300, patients.Select(p => p.Cpf).Distinct().Count());
        Assert.Contains(patients, p => p.SocialName is not null);
        Assert.Contains(patients, p => p.IsMinorOn(DateOnly.FromDateTime(DateTime.UtcNow)));
        Assert.Contains(patients, p => p.FullName.Any(c => "áéíóúâêôãõç".Contains(c)));
        // Phones are on the city's DDD.
        Assert.All(patients.Where(p => p.City == "São Paulo"), p => Assert.StartsWith("+5511", p.MobilePhone));
    }
}
