using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Mvc.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Compliance;

/// <summary>
/// A page of wide rows (the jobs' and verbs' appointment inserts, ~20 fields each) renders in as many Razor views as a
/// page of narrow ones: a view per value or field made the "sistema" filter's rendering cost more than its queries.
/// Counted from MVC's own diagnostics (an event per view executed), for this class's requests only. Own database.
/// </summary>
public sealed class AuditRenderTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    /// <summary>Names of the Razor views executed for requests whose query string holds <paramref name="marker"/>.</summary>
    private sealed class ViewsExecuted(string marker) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> _subscriptions = [];
        public ConcurrentBag<string> Paths { get; } = [];

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.AspNetCore") lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Value is BeforeViewPageEventData page && page.HttpContext.Request.QueryString.Value?.Contains(marker, StringComparison.Ordinal) == true)
                Paths.Add(page.Page.Path);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }

        public void Dispose()
        {
            lock (_subscriptions) foreach (var s in _subscriptions) s.Dispose();
        }
    }

    [Fact]
    public async Task A_page_of_rows_with_twenty_fields_each_renders_in_a_fixed_number_of_views()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var entity = "Largo" + Guid.NewGuid().ToString("N")[..8];
        await app.WithScopeAsync(async sp =>
        {
            var audit = sp.GetRequiredService<NeonPro.Web.Data.AuditLog>();
            for (var i = 0; i < 60; i++)
                audit.Add(NeonPro.Web.Domain.Audit.AuditAction.Export, entity, $"linha-{i}",
                    Enumerable.Range(1, 20).ToDictionary(f => $"Campo{f}", f => $"valor {f} da linha {i}"));
            await sp.GetRequiredService<NeonPro.Web.Data.NeonProDbContext>().SaveChangesAsync();
        });

        using var views = new ViewsExecuted(entity);
        using var subscription = DiagnosticListener.AllListeners.Subscribe(views);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/Compliance/Audit?handler=Entries&entity={entity}");
        request.Headers.Add("HX-Request", "true");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        // Fifty rows of twenty fields each, every value shown.
        var rows = AuditTests.Rows(FormPosting.Parse(html));
        Assert.Equal(50, rows.Count);
        Assert.All(rows, r => Assert.Equal(20, r.Element.QuerySelectorAll("[data-field='changes'] li").Length));
        Assert.Contains("Campo20: valor 20 da linha 59", rows[0].Cell("changes"));

        // The table is one view, whatever the rows hold (it was 1 + 50 + 1,000 + 1,000).
        Assert.Equal(["/Features/Compliance/Audit/_Entries.cshtml"], views.Paths.Distinct().Order());
        Assert.Single(views.Paths);
    }
}
