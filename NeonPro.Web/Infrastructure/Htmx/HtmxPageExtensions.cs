using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NeonPro.Web.Infrastructure.Htmx;

/// <summary>Page-model helpers for the "full page or just the fragment" answer every htmx page gives.</summary>
public static class HtmxPageExtensions
{
    /// <summary>The fragment for an htmx request, the whole page otherwise (with Vary: HX-Request, see WantsFragment).</summary>
    public static IActionResult PageOrPartial(this PageModel page, string partialName, object? model = null) =>
        page.Request.WantsFragment() ? page.Partial(partialName, model ?? page) : page.Page();

    /// <summary>A form that failed validation: its partial again, with messages, and status 422. Nothing was written.</summary>
    public static IActionResult InvalidForm(this PageModel page, string partialName, object? model = null)
    {
        page.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return page.PageOrPartial(partialName, model);
    }
}
