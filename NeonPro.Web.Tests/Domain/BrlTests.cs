using System.Globalization;
using NeonPro.Web.Domain;

namespace NeonPro.Web.Tests.Domain;

public sealed class BrlTests
{
    [Theory]
    [InlineData("1.234,56", 1234.56)]
    [InlineData("1234,5", 1234.50)]
    [InlineData("R$ 80", 80)]
    [InlineData("R$\u00A01.500,00", 1500)]
    [InlineData("80.50", 80.50)]
    [InlineData("1.500", 1500)]
    public void Amounts_are_read_the_Brazilian_way_and_a_lone_dot_with_cents_as_a_decimal_point(string typed, decimal expected)
    {
        Assert.True(Brl.TryParse(typed, out var amount));
        Assert.Equal(expected, amount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1,234.56")]
    [InlineData("12,345")]
    [InlineData("1.23.4")]
    public void What_is_not_an_amount_in_reais_is_refused(string typed) => Assert.False(Brl.TryParse(typed, out _));

    [Fact]
    public void Reading_does_not_depend_on_the_screen_language()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
            Assert.True(Brl.TryParse("1.234,56", out var amount));
            Assert.Equal(1234.56m, amount);
            Assert.Equal("R$ 1.234,56", Brl.Format(1234.56m).Replace('\u00A0', ' '));
        }
        finally { CultureInfo.CurrentCulture = before; }
    }

    [Fact]
    public void Money_is_shown_with_the_symbol_and_the_edit_field_without_it()
    {
        Assert.Equal("R$ 1.234,56", Brl.Format(1234.56m).Replace('\u00A0', ' '));
        Assert.Equal("1.234,56", Brl.FormatAmount(1234.56m));
        Assert.Equal("0,50", Brl.FormatAmount(0.5m));
    }
}
