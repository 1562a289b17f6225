using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Features.Admin;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Platform;

/// <summary>
/// Every form the app accepts, posted without its antiforgery token by a signed-in person who holds every role (so
/// that nothing but the token can refuse it): 400 with the app's error page, and not one row written.
/// </summary>
public sealed class AntiforgeryTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    [Fact]
    public async Task Every_form_endpoint_refuses_a_post_without_a_token_with_400_and_writes_nothing()
    {
        var targets = await FormTargetsAsync();
        // The areas' pages and handlers, and the language picker: if discovery found only a handful, it is broken.
        Assert.True(targets.Count > 40, $"only {targets.Count} form targets found");
        Assert.Contains("/account/culture", targets);
        Assert.Contains("/Scheduling?handler=Book", targets);

        var client = await EveryRoleClientAsync();
        var rowsBefore = CountRows();
        var wrong = new List<string>();
        foreach (var url in targets)
        {
            foreach (var htmx in new[] { false, true })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = new FormUrlEncodedContent([new("culture", "en"), new("Input.Email", "x@y.z"), new("reason", "x")]),
                };
                if (htmx) request.Headers.Add("HX-Request", "true");
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.BadRequest)
                    wrong.Add($"{(htmx ? "htmx " : "")}POST {url}: {(int)response.StatusCode}");
                else if (!htmx && !body.Contains("A página expirou"))
                    wrong.Add($"POST {url}: 400 without the app's error page");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Equal(rowsBefore, CountRows());
    }

    /// <summary>Each Razor Page's POST handlers (named or not) and each minimal-API endpoint that reads a form.</summary>
    private async Task<List<string>> FormTargetsAsync()
    {
        var sources = app.Services.GetRequiredService<EndpointDataSource>();
        var loader = app.Services.GetRequiredService<PageLoader>();
        var targets = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var path = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(s =>
                string.Concat(s.Parts.Select(p => p switch
                {
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { IsOptional: true } => "",
                    _ => Guid.NewGuid().ToString(),
                })))).TrimEnd('/');
            if (AccountEndpoints.IsDisabledIdentityPage(path)) continue; // answered 404 before anything reads them

            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // Only the error page may take a post without a token: it is where refused posts are re-executed.
                if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryTokenAttribute>() is not null)
                {
                    Assert.Equal("/Error", path);
                    continue;
                }
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)))
                    targets.Add(handler.Name is null ? (path == "" ? "/" : path) : $"{path}?handler={handler.Name}");
            }
            else if (endpoint.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true }
                     && endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            {
                targets.Add(path);
            }
        }
        return targets.ToList();
    }

    private async Task<HttpClient> EveryRoleClientAsync()
    {
        var email = $"todos-{Guid.NewGuid():N}@test.neonpro.local";
        await app.WithScopeAsync(async sp =>
        {
            var outcome = await sp.GetRequiredService<StaffAccounts>().CreateAsync(email, "Teste Todos os Papéis", NeonProFactory.TestPassword,
                [Roles.Admin, Roles.Manager, Roles.Professional, Roles.Receptionist]);
            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        });
        var client = app.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, NeonProFactory.TestPassword)).StatusCode);
        return client;
    }

    /// <summary>Rows in every table of the database, read straight from the file.</summary>
    private long CountRows()
    {
        using var db = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly;Pooling=False");
        db.Open();
        var tables = new List<string>();
        using (var list = db.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        long total = 0;
        foreach (var table in tables)
        {
            using var count = db.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            total += (long)count.ExecuteScalar()!;
        }
        return total;
    }
}
