using System.Text.Json;

namespace NeonPro.Web.Infrastructure.Htmx;

/// <summary>
/// The few htmx headers NeonPro uses (the Htmx NuGet packages do not restore here, and these are small
/// enough to own). See https://htmx.org/reference/#headers.
/// </summary>
public static class HtmxExtensions
{
    /// <summary>True when htmx sent the request (it sets HX-Request: true); history restores are full pages.</summary>
    public static bool IsHtmx(this HttpRequest request) =>
        request.Headers["HX-Request"] == "true" && request.Headers["HX-History-Restore-Request"] != "true";

    /// <summary>
    /// Raises a client-side event after the swap, e.g. "appointment-changed". Several calls in one response add up
    /// (the header is rewritten as one JSON object of every event), so a handler can refresh a grid and show a toast.
    /// </summary>
    public static HttpResponse HxTrigger(this HttpResponse response, string eventName, object? detail = null)
    {
        var items = response.HttpContext.Items;
        if (items[TriggersKey] is not Dictionary<string, object?> events) items[TriggersKey] = events = [];
        events[eventName] = detail;
        response.Headers["HX-Trigger"] = events.Values.All(v => v is null)
            ? string.Join(", ", events.Keys)
            : JsonSerializer.Serialize(events);
        return response;
    }

    private const string TriggersKey = "NeonPro.HxTrigger";

    /// <summary>Asks htmx to show a toast (handled in app.js) after the swap.</summary>
    public static HttpResponse HxToast(this HttpResponse response, string message, string kind = "success") =>
        response.HxTrigger("toast", new { message, kind });

    /// <summary>A full-page navigation from an htmx request (a plain 302 would be swapped into the fragment).</summary>
    public static HttpResponse HxRedirect(this HttpResponse response, string url)
    {
        response.Headers["HX-Redirect"] = url;
        return response;
    }

    /// <summary>Swap the answer into another element than the one that asked, e.g. a form's error area.</summary>
    public static HttpResponse HxRetarget(this HttpResponse response, string cssSelector)
    {
        response.Headers["HX-Retarget"] = cssSelector;
        return response;
    }

    public static HttpResponse HxPushUrl(this HttpResponse response, string url)
    {
        response.Headers["HX-Push-Url"] = url;
        return response;
    }
}
