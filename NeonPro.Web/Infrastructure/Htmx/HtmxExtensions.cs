using System.Text.Json;
using Htmx;

namespace NeonPro.Web.Infrastructure.Htmx;

/// <summary>
/// What the Htmx package (HX-* request and response headers) lacks for NeonPro: one gate for "answer with the
/// fragment" that also tells caches the answer varies by HX-Request, and triggers that add up across calls.
/// </summary>
public static class HtmxExtensions
{
    /// <summary>
    /// True when htmx asked and wants a fragment (history restores want the whole page). Asking decides the
    /// answer, so the response gets Vary: HX-Request here: a shared cache then never hands the fragment to a
    /// full-page visit, whatever the handler goes on to return.
    /// </summary>
    public static bool WantsFragment(this HttpRequest request)
    {
        var vary = request.HttpContext.Response.Headers.Vary;
        if (!vary.Any(v => v is not null && v.Contains(HtmxRequestHeaders.Keys.Request, StringComparison.OrdinalIgnoreCase)))
            request.HttpContext.Response.Headers.Append("Vary", HtmxRequestHeaders.Keys.Request);
        return request.IsHtmx() && !request.IsHtmxHistoryRestoreRequest();
    }

    /// <summary>
    /// Raises a client-side event after the swap, e.g. "appointment-changed". Several calls in one response add up
    /// (the header is rewritten as one JSON object of every event), so a handler can refresh a grid and show a toast.
    /// </summary>
    public static HttpResponse HxTrigger(this HttpResponse response, string eventName, object? detail = null)
    {
        var items = response.HttpContext.Items;
        if (items[TriggersKey] is not Dictionary<string, object?> events) items[TriggersKey] = events = [];
        events[eventName] = detail;
        response.Headers[HtmxResponseHeaders.Keys.Trigger] = events.Values.All(v => v is null)
            ? string.Join(", ", events.Keys)
            : JsonSerializer.Serialize(events);
        return response;
    }

    private const string TriggersKey = "NeonPro.HxTrigger";

    /// <summary>Asks htmx to show a toast (handled in app.js) after the swap.</summary>
    public static HttpResponse HxToast(this HttpResponse response, string message, string kind = "success") =>
        response.HxTrigger("toast", new { message, kind });
}
