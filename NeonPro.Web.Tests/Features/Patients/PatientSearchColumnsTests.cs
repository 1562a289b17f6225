using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Features.Patients;

namespace NeonPro.Web.Tests.Features.Patients;

/// <summary>The pure parts of the search: prefix ranges, reversed phone digits, tokens kept in step.</summary>
public sealed class PatientSearchColumnsTests
{
    [Theory]
    [InlineData("joao", "joap")]
    [InlineData("529", "52:")]
    [InlineData("z", "{")]
    public void A_prefix_range_ends_at_the_prefix_with_its_last_character_incremented(string prefix, string high)
    {
        var (low, h) = PatientSearch.PrefixRange(prefix);
        Assert.Equal(prefix, low);
        Assert.Equal(high, h);
        Assert.True(string.CompareOrdinal(prefix + "zzzz", h) < 0);
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
