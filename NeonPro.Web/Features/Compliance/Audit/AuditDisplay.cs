using NeonPro.Web.Domain;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Catalog;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Compliance.Audit;

/// <summary>
/// One page of audit rows as a manager reads them: entity and field names, enum values and instants in the user's
/// language and the clinic's time zone, keyed hashes as "valor protegido", and ids as links to what they name while it
/// still exists. The stored rows keep the C# names (they are hashed into the chain); only the screen translates.
/// </summary>
public sealed class AuditDisplay
{
    /// <summary>A value as shown: its text, a link when it names something that still exists, and whether it is a hash.</summary>
    public sealed record Value(string Text, string? Href = null, bool IsProtected = false);

    /// <summary>One changed field: its label and the values before and after (a side is absent on insert and delete).</summary>
    public sealed record Field(string Label, bool HasOld, Value? Old, bool HasNew, Value? New);

    /// <summary>What an id can link to, with the page that shows it.</summary>
    private static readonly Type[] Linkable =
        [typeof(Patient), typeof(Appointment), typeof(Professional), typeof(Treatment), typeof(Room), typeof(StaffUser), typeof(DataSubjectRequest)];

    private readonly IReadOnlyDictionary<string, IEntityType> _types;
    private readonly Dictionary<(Type Target, string Id), string> _links;
    private readonly ClinicClock _clock;
    private readonly IStringLocalizer T;

    private AuditDisplay(IReadOnlyDictionary<string, IEntityType> types, Dictionary<(Type, string), string> links, ClinicClock clock, IStringLocalizer t)
    {
        _types = types;
        _links = links;
        _clock = clock;
        T = t;
    }

    /// <summary>
    /// Reads which of the ids on this page still exist: one query per kind of target, whatever the number of rows.
    /// Staff accounts are linked only for whom the user administration opens to (admins); a manager gets the bare id.
    /// </summary>
    public static async Task<AuditDisplay> LoadAsync(NeonProDbContext db, IReadOnlyList<IndexModel.Row> rows, ClinicClock clock,
        IStringLocalizer t, bool mayOpenStaffAccounts, CancellationToken ct)
    {
        var types = TypesByAuditName(db.Model);
        var wanted = new Dictionary<Type, HashSet<string>>();
        void Want(Type? target, string? id)
        {
            if (target is null || string.IsNullOrEmpty(id) || IsHash(id)) return;
            if (target == typeof(StaffUser) && !mayOpenStaffAccounts) return;
            if (!wanted.TryGetValue(target, out var ids)) wanted[target] = ids = [];
            ids.Add(id);
        }
        foreach (var row in rows)
        {
            foreach (var (part, target) in EntityIdParts(types, row)) Want(target, part);
            foreach (var change in IndexModel.ChangesOf(row))
            {
                var target = FieldTarget(FindProperty(types, row.EntityType, change.Field));
                Want(target, change.Old);
                Want(target, change.New);
            }
        }

        var links = new Dictionary<(Type, string), string>();
        foreach (var (target, ids) in wanted)
        {
            if (target == typeof(StaffUser))
            {
                var userIds = ids.ToList();
                foreach (var id in await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct))
                    links[(target, id)] = $"/Admin/Users?handler=Manage&id={Uri.EscapeDataString(id)}";
                continue;
            }
            var guids = ids.Select(i => Guid.TryParse(i, out var g) ? g : (Guid?)null).OfType<Guid>().Distinct().ToList();
            if (guids.Count == 0) continue;
            if (target == typeof(Appointment))
            {
                // An appointment is shown on the agenda of its day.
                foreach (var a in await db.Appointments.AsNoTracking().Where(a => guids.Contains(a.Id)).Select(a => new { a.Id, a.StartUtc }).ToListAsync(ct))
                    links[(target, a.Id.ToString())] = $"/Scheduling?date={clock.ToClinicTime(a.StartUtc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
                continue;
            }
            var existing = target == typeof(Patient) ? await ExistingAsync<Patient>(db, guids, ct)
                : target == typeof(Professional) ? await ExistingAsync<Professional>(db, guids, ct)
                : target == typeof(Treatment) ? await ExistingAsync<Treatment>(db, guids, ct)
                : target == typeof(Room) ? await ExistingAsync<Room>(db, guids, ct)
                : target == typeof(DataSubjectRequest) ? await ExistingAsync<DataSubjectRequest>(db, guids, ct)
                : throw new InvalidOperationException($"No page shows a {target.Name}.");
            foreach (var id in existing) links[(target, id.ToString())] = PageOf(target, id);
        }
        return new AuditDisplay(types, links, clock, t);
    }

    private static string PageOf(Type target, Guid id) =>
        target == typeof(Patient) ? $"/Patients/Chart?id={id}"
        : target == typeof(Professional) ? $"/Professionals/Details?id={id}"
        : target == typeof(Treatment) ? $"/Catalog/Treatments/Edit?id={id}"
        : target == typeof(Room) ? $"/Catalog/Rooms#room-{id}"
        : target == typeof(DataSubjectRequest) ? $"/Compliance/DataSubjectRequests/Details?id={id}"
        : throw new InvalidOperationException($"No page shows a {target.Name}.");

    private static Task<List<Guid>> ExistingAsync<TEntity>(NeonProDbContext db, List<Guid> ids, CancellationToken ct) where TEntity : class =>
        db.Set<TEntity>().AsNoTracking().Where(e => ids.Contains(EF.Property<Guid>(e, "Id"))).Select(e => EF.Property<Guid>(e, "Id")).ToListAsync(ct);

    /// <summary>The model's entity types by the name the audit stores for them.</summary>
    public static IReadOnlyDictionary<string, IEntityType> TypesByAuditName(IModel model) =>
        model.GetEntityTypes().GroupBy(AuditInterceptor.EntityTypeName).ToDictionary(g => g.Key, g => g.First());

    private static IProperty? FindProperty(IReadOnlyDictionary<string, IEntityType> types, string entityType, string field) =>
        field.Length > 0 && types.TryGetValue(entityType, out var type) ? type.FindProperty(field) : null;

    /// <summary>The kind of thing a property's value names: what its foreign key points at, a staff user's id, or its own entity.</summary>
    private static Type? FieldTarget(IProperty? property)
    {
        if (property is null) return null;
        foreach (var fk in property.GetContainingForeignKeys())
            if (fk.Properties.Count == 1 && Linkable.Contains(fk.PrincipalEntityType.ClrType)) return fk.PrincipalEntityType.ClrType;
        // Who recorded or handled something: staff ids kept without a foreign key, so the row outlives the account.
        if (property.ClrType == typeof(string) && property.Name.EndsWith("UserId", StringComparison.Ordinal)) return typeof(StaffUser);
        if (property.IsPrimaryKey() && property.DeclaringType is IEntityType own && Linkable.Contains(own.ClrType)) return own.ClrType;
        return null;
    }

    /// <summary>
    /// The parts of a row's EntityId (a composite key is written "a,b"), each with the kind of thing it names: a health
    /// profile's id is its patient's, a name token's key is its patient's id and the hashed word.
    /// </summary>
    private static IEnumerable<(string Part, Type? Target)> EntityIdParts(IReadOnlyDictionary<string, IEntityType> types, IndexModel.Row row)
    {
        if (row.EntityId is null) yield break;
        var key = types.TryGetValue(row.EntityType, out var type) ? type.FindPrimaryKey()?.Properties : null;
        var parts = key is { Count: > 1 } ? row.EntityId.Split(',') : [row.EntityId];
        for (var i = 0; i < parts.Length; i++)
            yield return (parts[i], key is not null && i < key.Count && parts.Length == key.Count ? FieldTarget(key[i]) : null);
    }

    private static bool IsHash(string value) => value.StartsWith("hmac:", StringComparison.Ordinal);

    public string Entity(IndexModel.Row row) => T[AuditLabels.OfEntity(row.EntityType)];

    /// <summary>The row's EntityId, part by part: links where a part names something that still exists, hashed parts protected.</summary>
    public IReadOnlyList<Value> EntityId(IndexModel.Row row) =>
        [.. EntityIdParts(_types, row).Select(p => IsHash(p.Part) ? new Value(T[AuditLabels.ProtectedValue], IsProtected: true) : Link(p.Target, p.Part) ?? new Value(p.Part))];

    public IReadOnlyList<Field> Changes(IndexModel.Row row)
    {
        var fields = new List<Field>();
        foreach (var c in IndexModel.ChangesOf(row))
        {
            var property = FindProperty(_types, row.EntityType, c.Field);
            fields.Add(new Field(c.Field.Length == 0 ? "" : T[AuditLabels.OfField(row.EntityType, c.Field)],
                c.HasOld, Shown(property, c.Old), c.HasNew, Shown(property, c.New)));
        }
        return fields;
    }

    private Value? Link(Type? target, string id) =>
        target is not null && _links.TryGetValue((target, id), out var href) ? new Value(id, href) : null;

    /// <summary>A stored value as the screen shows it; null stays null (the partial shows ∅).</summary>
    private Value? Shown(IProperty? property, string? stored)
    {
        if (stored is null) return null;
        if (IsHash(stored)) return new Value(T[AuditLabels.ProtectedValue], IsProtected: true);
        // A secret is recorded only as a marker that it was set or changed: say so, not "***".
        if (property is not null && AuditInterceptor.IsSecret(property)) return new Value(T[AuditLabels.SecretValue], IsProtected: true);
        if (property is null) return new Value(EventText(stored));
        if (Link(FieldTarget(property), stored) is { } link) return link;
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        return new Value(Format(type, stored) ?? stored);
    }

    /// <summary>A detail of an explicit event: a known code in words, a list of roles (user created, roles changed) by their names.</summary>
    private string EventText(string stored)
    {
        if (AuditLabels.EventValues.TryGetValue(stored, out var words)) return T[words];
        if (!stored.StartsWith('[')) return stored;
        try
        {
            return JsonNode.Parse(stored) is JsonArray items && items.All(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                ? string.Join(", ", items.Select(i => T[RoleLabels.Of(i!.GetValue<string>())].Value))
                : stored;
        }
        catch (JsonException)
        {
            return stored; // not what the app writes: shown as stored
        }
    }

    /// <summary>The audit interceptor's JSON text of a value of this type, in the user's words; null when it is not what the type writes.</summary>
    private string? Format(Type type, string stored)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (type.IsEnum) return EnumText(type, stored);
        if (type == typeof(DateTime) && DateTime.TryParse(stored, invariant, DateTimeStyles.RoundtripKind, out var instant))
            return _clock.ToClinicTime(instant.ToUniversalTime()).ToString("dd/MM/yyyy HH:mm", invariant);
        if (type == typeof(DateTimeOffset) && DateTimeOffset.TryParse(stored, invariant, DateTimeStyles.None, out var offset))
            return _clock.ToClinicTime(offset.UtcDateTime).ToString("dd/MM/yyyy HH:mm", invariant);
        if (type == typeof(DateOnly) && DateOnly.TryParseExact(stored, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var day))
            return day.ToString("dd/MM/yyyy", invariant);
        if (type == typeof(TimeOnly) && TimeOnly.TryParse(stored, invariant, DateTimeStyles.None, out var time))
            return time.ToString("HH:mm", invariant);
        if (type == typeof(bool)) return stored switch { "true" => T["Sim"].Value, "false" => T["Não"].Value, _ => null };
        // Money is the only decimal the clinic keeps (decimal(10,2) by convention).
        if (type == typeof(decimal) && decimal.TryParse(stored, NumberStyles.Number, invariant, out var amount)) return Brl.Format(amount);
        if (type != typeof(string) && type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                is { } sequence && sequence.GetGenericArguments()[0] is { IsEnum: true } element)
            return EnumListText(element, stored);
        return null;
    }

    private string? EnumText(Type type, string stored) =>
        Enum.TryParse(type, stored, ignoreCase: false, out var value) && value is Enum e
            ? AuditLabels.OfEnum(T, e) ?? AuditLabels.Readable(stored)
            : null;

    /// <summary>A list of enum values (a treatment's allowed professions), written as a JSON array of numbers or names.</summary>
    private string? EnumListText(Type element, string stored)
    {
        try
        {
            if (JsonNode.Parse(stored) is not JsonArray items) return null;
            var names = new List<string>();
            foreach (var item in items)
            {
                var text = item is JsonValue v && v.GetValueKind() == JsonValueKind.Number
                    ? AuditLabels.OfEnum(T, (Enum)Enum.ToObject(element, v.GetValue<long>()))
                    : item is JsonValue s && s.GetValueKind() == JsonValueKind.String ? EnumText(element, s.GetValue<string>()) : null;
                if (text is null) return null;
                names.Add(text);
            }
            return string.Join(", ", names);
        }
        catch (JsonException)
        {
            // Not what the interceptor writes (a tampered row): the stored text is shown as it is.
            return null;
        }
    }
}
