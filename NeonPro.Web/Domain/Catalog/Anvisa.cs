using System.ComponentModel.DataAnnotations;

namespace NeonPro.Web.Domain.Catalog;

/// <summary>What kind of product a treatment uses, which decides the ANVISA registration format.</summary>
public enum ProductType
{
    [Display(Name = "Sem produto registrado na ANVISA")]
    None,
    /// <summary>Medicines (botulinum toxin is one): 13 digits starting with 1.</summary>
    [Display(Name = "Medicamento (ex.: toxina botulínica)")]
    Medicine,
    /// <summary>Health products and medical devices (HA, CaHA, PLLA, PMMA fillers): 11 digits starting with 8.</summary>
    [Display(Name = "Produto para saúde (ex.: preenchedores)")]
    Device,
}

/// <summary>
/// ANVISA registration numbers have no public check digit (DOMAIN.md): validate length and prefix by product
/// type only. Stored as digits (leading zeros and all), accepted with dots and dashes.
/// </summary>
public static class AnvisaRegistration
{
    public static string Normalize(string? input) => new((input ?? "").Where(char.IsAsciiDigit).ToArray());

    /// <summary>Null when valid for the product type; otherwise a pt-BR message (a localization key).</summary>
    public static string? Problem(ProductType type, string? input)
    {
        var raw = input?.Trim() ?? "";
        if (type == ProductType.None)
            return raw.Length == 0 ? null : "Informe o tipo de produto para registrar o número da ANVISA.";
        if (raw.Length == 0) return "Informe o registro na ANVISA do produto.";
        if (raw.Any(c => !char.IsAsciiDigit(c) && c is not '.' and not '-' and not ' ' and not '/'))
            return "O registro na ANVISA deve ter apenas dígitos.";
        var digits = Normalize(raw);
        return type switch
        {
            ProductType.Medicine when digits.Length != 13 || digits[0] != '1' =>
                "Registro de medicamento na ANVISA: 13 dígitos começando com 1 (ex.: 1.2345.6789.012-3).",
            ProductType.Device when digits.Length != 11 || digits[0] != '8' =>
                "Registro de produto para saúde na ANVISA: 11 dígitos começando com 8.",
            _ => null,
        };
    }

    /// <summary>1.XXXX.XXXX.XXX-X for medicines; digits as they are for devices.</summary>
    public static string Format(ProductType type, string digits) =>
        type == ProductType.Medicine && digits.Length == 13
            ? $"{digits[0]}.{digits[1..5]}.{digits[5..9]}.{digits[9..12]}-{digits[12]}"
            : digits;
}

public enum TreatmentCategory
{
    [Display(Name = "Facial")] Facial,
    [Display(Name = "Corporal")] Body,
    [Display(Name = "Injetável")] Injectable,
    [Display(Name = "Laser")] Laser,
    [Display(Name = "Peeling")] Peeling,
    [Display(Name = "Preenchimento")] Filler,
    [Display(Name = "Outro")] Other,
}
