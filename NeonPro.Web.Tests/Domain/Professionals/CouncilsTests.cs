using NeonPro.Web.Domain.Professionals;

namespace NeonPro.Web.Tests.Domain.Professionals;

public class CouncilsTests
{
    private static IReadOnlyList<CouncilProblem> Check(Profession p, Council c, string? number, string? uf = null, int? region = null, string? category = null) =>
        Councils.Validate(p, new CouncilRegistration(c, number, uf, region, category));

    [Theory]
    [InlineData(Profession.Physician, Council.Crm, "123456", "SP", null, null)]
    [InlineData(Profession.Dentist, Council.Cro, "12345", "RJ", null, null)]
    [InlineData(Profession.Pharmacist, Council.Crf, "12345", "MG", null, null)]
    [InlineData(Profession.Nurse, Council.Coren, "123456", "SP", null, "ENF")]
    [InlineData(Profession.Biomedic, Council.Crbm, "12345", null, 1, null)]
    [InlineData(Profession.Physiotherapist, Council.Crefito, "12345", null, 3, "F")]
    [InlineData(Profession.Aesthetician, Council.None, null, null, null, null)]
    public void Valid_registrations_pass(Profession p, Council c, string? number, string? uf, int? region, string? category) =>
        Assert.Empty(Check(p, c, number, uf, region, category));

    [Fact]
    public void A_crm_with_letters_is_refused_on_the_number()
    {
        var problem = Assert.Single(Check(Profession.Physician, Council.Crm, "12A456", "SP"));
        Assert.Equal(CouncilField.Number, problem.Field);
        Assert.Equal("O número do conselho deve ter apenas dígitos.", problem.Message);
    }

    [Fact]
    public void A_crm_needs_a_valid_uf() =>
        Assert.Equal(CouncilField.State, Assert.Single(Check(Profession.Physician, Council.Crm, "123456", "XX")).Field);

    [Fact]
    public void Crbm_registers_by_region_not_by_uf()
    {
        var problem = Assert.Single(Check(Profession.Biomedic, Council.Crbm, "12345", "SP", null));
        Assert.Equal(CouncilField.Region, problem.Field);
        Assert.Single(Check(Profession.Biomedic, Council.Crbm, "12345", null, 7));
        Assert.Empty(Check(Profession.Biomedic, Council.Crbm, "12345", null, 6));
    }

    [Fact]
    public void Crefito_needs_region_and_category_f_or_to()
    {
        Assert.Contains(Check(Profession.Physiotherapist, Council.Crefito, "12345", null, 3, "X"), p => p.Field == CouncilField.Category);
        Assert.Contains(Check(Profession.Physiotherapist, Council.Crefito, "12345", null, 0, "F"), p => p.Field == CouncilField.Region);
        Assert.Empty(Check(Profession.Physiotherapist, Council.Crefito, "12345", null, 3, "TO"));
    }

    [Theory]
    [InlineData("ENF", true)]
    [InlineData("TE", true)]
    [InlineData("AE", true)]
    [InlineData("OBST", true)]
    [InlineData("PAR", true)]
    [InlineData("enf", true)]
    [InlineData("MED", false)]
    [InlineData(null, false)]
    public void Coren_requires_a_category_suffix(string? category, bool valid)
    {
        var problems = Check(Profession.Nurse, Council.Coren, "123456", "SP", null, category);
        Assert.Equal(valid, problems.Count == 0);
        if (!valid) Assert.Equal(CouncilField.Category, Assert.Single(problems).Field);
    }

    [Fact]
    public void A_profession_must_use_its_own_council()
    {
        Assert.Equal(CouncilField.Council, Assert.Single(Check(Profession.Nurse, Council.Crm, "123456", "SP")).Field);
        Assert.Equal(CouncilField.Council, Assert.Single(Check(Profession.Aesthetician, Council.Crm, "123456", "SP")).Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0000")]
    [InlineData("12345678")]
    public void Empty_zero_or_too_long_numbers_are_refused(string number) =>
        Assert.Equal(CouncilField.Number, Assert.Single(Check(Profession.Physician, Council.Crm, number, "SP")).Field);

    [Fact]
    public void Registrations_display_as_each_council_writes_them()
    {
        Assert.Equal("CRM/SP 123456", new CouncilRegistration(Council.Crm, "123456", "SP", null, null).Display);
        Assert.Equal("CRO-SP 12345", new CouncilRegistration(Council.Cro, "12345", "SP", null, null).Display);
        Assert.Equal("CRBM-1 12345", new CouncilRegistration(Council.Crbm, "12345", null, 1, null).Display);
        Assert.Equal("COREN-SP-123456-ENF", new CouncilRegistration(Council.Coren, "123456", "SP", null, "ENF").Display);
        Assert.Equal("CREFITO-3/12345-F", new CouncilRegistration(Council.Crefito, "12345", null, 3, "F").Display);
    }
}
