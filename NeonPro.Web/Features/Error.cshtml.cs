using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NeonPro.Web.Features;

/// <summary>
/// The app's error page, reached by re-executing the failed request (same method, same body) after an exception or
/// an error status. It must not read the request's form: a request refused for its antiforgery token is marked so,
/// and any later read of that form throws, which would turn the clean 400 into a 500. So its handlers bind nothing
/// (a handler parameter alone makes MVC build a form value provider) and take the status from the re-execute
/// feature; an exception, which the exception handler re-executes without it, is a 500.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErrorModel : PageModel
{
    public int Code { get; private set; } = 500;
    public string RequestId { get; private set; } = "";

    public void OnGet() => Set();
    public void OnPost() => Set();

    private void Set()
    {
        Code = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode ?? StatusCodes.Status500InternalServerError;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
    }
}
