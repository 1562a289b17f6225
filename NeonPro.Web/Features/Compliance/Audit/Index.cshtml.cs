using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Infrastructure.Htmx;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Compliance.Audit;

/// <summary>
/// The audit trail for managers: who did what and when, filtered and paged newest first, and a check that
/// no row was changed or removed since it was written.
/// </summary>
public class IndexModel(NeonProDbContext db, ClinicClock clock, AuditLog audit) : PageModel
{
    public const int PageSize = 50;
    /// <summary>The user filter's value for actions nobody signed in did (jobs, command line, start-up).</summary>
    public const string SystemActor = "sistema";

    [BindProperty(SupportsGet = true, Name = "user")] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true, Name = "entity")] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true, Name = "action")] public AuditAction? Action { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public DateOnly? To { get; set; }
    /// <summary>Keyset cursors: rows older than (before) or newer than (after) this sequence number.</summary>
    [BindProperty(SupportsGet = true, Name = "before")] public long? Before { get; set; }
    [BindProperty(SupportsGet = true, Name = "after")] public long? After { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool HasNewer { get; private set; }
    public bool HasOlder { get; private set; }
    public IReadOnlyList<StaffOption> Staff { get; private set; } = [];
    public IReadOnlyDictionary<string, string> StaffNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];
    public Verification? VerificationResult { get; private set; }

    public sealed record Row(long Sequence, DateTime OccurredAtUtc, string? UserId, string? UserName, string? Role,
        string? IpAddress, AuditAction Action, string EntityType, string? EntityId, string? OldValues, string? NewValues, string Hash);

    public sealed record StaffOption(string Id, string FullName);

    public sealed record Verification(long RowsChecked, AuditChainBreak? Break);

    /// <summary>One field of a change: its value before and after; a side is absent on insert (old) and delete (new).</summary>
    public sealed record Change(string Field, bool HasOld, string? Old, bool HasNew, string? New);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The table alone, for htmx; the address bar gets the plain page URL so reload and back show the same view.</summary>
    public async Task<IActionResult> OnGetEntriesAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Response.HxPushUrl(PageUrl(Before, After));
        return this.PageOrPartial("_Entries");
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        var (rows, broken) = await audit.VerifyAsync(ct);
        VerificationResult = new Verification(rows, broken);
        if (!Request.IsHtmx()) await LoadAsync(ct);
        return this.PageOrPartial("_Verification");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Staff = await db.Users.AsNoTracking()
            .OrderBy(u => u.FullName)
            .Select(u => new StaffOption(u.Id, u.FullName))
            .ToListAsync(ct);
        StaffNames = Staff.ToDictionary(s => s.Id, s => s.FullName);
        EntityTypes = await DistinctEntityTypesAsync(ct);
        if (!string.IsNullOrEmpty(EntityType) && !EntityTypes.Contains(EntityType)) EntityTypes = [.. EntityTypes, EntityType];
        await LoadRowsAsync(ct);
    }

    private IQueryable<AuditEntry> Filtered()
    {
        var query = db.AuditEntries.AsNoTracking();
        if (Actor == SystemActor) query = query.Where(a => a.UserId == null);
        else if (!string.IsNullOrEmpty(Actor)) query = query.Where(a => a.UserId == Actor);
        if (!string.IsNullOrEmpty(EntityType)) query = query.Where(a => a.EntityType == EntityType);
        if (Action is { } action) query = query.Where(a => a.Action == action);
        // De/Até are whole days on the clinic's calendar: [start of From, start of the day after To) in UTC.
        if (From is { } from)
        {
            var fromUtc = StartOfDayUtc(from);
            query = query.Where(a => a.OccurredAtUtc >= fromUtc);
        }
        if (To is { } to)
        {
            var toUtc = StartOfDayUtc(to.AddDays(1));
            query = query.Where(a => a.OccurredAtUtc < toUtc);
        }
        return query;
    }

    private DateTime StartOfDayUtc(DateOnly day)
    {
        // Where daylight saving once began at midnight (Brazil until 2019) that midnight never happened.
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (clock.TimeZone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return clock.ToUtc(local);
    }

    private static IQueryable<Row> Project(IQueryable<AuditEntry> query) =>
        query.Select(a => new Row(a.Sequence, a.OccurredAtUtc, a.UserId, a.UserName, a.Role, a.IpAddress, a.Action,
            a.EntityType, a.EntityId, a.OldValues, a.NewValues, a.Hash));

    private async Task LoadRowsAsync(CancellationToken ct)
    {
        var filtered = Filtered();
        if (After is { } after)
        {
            // "Anterior": the page of rows just newer than the cursor, read upwards and shown newest first.
            var newer = await Project(filtered.Where(a => a.Sequence > after).OrderBy(a => a.Sequence).Take(PageSize + 1)).ToListAsync(ct);
            if (newer.Count > PageSize)
            {
                HasNewer = true;
                newer.RemoveAt(newer.Count - 1);
            }
            if (newer.Count == PageSize || HasNewer)
            {
                newer.Reverse();
                Rows = newer;
                HasOlder = await filtered.AnyAsync(a => a.Sequence <= after, ct);
                return;
            }
            // Fewer than a page is newer: that is the first page.
            After = null;
            Before = null;
            HasNewer = false;
        }

        var older = Before is { } before ? filtered.Where(a => a.Sequence < before) : filtered;
        var rows = await Project(older.OrderByDescending(a => a.Sequence).Take(PageSize + 1)).ToListAsync(ct);
        if (rows.Count > PageSize)
        {
            HasOlder = true;
            rows.RemoveAt(rows.Count - 1);
        }
        Rows = rows;
        if (Before is { } b) HasNewer = await filtered.AnyAsync(a => a.Sequence >= b, ct);
    }

    /// <summary>
    /// The entity types present, one index seek per type ("the first type after the last one found"), so the
    /// list costs the same on a trail of millions of rows as on an empty one.
    /// </summary>
    private async Task<IReadOnlyList<string>> DistinctEntityTypesAsync(CancellationToken ct)
    {
        var types = new List<string>();
        string? last = null;
        while (types.Count < 500)
        {
            var query = db.AuditEntries.AsNoTracking().Select(a => a.EntityType);
            if (last is not null)
            {
                var after = last;
                query = query.Where(t => string.Compare(t, after) > 0);
            }
            var next = await query.OrderBy(t => t).FirstOrDefaultAsync(ct);
            if (next is null) break;
            types.Add(next);
            last = next;
        }
        return types;
    }

    /// <summary>The page's own address with the current filters and the given cursor.</summary>
    public string PageUrl(long? before = null, long? after = null) => "/Compliance/Audit" + Query(before, after).ToQueryString();

    /// <summary>The htmx handler that answers with the table alone.</summary>
    public string EntriesUrl(long? before = null, long? after = null)
    {
        var query = Query(before, after);
        query.Add("handler", "Entries");
        return "/Compliance/Audit" + query.ToQueryString();
    }

    private QueryBuilder Query(long? before, long? after)
    {
        var q = new QueryBuilder();
        if (!string.IsNullOrEmpty(Actor)) q.Add("user", Actor);
        if (!string.IsNullOrEmpty(EntityType)) q.Add("entity", EntityType);
        if (Action is { } action) q.Add("action", action.ToString());
        if (From is { } from) q.Add("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (To is { } to) q.Add("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (before is { } b) q.Add("before", b.ToString(CultureInfo.InvariantCulture));
        if (after is { } a) q.Add("after", a.ToString(CultureInfo.InvariantCulture));
        return q;
    }

    /// <summary>dd/MM/yyyy HH:mm:ss on the clinic's clock, whatever the UI language: an audit reads one way.</summary>
    public string When(Row row) => clock.ToClinicTime(row.OccurredAtUtc).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    public static IReadOnlyList<Change> ChangesOf(Row row)
    {
        var olds = Fields(row.OldValues);
        var news = Fields(row.NewValues);
        var changes = new List<Change>();
        foreach (var (field, old) in olds)
        {
            var hasNew = news.TryGetValue(field, out var @new);
            changes.Add(new Change(field, true, old, hasNew, @new));
        }
        foreach (var (field, @new) in news)
            if (!olds.ContainsKey(field)) changes.Add(new Change(field, false, null, true, @new));
        return changes;
    }

    /// <summary>The fields of a stored JSON object, as display text; anything else (even a tampered, non-JSON value) as one unnamed field.</summary>
    private static Dictionary<string, string?> Fields(string? json)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (json is null) return fields;
        try
        {
            var node = JsonNode.Parse(json);
            if (node is JsonObject obj)
            {
                foreach (var (name, value) in obj) fields[name] = Display(value);
            }
            else fields[""] = Display(node);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            // Not what the app writes (a duplicate key, broken JSON): show the stored text as it is.
            fields.Clear();
            fields[""] = json;
        }
        return fields;
    }

    private static string? Display(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    /// <summary>Long values (notes, JSON details) cut short so a row stays one glance wide.</summary>
    public static string Compact(string value, int max = 60) => value.Length <= max ? value : value[..(max - 1)] + "…";
}
