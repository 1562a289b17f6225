using System.Net;
using NeonPro.Web.Infrastructure.Auth;
using static NeonPro.Web.Tests.Features.Catalog.CatalogForms;

namespace NeonPro.Web.Tests.Infrastructure;

/// <summary>
/// One URL answers htmx with a fragment and a browser with the whole page, so every such answer must say
/// Vary: HX-Request, or a shared cache could hand the fragment to a full-page visit.
/// </summary>
public sealed class HtmxVaryTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_form_that_fails_validation_answers_422_and_varies_by_HX_Request(bool htmx)
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var form = Treatment("");

        var response = await client.PostFormAsync(NewTreatmentUrl, Fields(form, null, null), htmx);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("HX-Request", response.Headers.Vary);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(!htmx, html.Contains("<html", StringComparison.Ordinal));
    }
}
