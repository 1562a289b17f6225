using NeonPro.Web.Domain.Catalog;

namespace NeonPro.Web.Features.Catalog;

/// <summary>The pt-BR names (localization keys) the catalog screens show for its enums.</summary>
public static class CatalogNames
{
    public static string Category(TreatmentCategory category) => category switch
    {
        TreatmentCategory.Facial => "Facial",
        TreatmentCategory.Body => "Corporal",
        TreatmentCategory.Injectable => "Injetável",
        TreatmentCategory.Laser => "Laser",
        TreatmentCategory.Peeling => "Peeling",
        TreatmentCategory.Filler => "Preenchimento",
        _ => "Outro",
    };

    public static string ProductType(ProductType type) => type switch
    {
        Domain.Catalog.ProductType.Medicine => "Medicamento (ex.: toxina botulínica)",
        Domain.Catalog.ProductType.Device => "Produto para saúde (ex.: preenchedores)",
        _ => "Sem produto registrado na ANVISA",
    };
}
