using NeonPro.Web.Domain.Catalog;

namespace NeonPro.Web.Tests.Domain.Catalog;

public sealed class TreatmentRulesTests
{
    private static readonly Equipment Laser = new() { Name = "Laser Nd:YAG" };
    private static readonly Equipment Stretcher = new() { Name = "Maca" };

    [Fact]
    public void A_room_fits_only_when_it_has_every_required_piece_of_equipment()
    {
        var treatment = new Treatment { Name = "Remoção de tatuagem", RequiredEquipment = [Laser, Stretcher] };

        Assert.True(treatment.FitsIn(new Room { Equipment = [Stretcher, Laser, new Equipment { Name = "Pia" }] }));
        var partly = new Room { Equipment = [Stretcher] };
        Assert.False(treatment.FitsIn(partly));
        Assert.Equal([Laser], treatment.MissingIn(partly));
        Assert.True(new Treatment().FitsIn(new Room()));
    }

    [Fact]
    public void Equipment_fit_lists_each_missing_piece_once()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        Assert.Equal([b], EquipmentFit.Missing([a, b, b], [a]));
        Assert.True(EquipmentFit.Fits([], []));
        Assert.False(EquipmentFit.Fits([a], []));
    }

    [Theory]
    [InlineData(17, false, false, new[] { PatientContraindication.BelowMinimumAge })]
    [InlineData(18, false, false, new PatientContraindication[0])]
    [InlineData(70, false, false, new PatientContraindication[0])]
    [InlineData(71, true, true, new[] { PatientContraindication.AboveMaximumAge, PatientContraindication.Pregnancy, PatientContraindication.Breastfeeding })]
    [InlineData(30, true, false, new[] { PatientContraindication.Pregnancy })]
    public void Age_limits_and_pregnancy_or_breastfeeding_stop_a_treatment_contraindicated_then(
        int age, bool pregnant, bool breastfeeding, PatientContraindication[] expected)
    {
        var treatment = new Treatment
        {
            MinimumAge = 18, MaximumAge = 70, ContraindicatedInPregnancy = true, ContraindicatedInBreastfeeding = true,
        };
        Assert.Equal(expected, treatment.ContraindicationsFor(age, pregnant, breastfeeding));
    }

    [Fact]
    public void Without_limits_or_contraindications_nothing_stops_the_treatment() =>
        Assert.Empty(new Treatment { MinimumAge = null, MaximumAge = null }.ContraindicationsFor(12, pregnant: true, breastfeeding: true));
}
