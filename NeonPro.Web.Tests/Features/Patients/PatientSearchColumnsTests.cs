using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Features.Patients;

namespace NeonPro.Web.Tests.Features.Patients;

/// <summary>The pure parts of the search: prefix ranges, reversed phone digits, tokens kept in step.</summary>
public sealed class PatientSearchColumnsTests
{
    [Theory]
    [InlineData("joao", 10, "joaozzzzzz")]
    [InlineData("luiz", 6, "luizzz")] // incrementing the 'z' would give "lui{", which linguistic collations read as "lui"
    [InlineData("529", 11, "52999999999")]
    [InlineData("12345678911", 11, "12345678911")]
    public void A_prefix_range_pads_the_prefix_with_the_last_character_of_its_alphabet(string prefix, int length, string high)
    {
        var (low, h) = PatientSearch.PrefixRange(prefix, length);
        Assert.Equal(prefix, low);
        Assert.Equal(high, h);
    }

    [Theory]
    [InlineData("joao", "joao", true)]
    [InlineData("joao", "joaozinho", true)]
    [InlineData("joao", "joap", false)]
    [InlineData("joao", "joa", false)]
    [InlineData("luiz", "luiza", true)]
    [InlineData("luiz", "luj", false)]
    [InlineData("529", "52998224725", true)]
    [InlineData("529", "53000000000", false)]
    [InlineData("1234", "12345678911 4444333311", true)]
    [InlineData("1234", "1235", false)]
    public void The_range_holds_exactly_the_values_starting_with_the_prefix(string prefix, string value, bool inside)
    {
        var (low, high) = PatientSearch.PrefixRange(prefix, 40);
        Assert.Equal(inside, string.CompareOrdinal(value, low) >= 0 && string.CompareOrdinal(value, high) <= 0);
        // The same under a linguistic collation (what PostgreSQL and SQL Server use by default).
        var culture = System.Globalization.CultureInfo.GetCultureInfo("pt-BR").CompareInfo;
        Assert.Equal(inside, culture.Compare(value, low) >= 0 && culture.Compare(value, high) <= 0);
    }

    [Theory]
    [InlineData("5511987654321", "11987654321")]
    [InlineData("011987654321", "11987654321")]
    [InlineData("01133334444", "1133334444")]
    [InlineData("0123", "0123")] // a suffix keeps its zero
    [InlineData("987654321", "987654321")]
    public void Typed_phone_digits_lose_country_code_and_trunk_zero_only_when_whole(string typed, string national) =>
        Assert.Equal(national, PatientSearchColumns.NationalDigits(typed));

    [Fact]
    public void Refresh_keeps_existing_tokens_and_replaces_the_rest()
    {
        var p = new Patient { FullName = "João da Silva", MobilePhone = "+5511987654321" };
        PatientSearchColumns.Refresh(p);
        var silva = p.NameTokens.Single(t => t.Token == "silva");

        p.FullName = "João Silva Prado";
        p.OtherPhone = "+551133334444";
        PatientSearchColumns.Refresh(p);

        Assert.Equal(["joao", "prado", "silva"], p.NameTokens.Select(t => t.Token).Order());
        Assert.Same(silva, p.NameTokens.Single(t => t.Token == "silva"));
        Assert.All(p.NameTokens, t => Assert.Equal(p.Id, t.PatientId));
        Assert.Equal("joao silva prado", p.SearchName);
        Assert.Equal("12345678911 4444333311", p.PhoneDigitsReversed);
    }

    [Fact]
    public void Demo_identifiers_are_valid()
    {
        var random = new Random(7);
        for (var i = 0; i < 2_000; i++)
        {
            Assert.True(Cpf.IsValid(DemoIdentifiers.Cpf(random)));
            Assert.True(Cns.IsValid(DemoIdentifiers.DefinitiveCns(random)));
        }
    }
}
