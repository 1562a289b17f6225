using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Features.Professionals;

namespace NeonPro.Web.Tests.Features.Professionals;

/// <summary>One pt-BR name per enum value, the one every page (catalog, agenda, professionals) shows.</summary>
public sealed class ProfessionalLabelsTests
{
    [Fact]
    public void Every_profession_has_its_own_pt_BR_name()
    {
        var names = Enum.GetValues<Profession>().Select(ProfessionalLabels.Of).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.DoesNotContain(names, n => Enum.TryParse<Profession>(n, out _));
        Assert.Equal("Médico(a)", ProfessionalLabels.Of(Profession.Physician));
        Assert.Equal("Esteticista", ProfessionalLabels.Of(Profession.Aesthetician));
    }

    [Theory]
    [InlineData(CredentialStanding.Good, "Registro regular")]
    [InlineData(CredentialStanding.LapsingSoon, "Registro regular")]
    [InlineData(CredentialStanding.Suspended, "Registro suspenso")]
    [InlineData(CredentialStanding.Cancelled, "Registro cancelado")]
    [InlineData(CredentialStanding.Lapsed, "Carteira/anuidade vencida")]
    public void A_credential_standing_reads_the_same_on_every_page(CredentialStanding standing, string name) =>
        Assert.Equal(name, ProfessionalLabels.Of(standing));
}
