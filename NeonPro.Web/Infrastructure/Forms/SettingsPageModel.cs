using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NeonPro.Web.Data;
using NeonPro.Web.Domain;
using NeonPro.Web.Infrastructure.Htmx;

namespace NeonPro.Web.Infrastructure.Forms;

/// <summary>
/// A page that edits one settings row (the clinic's identity, the agenda's layout) through a versioned form: what
/// such pages do alike — save against the loaded version (a stale one is answered by StaleEditFilter), then a flash
/// and post/redirect/get for a browser, or the form again with its confirmation for htmx.
/// </summary>
public abstract class SettingsPageModel<TRow> : PageModel, IEditForm where TRow : class, IVersioned, new()
{
    /// <summary>"Saved" after the last save: shown once, after the redirect or in the swapped form.</summary>
    public string? Confirmation { get; private set; }

    public abstract string FormPartial { get; }

    private string FlashKey => GetType().FullName + ".Saved";

    /// <summary>For the GET handler: the confirmation the save before the redirect left.</summary>
    protected void TakeConfirmation() => Confirmation = TempData[FlashKey] as string;

    protected async Task<IActionResult> SaveAsync(NeonProDbContext db, Expression<Func<TRow, bool>> isTheRow, Guid loadedVersion,
        Action<TRow> apply, Action<TRow> saved, string savedMessage, CancellationToken ct)
    {
        var row = await db.SaveVersionedAsync(isTheRow, loadedVersion, apply, ct);
        saved(row); // whatever must follow the save (a cache to drop, the form's input from the saved row), either way
        if (!Request.WantsFragment())
        {
            TempData[FlashKey] = savedMessage;
            return RedirectToPage();
        }
        ModelState.Clear();
        Confirmation = savedMessage;
        return Partial(FormPartial, this);
    }
}
