using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
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
