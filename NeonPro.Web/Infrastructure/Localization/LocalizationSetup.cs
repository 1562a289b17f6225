using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace NeonPro.Web.Infrastructure.Localization;

public static class LocalizationSetup
{
    public const string DefaultCulture = "pt-BR";
    public static readonly string[] SupportedCultures = [DefaultCulture, "en"];

    public static IServiceCollection AddNeonProLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Portuguese is written as text rather than as &#xE3; entities: pages are smaller (the week grid is full of
        // names) and readable in the source. The encoder still escapes what HTML needs (<, >, &, quotes), so nothing
        // a patient or staff member typed can become markup.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = SupportedCultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(DefaultCulture);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // The clinic's language unless the user chose another (cookie written at sign-in and by the picker).
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>Data-annotation messages and model-binding messages come from the shared resources (pt-BR by default).</summary>
    public static IMvcBuilder AddNeonProViewLocalization(this IMvcBuilder mvc)
    {
        mvc.AddDataAnnotationsLocalization(o =>
            o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        mvc.Services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>()
            .Configure<IStringLocalizerFactory>((options, factory) =>
            {
                var L = factory.Create(typeof(SharedResource));
                var m = options.ModelBindingMessageProvider;
                m.SetValueIsInvalidAccessor(v => L["O valor '{0}' não é válido.", v]);
                m.SetValueMustBeANumberAccessor(f => L["O campo {0} deve ser um número.", f]);
                m.SetMissingBindRequiredValueAccessor(f => L["Informe um valor para {0}.", f]);
                m.SetAttemptedValueIsInvalidAccessor((v, f) => L["O valor '{0}' não é válido para {1}.", v, f]);
                m.SetMissingKeyOrValueAccessor(() => L["Informe um valor."]);
                m.SetUnknownValueIsInvalidAccessor(f => L["O valor informado não é válido para {0}.", f]);
                m.SetValueMustNotBeNullAccessor(f => L["Informe {0}.", f]);
                m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => L["O valor '{0}' não é válido.", v]);
                m.SetNonPropertyUnknownValueIsInvalidAccessor(() => L["O valor informado não é válido."]);
                m.SetNonPropertyValueMustBeANumberAccessor(() => L["O campo deve ser um número."]);
                m.SetMissingRequestBodyRequiredValueAccessor(() => L["O corpo da requisição está vazio."]);
                // After the data-annotations provider, whose attributes and inferred requirement they read.
                options.ModelMetadataDetailsProviders.Add(new BindingMessagesByType(L));
                options.ModelMetadataDetailsProviders.Add(new DefaultValidationMessages());
            });
        return mvc;
    }

    /// <summary>Writes the culture cookie the request-localization middleware reads.</summary>
    public static void SetCultureCookie(this HttpResponse response, string culture)
    {
        if (!SupportedCultures.Contains(culture)) culture = DefaultCulture;
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
    }
}

/// <summary>
/// A value that fails to bind is named for what it is ("Data inválida.") rather than echoed back in a generic sentence:
/// each property's metadata carries its own copy of the messages, so dates, times and lists get their own wording.
/// </summary>
internal sealed class BindingMessagesByType(IStringLocalizer L) : IBindingMetadataProvider
{
    public void CreateBindingMetadata(BindingMetadataProviderContext context)
    {
        if (context.BindingMetadata.ModelBindingMessageProvider is not { } m) return;
        var type = Nullable.GetUnderlyingType(context.Key.ModelType) ?? context.Key.ModelType;
        string? text =
            type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) ? "Data inválida."
            : type == typeof(TimeOnly) || type == typeof(TimeSpan) ? "Horário inválido."
            : type.IsEnum ? "Escolha uma das opções da lista."
            : null;
        if (text is null) return;
        // The texts are the keys of the shared resource: "Data inválida.", "Horário inválido.", "Escolha uma das opções da lista."
        m.SetAttemptedValueIsInvalidAccessor((_, _) => L[text]);
        m.SetValueIsInvalidAccessor(_ => L[text]);
        m.SetUnknownValueIsInvalidAccessor(_ => L[text]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => L[text]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => L[text]);
    }
}

/// <summary>
/// Gives every validation attribute that has no message of its own a pt-BR one, which the data-annotations localizer
/// then translates like any other. Without it, the [Required] MVC infers for value types (a select of an enum, a
/// checkbox) and any attribute written without ErrorMessage use the framework's English text, on the server and in
/// the data-val-* attributes the browser reads.
/// </summary>
internal sealed class DefaultValidationMessages : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        // MVC's client-side validators add a bare [Required] of their own to a property that is required without
        // saying so (a value type, a non-nullable string); written out here, it gets its message like the others.
        var validation = context.ValidationMetadata;
        var type = context.Key.ModelType;
        var required = validation.IsRequired ?? (type.IsValueType && Nullable.GetUnderlyingType(type) is null);
        if (context.Key.MetadataKind == ModelMetadataKind.Property && required && !validation.ValidatorMetadata.OfType<RequiredAttribute>().Any())
            validation.ValidatorMetadata.Add(new RequiredAttribute());

        foreach (var attribute in validation.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            if (!string.IsNullOrEmpty(attribute.ErrorMessage) || attribute.ErrorMessageResourceName is not null) continue;
            attribute.ErrorMessage = attribute switch
            {
                RequiredAttribute => "Informe {0}.",
                StringLengthAttribute { MinimumLength: > 0 } => "{0} deve ter entre {2} e {1} caracteres.",
                StringLengthAttribute or MaxLengthAttribute => "Use no máximo {1} caracteres.",
                MinLengthAttribute => "{0} deve ter pelo menos {1} caracteres.",
                RangeAttribute => "{0} deve ficar entre {1} e {2}.",
                EmailAddressAttribute => "Informe um e-mail válido.",
                PhoneAttribute => "Informe um telefone válido.",
                UrlAttribute => "Informe um endereço válido.",
                CompareAttribute => "{0} e {1} não conferem.",
                _ => "O valor de {0} não é válido.",
            };
        }
    }
}
