using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Infrastructure.Htmx;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Infrastructure.Forms;

/// <summary>
/// A page whose form saves a versioned record. Its handlers just save: when the version the form was loaded with is
/// no longer the record's, <see cref="StaleEditFilter"/> answers for every such page alike.
/// </summary>
public interface IEditForm
{
    /// <summary>The partial that renders the form (htmx swaps it; the full page includes it).</summary>
    string FormPartial { get; }

    /// <summary>What the partial renders: the page itself, or the one row of a list that was posted.</summary>
    object FormModel => this;

    /// <summary>Loads what the form shows besides what was typed (choices, names), before it is rendered again.</summary>
    Task PrepareFormAsync(CancellationToken ct) => Task.CompletedTask;
}

/// <summary>
/// One answer to a stale edit, whatever the record: HTTP 409 and the form again with what the person typed and
/// "Alterado por {quem} às {HH:mm}; recarregue." in its summary (ModelState, the form's only error store). Who and
/// when come from the record's own UpdatedByName/UpdatedAtUtc columns where it has them, else from its last audit row,
/// in the clinic's time zone. Nothing was written: SaveChanges rolled its one transaction back.
/// </summary>
public sealed class StaleEditFilter(NeonProDbContext db, StaleEditNotice notice) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        IReadOnlyList<EntityEntry>? refused = executed.Exception switch
        {
            DbUpdateConcurrencyException lostRace => lostRace.Entries,
            StaleVersionException stale => stale.Entry is { } entry ? [entry] : [],
            _ => null,
        };
        if (refused is null || executed.ExceptionHandled) return;
        // A page without a form to show again lets the error through: there is nothing sensible to answer with.
        if (context.HandlerInstance is not (PageModel page and IEditForm form)) return;

        var ct = context.HttpContext.RequestAborted;
        var message = await notice.DescribeAsync(refused, ct);
        db.ChangeTracker.Clear();
        page.ModelState.AddModelError("", message);
        await form.PrepareFormAsync(ct);
        page.Response.StatusCode = StatusCodes.Status409Conflict;
        executed.Result = page.PageOrPartial(form.FormPartial, form.FormModel);
        executed.ExceptionHandled = true;
    }
}

/// <summary>
/// The one sentence that tells a person their edit lost to someone else's: "Alterado por {quem} às {HH:mm}; recarregue.".
/// Pages get it through <see cref="StaleEditFilter"/>; services that answer with a domain result (the agenda's status
/// changes and moves) use the same keys, so the text exists once.
/// </summary>
public sealed class StaleEditNotice(NeonProDbContext db, ClinicClock clock, IStringLocalizer<SharedResource> T)
{
    /// <summary>Localization key: {0} who saved in between, {1} when (HH:mm, clinic time).</summary>
    public const string ChangedBy = "Alterado por {0} às {1}; recarregue.";
    /// <summary>Localization key for when nothing says who it was.</summary>
    public const string ChangedBySomeoneElse = "Alterado por outra pessoa; recarregue.";

    /// <summary>The time part of <see cref="ChangedBy"/>, in the clinic's time zone.</summary>
    public static string At(ClinicClock clock, DateTime atUtc) => clock.ToClinicTime(atUtc).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The sentence for the first refused record, naming who changed it last where the record or the audit says.</summary>
    public async Task<string> DescribeAsync(IReadOnlyList<EntityEntry> refused, CancellationToken ct) =>
        await LastChangeAsync(refused, ct) is var (who, atUtc) ? T[ChangedBy, who, At(clock, atUtc)] : T[ChangedBySomeoneElse];

    /// <summary>Who changed the first refused record last, and when (UTC); null when nothing says so.</summary>
    private async Task<(string Who, DateTime AtUtc)?> LastChangeAsync(IReadOnlyList<EntityEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return null;
        var entry = entries[0];
        var current = await entry.GetDatabaseValuesAsync(ct);
        if (current is not null
            && current.Properties.Any(p => p.Name == "UpdatedByName") && current.Properties.Any(p => p.Name == "UpdatedAtUtc")
            && current["UpdatedByName"] is string byName && current["UpdatedAtUtc"] is DateTime at)
            return (byName, at);

        var key = entry.Metadata.FindPrimaryKey();
        if (key is null) return null;
        var id = string.Join(",", key.Properties.Select(p =>
            Convert.ToString(entry.Property(p.Name).OriginalValue, CultureInfo.InvariantCulture)));
        var type = AuditInterceptor.EntityTypeName(entry.Metadata);
        var last = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == type && a.EntityId == id)
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { a.UserId, a.UserName, a.OccurredAtUtc })
            .FirstOrDefaultAsync(ct);
        if (last is null) return null;
        var fullName = last.UserId is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == last.UserId).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        var who = !string.IsNullOrWhiteSpace(fullName) ? fullName : last.UserName;
        return who is null ? null : (who, last.OccurredAtUtc);
    }
}

public static class FormsSetup
{
    /// <summary>Every page gets the stale-edit answer; it acts only on pages that are an <see cref="IEditForm"/>.</summary>
    public static IMvcBuilder AddNeonProForms(this IMvcBuilder mvc)
    {
        mvc.Services.AddScoped<StaleEditNotice>();
        return mvc.AddMvcOptions(o => o.Filters.Add<StaleEditFilter>());
    }
}
