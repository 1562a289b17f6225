using NeonPro.Web.Domain;

namespace NeonPro.Web.Tests.Domain;

public sealed class CnpjTests
{
    [Theory]
    [InlineData("11222333000181")]
    [InlineData("11.222.333/0001-81")]
    [InlineData(" 11 222 333 0001 81 ")]
    public void A_numeric_CNPJ_with_right_check_digits_is_valid_with_or_without_punctuation(string input)
    {
        Assert.True(Cnpj.TryParse(input, out var cnpj));
        Assert.Equal("11222333000181", cnpj.Value);
        Assert.Equal("11.222.333/0001-81", cnpj.Formatted);
    }

    [Theory]
    [InlineData("12.ABC.345/01DE-35")]
    [InlineData("12ABC34501DE35")]
    [InlineData("12.abc.345/01de-35")]
    public void An_alphanumeric_CNPJ_is_valid_and_normalised_to_upper_case(string input)
    {
        Assert.True(Cnpj.TryParse(input, out var cnpj));
        Assert.Equal("12ABC34501DE35", cnpj.Value);
        Assert.Equal("12.ABC.345/01DE-35", cnpj.Formatted);
    }

    [Theory]
    [InlineData("11.222.333/0001-80")]
    [InlineData("11.222.333/0001-91")]
    [InlineData("12.ABC.345/01DE-36")]
    [InlineData("12.ABD.345/01DE-35")]
    public void A_wrong_check_digit_is_refused(string input) => Assert.False(Cnpj.IsValid(input));

    [Theory]
    [InlineData("00000000000000")]
    [InlineData("11111111111111")]
    [InlineData("99.999.999/9999-99")]
    public void All_same_characters_are_refused(string input) => Assert.False(Cnpj.IsValid(input));

    [Theory]
    [InlineData("1122233300018")]
    [InlineData("112223330001811")]
    [InlineData("11.222.333/0001")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_wrong_length_is_refused(string? input) => Assert.False(Cnpj.IsValid(input));

    [Theory]
    [InlineData("12ABC34501DEA5")]
    [InlineData("12ABC34501DE3A")]
    [InlineData("12.ABC.345/01DE-AB")]
    public void Letters_in_the_check_digits_are_refused(string input) => Assert.False(Cnpj.IsValid(input));

    [Theory]
    [InlineData("11_222_333_0001_81")]
    [InlineData("11222333000181x")]
    [InlineData("11.222.333/0001-8ç")]
    public void Characters_other_than_digits_letters_and_punctuation_are_refused(string input) => Assert.False(Cnpj.IsValid(input));
}
