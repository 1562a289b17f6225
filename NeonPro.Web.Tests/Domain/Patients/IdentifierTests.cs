using NeonPro.Web.Domain.Patients;

namespace NeonPro.Web.Tests.Domain.Patients;

public class CpfTests
{
    [Theory]
    [InlineData("529.982.247-25", "52998224725")]
    [InlineData("52998224725", "52998224725")]
    [InlineData("111.444.777-35", "11144477735")]
    [InlineData(" 111 444 777 35 ", "11144477735")]
    public void Valid_cpfs_are_accepted_with_or_without_punctuation(string input, string digits)
    {
        Assert.True(Cpf.TryParse(input, out var parsed));
        Assert.Equal(digits, parsed);
    }

    [Theory]
    [InlineData("529.982.247-24")] // wrong second check digit
    [InlineData("529.982.247-15")] // wrong first check digit
    [InlineData("111.111.111-11")] // all the same: passes the arithmetic, still invalid
    [InlineData("000.000.000-00")]
    [InlineData("999.999.999-99")]
    [InlineData("5299822472")] // 10 digits
    [InlineData("529982247251")] // 12 digits
    [InlineData("529.982.247-2A")]
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_cpfs_are_refused(string? input) => Assert.False(Cpf.IsValid(input));

    [Fact]
    public void All_same_digit_cpfs_are_refused_for_every_digit()
    {
        for (var d = 0; d <= 9; d++) Assert.False(Cpf.IsValid(new string((char)('0' + d), 11)));
    }

    [Fact]
    public void Formats_and_masks()
    {
        Assert.Equal("529.982.247-25", Cpf.Format("52998224725"));
        Assert.Equal("***.982.247-**", Cpf.Masked("52998224725"));
    }
}

public class CnsTests
{
    [Theory]
    [InlineData("100000000000007")]
    [InlineData("100000010000018")]
    [InlineData("700000000000005")]
    [InlineData("700 0000 0000 0005")]
    public void Valid_cns_numbers_pass(string input) => Assert.True(Cns.IsValid(input));

    [Theory]
    [InlineData("100000000000008")] // sum not divisible by 11
    [InlineData("100000000010007")] // definitive card: positions 12-14 must be 000 or 001
    [InlineData("300000000000003")] // first digit 3 is neither definitive nor provisional
    [InlineData("10000000000000")] // 14 digits
    [InlineData("10000000000000A")]
    [InlineData("")]
    public void Invalid_cns_numbers_fail(string input) => Assert.False(Cns.IsValid(input));

    [Fact]
    public void Provisional_cards_start_with_7_8_or_9()
    {
        Assert.True(Cns.IsProvisional("700000000000005"));
        Assert.False(Cns.IsProvisional("100000000000007"));
    }
}

public class CepTests
{
    [Theory]
    [InlineData("01310-100", "01310100")]
    [InlineData("01310100", "01310100")]
    public void Ceps_have_8_digits(string input, string digits)
    {
        Assert.True(Cep.TryParse(input, out var d));
        Assert.Equal(digits, d);
        Assert.Equal("01310-100", Cep.Format(d));
    }

    [Theory]
    [InlineData("1310-100")]
    [InlineData("01310-1000")]
    [InlineData("0131O-100")]
    [InlineData("")]
    public void Malformed_ceps_are_refused(string input) => Assert.False(Cep.IsValid(input));
}

public class BrazilianPhoneTests
{
    [Theory]
    [InlineData("(11) 98765-4321", "+5511987654321", PhoneKind.Mobile)]
    [InlineData("11987654321", "+5511987654321", PhoneKind.Mobile)]
    [InlineData("+55 11 98765-4321", "+5511987654321", PhoneKind.Mobile)]
    [InlineData("5511987654321", "+5511987654321", PhoneKind.Mobile)]
    [InlineData("011 98765-4321", "+5511987654321", PhoneKind.Mobile)]
    [InlineData("(21) 3333-4444", "+552133334444", PhoneKind.Landline)]
    [InlineData("(61) 2345-6789", "+556123456789", PhoneKind.Landline)]
    [InlineData("(92) 5555-1234", "+559255551234", PhoneKind.Landline)]
    public void Valid_numbers_are_stored_as_e164(string input, string e164, PhoneKind kind)
    {
        Assert.True(BrazilianPhone.TryParse(input, out var parsed, out var k));
        Assert.Equal(e164, parsed);
        Assert.Equal(kind, k);
    }

    [Theory]
    [InlineData("(20) 98765-4321")] // DDD 20 does not exist
    [InlineData("(23) 98765-4321")]
    [InlineData("(11) 88765-4321")] // 9-digit number must start with 9
    [InlineData("(11) 8765-4321")] // 8-digit landline must start with 2-5
    [InlineData("(11) 6765-4321")]
    [InlineData("(11) 9876-5432")] // an old 8-digit mobile: not rewritten by guesswork
    [InlineData("+1 212 555 1234")]
    [InlineData("11 98765-432a")]
    [InlineData("")]
    public void Invalid_numbers_are_refused(string input) => Assert.False(BrazilianPhone.IsValid(input));

    [Fact]
    public void Every_listed_ddd_is_valid_and_gaps_are_not()
    {
        int[] valid = [11, 19, 21, 22, 24, 27, 28, 31, 35, 37, 38, 41, 49, 51, 53, 55, 61, 69, 71, 73, 75, 77, 79, 81, 89, 91, 99];
        int[] invalid = [10, 20, 23, 25, 26, 29, 30, 36, 39, 40, 50, 52, 56, 60, 70, 72, 76, 78, 80, 90];
        Assert.All(valid, d => Assert.True(BrazilianPhone.IsValidDdd(d), d.ToString()));
        Assert.All(invalid, d => Assert.False(BrazilianPhone.IsValidDdd(d), d.ToString()));
    }

    [Fact]
    public void Formats_for_display()
    {
        Assert.Equal("(11) 98765-4321", BrazilianPhone.Format("+5511987654321"));
        Assert.Equal("(21) 3333-4444", BrazilianPhone.Format("+552133334444"));
    }
}
