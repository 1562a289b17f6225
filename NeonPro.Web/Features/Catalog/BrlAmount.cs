using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace NeonPro.Web.Features.Catalog;

/// <summary>
/// Amounts in reais as people type them: "1.234,56", "1234,56", "R$ 80" or "80.50". Money is BRL whatever
/// the screen language, so the input is read the Brazilian way regardless of the request culture (an
/// English session must not turn "1.234,56" into an error or "1.234" into one real and change).
/// </summary>
public static partial class BrlAmount
{
    private static readonly CultureInfo Brazil = CultureInfo.GetCultureInfo("pt-BR");

    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        var s = (text ?? "").Replace("R$", "").Replace("\u00A0", "").Replace(" ", "").Trim();
        // "80.50": a lone dot with one or two digits after it is a decimal point typed the English way;
        // a Brazilian thousands separator is always followed by three digits.
        if (EnglishDecimal().IsMatch(s)) s = s.Replace('.', ',');
        if (!Brazilian().IsMatch(s)) return false;
        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, Brazil, out amount);
    }

    /// <summary>As the edit field shows it: 1.234,56 (no currency symbol).</summary>
    public static string Format(decimal amount) => amount.ToString("#,##0.00", Brazil);

    [GeneratedRegex(@"^-?\d+\.\d{1,2}$")]
    private static partial Regex EnglishDecimal();

    // Thousands grouped by three with dots, or no grouping at all; at most two decimals (decimal(10,2)).
    [GeneratedRegex(@"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d{1,2})?$")]
    private static partial Regex Brazilian();
}

/// <summary>Binds a decimal amount in reais with <see cref="BrlAmount"/>: [ModelBinder(typeof(BrlAmountModelBinder))].</summary>
public sealed class BrlAmountModelBinder(IStringLocalizer<SharedResource> T) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        var value = context.ValueProvider.GetValue(context.ModelName);
        if (value == ValueProviderResult.None) return Task.CompletedTask;
        context.ModelState.SetModelValue(context.ModelName, value);

        var text = value.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (context.ModelMetadata.IsReferenceOrNullableType) context.Result = ModelBindingResult.Success(null);
            else context.ModelState.TryAddModelError(context.ModelName, T["Informe um valor em reais, por exemplo 1.234,56."]);
        }
        else if (BrlAmount.TryParse(text, out var amount)) context.Result = ModelBindingResult.Success(amount);
        else context.ModelState.TryAddModelError(context.ModelName, T["Informe um valor em reais, por exemplo 1.234,56."]);
        return Task.CompletedTask;
    }
}
