using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Domain;

namespace NeonPro.Web.Features.Catalog;

/// <summary>Binds a decimal amount in reais with <see cref="Brl"/>: [ModelBinder(typeof(BrlAmountModelBinder))].</summary>
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
        else if (Brl.TryParse(text, out var amount)) context.Result = ModelBindingResult.Success(amount);
        else context.ModelState.TryAddModelError(context.ModelName, T["Informe um valor em reais, por exemplo 1.234,56."]);
        return Task.CompletedTask;
    }
}
