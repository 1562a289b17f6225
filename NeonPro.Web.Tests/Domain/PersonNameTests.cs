using System.ComponentModel.DataAnnotations;
using NeonPro.Web.Domain;

namespace NeonPro.Web.Tests.Domain;

public sealed class PersonNameTests
{
    [Theory]
    [InlineData('\u202A')] [InlineData('\u202B')] [InlineData('\u202C')] [InlineData('\u202D')] [InlineData('\u202E')]
    [InlineData('\u2066')] [InlineData('\u2067')] [InlineData('\u2068')] [InlineData('\u2069')]
    [InlineData('\u200E')] [InlineData('\u200F')] [InlineData('\u061C')]
    public void A_name_holding_a_bidirectional_control_is_refused(char control)
    {
        var name = $"Ana {control}azuoS";

        Assert.True(PersonName.HasDirectionalControls(name));
        Assert.False(new PersonNameAttribute().IsValid(name));
    }

    [Theory]
    [InlineData("Ana Souza")]
    [InlineData("João da Conceição Ñúñez")]
    [InlineData("محمد علي")] // right-to-left letters are a name, not a control
    [InlineData("Maria\u00A0José")]
    [InlineData("")]
    [InlineData(null)]
    public void Ordinary_names_in_any_script_pass(string? name)
    {
        Assert.False(PersonName.HasDirectionalControls(name));
        Assert.True(new PersonNameAttribute().IsValid(name));
    }

    [Fact]
    public void The_refusal_comes_with_a_portuguese_message()
    {
        var result = new PersonNameAttribute().GetValidationResult("Ana \u202Eazuos", new ValidationContext(new object()) { DisplayName = "Nome completo" });

        Assert.Equal("O nome contém caracteres invisíveis que mudam a direção do texto; digite-o de novo.", result?.ErrorMessage);
    }
}
