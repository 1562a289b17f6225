using System.ComponentModel.DataAnnotations;
using System.Reflection;
using NeonPro.Web.Domain;
using NeonPro.Web.Domain.Professionals;

namespace NeonPro.Web.Tests.Domain;

/// <summary>One pt-BR name per enum value, written as its [Display] name: the one every page (catalog, agenda, professionals, patients) shows.</summary>
public sealed class EnumLabelsTests
{
    [Fact]
    public void Every_profession_has_its_own_pt_BR_name()
    {
        var names = Enum.GetValues<Profession>().Select(p => EnumLabels.Of(p)).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.DoesNotContain(names, n => Enum.TryParse<Profession>(n, out _));
        Assert.Equal("Médico(a)", EnumLabels.Of(Profession.Physician));
        Assert.Equal("Esteticista", EnumLabels.Of(Profession.Aesthetician));
    }

    [Theory]
    [InlineData(CredentialStanding.Good, "Registro regular")]
    [InlineData(CredentialStanding.LapsingSoon, "Registro regular")]
    [InlineData(CredentialStanding.Suspended, "Registro suspenso")]
    [InlineData(CredentialStanding.Cancelled, "Registro cancelado")]
    [InlineData(CredentialStanding.Lapsed, "Carteira/anuidade vencida")]
    public void A_credential_standing_reads_the_same_on_every_page(CredentialStanding standing, string name) =>
        Assert.Equal(name, EnumLabels.Of(standing));

    /// <summary>Every value of an enum that has words has its own [Display] name: none falls back to its C# name.</summary>
    [Fact]
    public void Every_value_of_a_named_enum_has_its_display_name()
    {
        var named = typeof(EnumLabels).Assembly.GetTypes()
            .Where(t => t.IsEnum && t.GetFields().Any(f => f.IsDefined(typeof(DisplayAttribute), false)))
            .ToList();
        Assert.Contains(typeof(Council), named);
        foreach (var field in named.SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)))
            Assert.False(string.IsNullOrWhiteSpace(field.GetCustomAttribute<DisplayAttribute>()?.Name), $"{field.DeclaringType!.Name}.{field.Name} has no [Display] name");
        Assert.Equal("Sem conselho", EnumLabels.Of(Council.None));
        Assert.Equal("CRM", EnumLabels.Of(Council.Crm));
    }
}
