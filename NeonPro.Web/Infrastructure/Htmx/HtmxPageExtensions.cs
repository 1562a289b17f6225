using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NeonPro.Web.Infrastructure.Htmx;

/// <summary>Page-model helpers for the "full page or just the fragment" answer every htmx page gives.</summary>
public static class HtmxPageExtensions
{
    /// <summary>
    /// The fragment for an htmx request, the whole page otherwise. One URL serves both, so caches must
    /// keep them apart (Vary: HX-Request).
    /// </summary>
    public static IActionResult PageOrPartial(this PageModel page, string partialName, object? model = null)
    {
        page.Response.Headers.Append("Vary", "HX-Request");
        return page.Request.IsHtmx() ? page.Partial(partialName, model ?? page) : page.Page();
    }

    /// <summary>A form that failed validation: its partial again, with messages, and status 422. Nothing was written.</summary>
    public static IActionResult InvalidForm(this PageModel page, string partialName, object? model = null)
    {
        page.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        if (page.Request.IsHtmx()) return page.Partial(partialName, model ?? page);
        var result = page.Page();
        return result;
    }
}
