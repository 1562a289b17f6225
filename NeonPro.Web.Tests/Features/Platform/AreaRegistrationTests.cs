using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Platform;

/// <summary>
/// Each area registers its own pages' authorization: a page under /Features that names no policy would be open to every
/// signed-in account (the fallback policy only asks for a sign-in), so an area that forgets its convention fails here.
/// </summary>
public sealed class AreaRegistrationTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    /// <summary>The pages meant for anyone (Error) or for every signed-in account (the home page): none other.</summary>
    private static readonly Dictionary<string, string> NoAreaPolicy = new()
    {
        ["/Error"] = "public: shown to anyone, also before sign-in",
        ["/Index"] = "the home page of every signed-in account",
    };

    private IReadOnlyList<(PageActionDescriptor Page, Endpoint Endpoint)> FeaturePages() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => (Page: e.Metadata.GetMetadata<PageActionDescriptor>(), Endpoint: e))
            .Where(p => p.Page is { AreaName: null })
            .Select(p => (p.Page!, p.Endpoint))
            .ToList();

    [Fact]
    public void Every_page_of_an_area_names_who_may_open_it()
    {
        var pages = FeaturePages();
        Assert.Contains(pages, p => p.Page.ViewEnginePath == "/Scheduling/Index");

        var unguarded = pages
            .Where(p => !NoAreaPolicy.ContainsKey(p.Page.ViewEnginePath))
            .Where(p => !p.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null))
            .Select(p => p.Page.ViewEnginePath)
            .Distinct()
            .ToList();
        Assert.True(unguarded.Count == 0, "pages without their area's policy: " + string.Join(", ", unguarded));

        var anonymous = pages.Where(p => p.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(p => p.Page.ViewEnginePath).Distinct().ToList();
        Assert.Equal(["/Error"], anonymous);
    }

    [Fact]
    public void Every_api_endpoint_of_an_area_names_who_may_call_it()
    {
        var apis = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .ToList();
        Assert.NotEmpty(apis);
        Assert.All(apis, e => Assert.True(
            e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null)
                && e.Metadata.GetMetadata<IAllowAnonymous>() is null,
            $"{e.RoutePattern.RawText} names no policy"));
    }

    [Fact]
    public async Task Every_area_page_sends_an_anonymous_visitor_to_sign_in()
    {
        var client = app.CreateBrowserClient();
        var urls = FeaturePages()
            .Select(p => p.Page.AttributeRouteInfo?.Template)
            .OfType<string>()
            .Where(t => !t.Contains('{') && t != "Error")
            .Select(t => "/" + t)
            .Distinct()
            .ToList();
        Assert.Contains("/Scheduling", urls);

        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect
                && (response.Headers.Location?.OriginalString ?? "").Contains("/Identity/Account/Login", StringComparison.Ordinal),
                $"{url} answered {(int)response.StatusCode} to an anonymous visitor");
        }
    }
}
