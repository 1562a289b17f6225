using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Features.Admin;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Admin;

/// <summary>What the admin tests share: reading forms off the page, signing in, and the audit trail.</summary>
internal static class AdminTestSupport
{
    /// <summary>The message the page shows beside a field.</summary>
    public static string MessageFor(IHtmlDocument doc, string field) =>
        doc.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    /// <summary>The action of a row's button form (Desativar, Reativar, Desbloquear) on /Admin/Users: it must be on screen.</summary>
    public static string RowAction(IHtmlDocument list, string userId, string handler)
    {
        var form = list.QuerySelectorAll($"tr[data-user-id='{userId}'] form")
            .FirstOrDefault(f => (f.GetAttribute("action") ?? "").Contains($"handler={handler}", StringComparison.Ordinal));
        Assert.True(form is not null, $"the row of {userId} has no {handler} form");
        return form!.GetAttribute("action")!;
    }

    /// <summary>The fields a browser would send for a form as it stands (inputs, checked boxes, selected options).</summary>
    public static Dictionary<string, string> CurrentValues(IHtmlDocument doc, string formSelector)
    {
        var form = doc.QuerySelector(formSelector) ?? throw new InvalidOperationException($"no {formSelector} on the page");
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name]").OfType<IHtmlInputElement>())
        {
            if (input.Name is null or "__RequestVerificationToken") continue;
            if (input.Type is "checkbox" or "radio" && !input.IsChecked) continue;
            values[input.Name] = input.Value;
        }
        foreach (var select in form.QuerySelectorAll("select[name]").OfType<IHtmlSelectElement>())
            values[select.Name!] = select.Value ?? "";
        return values;
    }

    /// <summary>A fresh browser signs in; true when the app let it in.</summary>
    public static async Task<bool> CanSignInAsync(NeonProFactory app, string email, string password)
    {
        var client = app.CreateBrowserClient();
        await client.SignInAsync(email, password);
        // Signed in or not shows on the next page: the home page answers, or sends the visitor to sign in.
        var home = await client.GetAsync("/");
        return home.StatusCode == HttpStatusCode.OK;
    }

    public static async Task<List<AuditEntry>> StaffEventsAsync(NeonProFactory app, string userId, AuditAction action)
    {
        await using var db = app.NewDbContext();
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == StaffAccounts.AuditEntityType && a.EntityId == userId && a.Action == action)
            .ToListAsync();
    }
}
