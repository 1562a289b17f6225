using Htmx;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Htmx;
using NeonPro.Web.Infrastructure.Time;
using NeonPro.Web.Infrastructure.Web;

namespace NeonPro.Web.Features.Compliance.Audit;

/// <summary>
/// The audit trail for managers: who did what and when, filtered and paged newest first, and a check that
/// no row was changed or removed since it was written.
/// </summary>
public class IndexModel(NeonProDbContext db, ClinicClock clock, AuditLog audit, IStringLocalizer<SharedResource> T) : PageModel
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
    /// <summary>The rows of this page in the clinic's words, with links to what their ids name.</summary>
    public AuditDisplay Shown { get; private set; } = null!;

    public sealed record Row(long Sequence, DateTime OccurredAtUtc, string? UserId, string? UserName, string? Role,
        string? IpAddress, AuditAction Action, string EntityType, string? EntityId, string? OldValues, string? NewValues, string Hash);

    public sealed record StaffOption(string Id, string FullName);

    public sealed record Verification(long RowsChecked, AuditChainBreak? Break, AuditAnchor? LastAnchor);

    /// <summary>One field of a change: its value before and after; a side is absent on insert (old) and delete (new).</summary>
    public sealed record Change(string Field, bool HasOld, string? Old, bool HasNew, string? New);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Response.TimeFromHere("audit");
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The table alone, for htmx; the address bar gets the plain page URL so reload and back show the same view.</summary>
    public async Task<IActionResult> OnGetEntriesAsync(CancellationToken ct)
    {
        // The benchmark (bench/audit.sh) reads this; so can a manager's browser tools on a slow filter.
        Response.TimeFromHere("audit");
        // The queries alone ("audit-query"); "audit" less this is the rendering.
        await Response.TimePartAsync("audit-query", () => LoadAsync(ct));
        Response.Htmx(h => h.PushUrl(PageUrl(Before, After)));
        return this.PageOrPartial("_Entries");
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        var result = await audit.VerifyAsync(ct);
        VerificationResult = new Verification(result.RowsChecked, result.Break, result.LastAnchor);
        if (!Request.WantsFragment()) await LoadAsync(ct);
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
        Shown = await AuditDisplay.LoadAsync(db, Rows, clock, T, User.IsInRole(Roles.Admin), ct);
    }

    /// <summary>The filters, applied to the table.</summary>
    private IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> rows)
    {
        if (Actor == SystemActor) rows = rows.Where(a => a.UserId == null);
        else if (!string.IsNullOrEmpty(Actor)) rows = rows.Where(a => a.UserId == Actor);
        if (!string.IsNullOrEmpty(EntityType)) rows = rows.Where(a => a.EntityType == EntityType);
        if (Action is { } action) rows = rows.Where(a => a.Action == action);
        // De/Até are whole days on the clinic's calendar: [start of From, start of the day after To) in UTC.
        if (From is { } from)
        {
            var fromUtc = StartOfDayUtc(from);
            rows = rows.Where(a => a.OccurredAtUtc >= fromUtc);
        }
        if (To is { } to)
        {
            var toUtc = StartOfDayUtc(to.AddDays(1));
            rows = rows.Where(a => a.OccurredAtUtc < toUtc);
        }
        return rows;
    }

    private DateTime StartOfDayUtc(DateOnly day)
    {
        // Where daylight saving once began at midnight (Brazil until 2019) that midnight never happened.
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (clock.TimeZone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return clock.ToUtc(local);
    }

    private async Task LoadRowsAsync(CancellationToken ct)
    {
        var range = await SequenceRangeAsync(ct);
        if (range is null) return; // no row in the period at all
        if (After is { } after)
        {
            // "Anterior": the page just newer than the cursor, shown newest first.
            var newer = await PageQuery(range.Value, after, towardsNewer: true).Take(PageSize + 1).ToListAsync(ct);
            if (newer.Count >= PageSize)
            {
                HasNewer = newer.Count > PageSize;
                HasOlder = true; // the page we came from
                Rows = [.. newer.Take(PageSize).OrderByDescending(r => r.Sequence)];
                return;
            }
            // Less than a page is newer: that is the first page.
            After = null;
            Before = null;
        }

        var older = await PageQuery(range.Value, Before, towardsNewer: false).Take(PageSize + 1).ToListAsync(ct);
        HasOlder = older.Count > PageSize;
        HasNewer = Before is not null; // the page we came from
        Rows = [.. older.Take(PageSize)];
    }

    /// <summary>
    /// The rows matching the filters past the cursor, nearest the cursor first, as one query that reads along an index in
    /// sequence order and stops at the page: the chain's own index, (UserId, Sequence) for a user or "sistema",
    /// (EntityType, Sequence) for an entity type; a period is a sequence range on top of any of them. No count, no sort.
    /// </summary>
    internal IQueryable<Row> PageQuery(SequenceRange range, long? cursor, bool towardsNewer)
    {
        var rows = Filter(db.AuditEntries.AsNoTracking());
        if (range.Low > 1) rows = rows.Where(a => a.Sequence >= range.Low);
        if (range.High < long.MaxValue) rows = rows.Where(a => a.Sequence <= range.High);
        if (cursor is { } c) rows = towardsNewer ? rows.Where(a => a.Sequence > c) : rows.Where(a => a.Sequence < c);
        rows = towardsNewer ? rows.OrderBy(a => a.Sequence) : rows.OrderByDescending(a => a.Sequence);
        return rows.Select(a => new Row(a.Sequence, a.OccurredAtUtc, a.UserId, a.UserName, a.Role, a.IpAddress, a.Action,
            a.EntityType, a.EntityId, a.OldValues, a.NewValues, a.Hash));
    }

    /// <summary>The stretch of the chain a period's rows lie in: sequence numbers Low to High, both included.</summary>
    internal readonly record struct SequenceRange(long Low, long High)
    {
        public static readonly SequenceRange All = new(1, long.MaxValue);
    }

    /// <summary>
    /// How far apart in time two rows may be sealed out of order: the interceptor reads the clock before it waits for
    /// the chain's lock, so a save that waited seals a slightly older time after a newer one. Generously above any wait
    /// for that lock (the database's command timeout).
    /// </summary>
    internal static readonly TimeSpan SealedOutOfOrder = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The sequence range of the period De/Até, from two index seeks on the time index: time and sequence grow together
    /// in the chain, so the period's rows lie between the first row at or after its start and the last before its end,
    /// widened by the rows sealed up to <see cref="SealedOutOfOrder"/> out of order around those two. The time filter
    /// itself still applies inside the range. Null when no row falls in the period.
    /// </summary>
    internal async Task<SequenceRange?> SequenceRangeAsync(CancellationToken ct)
    {
        var (low, high) = (SequenceRange.All.Low, SequenceRange.All.High);
        if (From is { } from)
        {
            var fromUtc = StartOfDayUtc(from);
            var first = await db.AuditEntries.AsNoTracking().Where(a => a.OccurredAtUtc >= fromUtc)
                .OrderBy(a => a.OccurredAtUtc).Select(a => (DateTime?)a.OccurredAtUtc).FirstOrDefaultAsync(ct);
            if (first is null) return null;
            var until = first.Value + SealedOutOfOrder;
            low = await db.AuditEntries.AsNoTracking().Where(a => a.OccurredAtUtc >= fromUtc && a.OccurredAtUtc <= until).MinAsync(a => a.Sequence, ct);
        }
        if (To is { } to)
        {
            var toUtc = StartOfDayUtc(to.AddDays(1));
            var last = await db.AuditEntries.AsNoTracking().Where(a => a.OccurredAtUtc < toUtc)
                .OrderByDescending(a => a.OccurredAtUtc).Select(a => (DateTime?)a.OccurredAtUtc).FirstOrDefaultAsync(ct);
            if (last is null) return null;
            var since = last.Value - SealedOutOfOrder;
            high = await db.AuditEntries.AsNoTracking().Where(a => a.OccurredAtUtc < toUtc && a.OccurredAtUtc >= since).MaxAsync(a => a.Sequence, ct);
        }
        return low <= high ? new SequenceRange(low, high) : null;
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

    /// <summary>When an anchor was taken, dd/MM/yyyy HH:mm on the clinic's clock.</summary>
    public string When(AuditAnchor anchor) => clock.ToClinicTime(anchor.AtUtc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

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
