using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Features.Scheduling;
using NeonPro.Web.Infrastructure.Cli;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Compliance.Audit;

/// <summary>
/// The large demo set's audit trail: the rows the app would have written for the patients and appointments the bulk
/// seeders wrote unaudited (each patient's registration with its anamnese and name tokens; each appointment's booking
/// and every status change on its way to the status it has), in the order they happened, chained like the app's rows
/// by <see cref="AuditBulkAppend"/>. Runs last (Order 90), for the large set only (the small one stays quick to seed);
/// idempotent: a patient or appointment whose creation is already in the trail gets nothing more.
/// </summary>
public sealed class AuditHistoryDemoSeeder(NeonProDbContext db, AuditActorAccessor actors, AuditHasher hasher, ClinicClock clock, TimeProvider time,
    IServiceProvider services) : IDemoSeeder
{
    public int Order => 90;

    public async Task SeedAsync(DemoSize size, DemoSeedReport report, CancellationToken ct)
    {
        if (size != DemoSize.Large) return;
        var written = await WriteHistoryAsync(ct);
        report.Add(written == 0 ? "audit history: nothing to add" : $"audit history: {written:N0} rows");
    }

    /// <summary>Writes the missing history of every patient and appointment on file; the rows written.</summary>
    public async Task<long> WriteHistoryAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var describe = new AuditInterceptor(actors, hasher, time);
        var nowUtc = clock.UtcNow;

        var patientType = db.Model.FindEntityType(typeof(Patient))!;
        var appointmentType = db.Model.FindEntityType(typeof(Appointment))!;
        var patientName = AuditInterceptor.EntityTypeName(patientType);
        var appointmentName = AuditInterceptor.EntityTypeName(appointmentType);
        async Task<HashSet<string>> CreatedAsync(string entityType) =>
            (await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType && a.Action == AuditAction.Insert && a.EntityId != null)
                .Select(a => a.EntityId!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

        var patientsAudited = await CreatedAsync(patientName);
        var patients = (await db.Patients.AsNoTracking().AsSplitQuery().Include(p => p.HealthProfile).Include(p => p.NameTokens).ToListAsync(ct))
            .Where(p => !patientsAudited.Contains(p.Id.ToString())).ToList();
        var appointmentsAudited = await CreatedAsync(appointmentName);
        var appointments = (await db.Appointments.AsNoTracking().ToListAsync(ct)).Where(a => !appointmentsAudited.Contains(a.Id.ToString())).ToList();
        var history = (await db.AppointmentStatusChanges.AsNoTracking().ToListAsync(ct))
            .GroupBy(h => h.AppointmentId).ToDictionary(g => g.Key, g => g.OrderBy(h => h.AtUtc).ThenBy(h => h.Id).ToList());
        if (patients.Count == 0 && appointments.Count == 0) return 0;

        // Each appointment's path: its stored history when it has one (the small set), else the demo's status path.
        var paths = appointments.Select(a => history.TryGetValue(a.Id, out var steps)
            ? steps.Select(h => (h.To, h.AtUtc)).ToArray()
            : SchedulingDemoSeeder.StatusPath(a, nowUtc).ToArray()).ToArray();

        // Every event in time order, as the clinic would have lived them; same-time steps of one booking keep their order.
        var events = new List<HistoryEvent>(patients.Count + paths.Sum(p => p.Length));
        for (var i = 0; i < patients.Count; i++) events.Add(new HistoryEvent(patients[i].CreatedAtUtc.Ticks, i, -1));
        for (var i = 0; i < paths.Length; i++)
            for (var step = 0; step < paths[i].Length; step++) events.Add(new HistoryEvent(paths[i][step].AtUtc.Ticks, i, step));
        events.Sort();
        Console.Error.WriteLine($"audit history: {events.Count:N0} events to write ({watch.Elapsed.TotalSeconds:F0} s)");

        var appointmentWriter = new AppointmentHistory(describe, appointmentType, appointmentName, db.Model.FindEntityType(typeof(AppointmentStatusChange))!);
        var patientWriter = new PatientRegistration(describe, patientType, db.Model);
        IEnumerable<AuditEntry> Rows()
        {
            var versions = new Guid[appointments.Count];
            foreach (var e in events)
            {
                if (e.Step < 0)
                {
                    foreach (var row in patientWriter.Rows(patients[e.Index])) yield return row;
                    continue;
                }
                var a = appointments[e.Index];
                foreach (var row in appointmentWriter.Rows(a, paths[e.Index], e.Step, ref versions[e.Index],
                    history.TryGetValue(a.Id, out var steps) ? steps[e.Step] : null)) yield return row;
            }
        }

        await using var bulk = DemoDatabase.CreateUnaudited(services);
        var written = await AuditBulkAppend.AppendAsync(bulk, Rows(), actors.Current(), nowUtc, ct: ct);
        Console.Error.WriteLine($"audit history: {written:N0} rows in {watch.Elapsed.TotalSeconds:F0} s");
        return written;
    }

    private readonly record struct HistoryEvent(long Ticks, int Index, int Step) : IComparable<HistoryEvent>
    {
        public int CompareTo(HistoryEvent other)
        {
            var c = Ticks.CompareTo(other.Ticks);
            if (c != 0) return c;
            c = Step < 0 == other.Step < 0 ? Index.CompareTo(other.Index) : (Step < 0 ? -1 : 1);
            return c != 0 ? c : Step.CompareTo(other.Step);
        }
    }

    /// <summary>A row's values in model order, as the interceptor reads them from the change tracker.</summary>
    private static object?[] ValuesOf(IEntityType type, IReadOnlyList<IProperty> properties, object entity) =>
        properties.Select(p => p.GetGetter().GetClrValue(entity)).ToArray();

    private static AuditEntry Insert(AuditInterceptor describe, IEntityType type, string name, IReadOnlyList<IProperty> properties, object?[] values, DateTime at)
    {
        var json = new JsonObject();
        for (var i = 0; i < properties.Count; i++) json[properties[i].Name] = describe.Value(properties[i], values[i]);
        return new AuditEntry
        {
            OccurredAtUtc = at, Action = AuditAction.Insert, EntityType = name,
            EntityId = describe.EntityIdOf(type, p => values[Index(properties, p)]), NewValues = json.ToJsonString(),
        };
    }

    private static int Index(IReadOnlyList<IProperty> properties, IProperty p)
    {
        for (var i = 0; i < properties.Count; i++) if (ReferenceEquals(properties[i], p)) return i;
        throw new InvalidOperationException($"{p.Name} is not a property of {p.DeclaringType.Name}");
    }

    /// <summary>A patient's registration: the patient, the anamnese and the name tokens, inserted in one save.</summary>
    private sealed class PatientRegistration(AuditInterceptor describe, IEntityType patientType, IModel model)
    {
        private readonly IEntityType _health = model.FindEntityType(typeof(HealthProfile))!;
        private readonly IEntityType _token = model.FindEntityType(typeof(NameToken))!;
        private readonly List<IProperty> _patientProperties = [.. patientType.GetProperties()];
        private readonly List<IProperty> _healthProperties = [.. model.FindEntityType(typeof(HealthProfile))!.GetProperties()];
        private readonly List<IProperty> _tokenProperties = [.. model.FindEntityType(typeof(NameToken))!.GetProperties()];

        public IEnumerable<AuditEntry> Rows(Patient p)
        {
            yield return Insert(describe, patientType, AuditInterceptor.EntityTypeName(patientType), _patientProperties, ValuesOf(patientType, _patientProperties, p), p.CreatedAtUtc);
            if (p.HealthProfile is { } h)
                yield return Insert(describe, _health, AuditInterceptor.EntityTypeName(_health), _healthProperties, ValuesOf(_health, _healthProperties, h), p.CreatedAtUtc);
            foreach (var t in p.NameTokens)
                yield return Insert(describe, _token, AuditInterceptor.EntityTypeName(_token), _tokenProperties, ValuesOf(_token, _tokenProperties, t), p.CreatedAtUtc);
        }
    }

    /// <summary>
    /// An appointment's booking (step 0) and its status changes (step 1 on), each as the app writes it: the booking's
    /// insert, then per change an update of the fields that changed (status, last change, version, cancellation), and the
    /// history row's insert where the set stores history. The last step leaves exactly the values stored now.
    /// </summary>
    private sealed class AppointmentHistory(AuditInterceptor describe, IEntityType type, string name, IEntityType historyType)
    {
        private readonly List<IProperty> _properties = [.. type.GetProperties()];
        private readonly List<IProperty> _historyProperties = [.. historyType.GetProperties()];
        private readonly string _historyName = AuditInterceptor.EntityTypeName(historyType);
        private readonly int _status = Find(type, nameof(Appointment.Status));
        private readonly int _updatedAt = Find(type, nameof(Appointment.UpdatedAtUtc));
        private readonly int _updatedBy = Find(type, nameof(Appointment.UpdatedByName));
        private readonly int _version = Find(type, nameof(Appointment.Version));
        private readonly int[] _cancellation =
            [Find(type, nameof(Appointment.CancelledAtUtc)), Find(type, nameof(Appointment.CancelledByName)),
             Find(type, nameof(Appointment.CancellationReason)), Find(type, nameof(Appointment.CancellationFee))];

        private static int Find(IEntityType type, string property) => type.GetProperties().Select((p, i) => (p, i)).Single(x => x.p.Name == property).i;

        public IEnumerable<AuditEntry> Rows(Appointment a, (AppointmentStatus To, DateTime AtUtc)[] path, int step, ref Guid version, AppointmentStatusChange? stored)
        {
            var at = path[step].AtUtc;
            var rows = new List<AuditEntry>(2);
            if (step == 0)
            {
                version = path.Length == 1 ? a.Version : Guid.NewGuid();
                rows.Add(Insert(describe, type, name, _properties, State(a, path, 0, version), at));
            }
            else
            {
                var before = State(a, path, step - 1, version);
                version = step == path.Length - 1 ? a.Version : Guid.NewGuid();
                var after = State(a, path, step, version);
                JsonObject? olds = null, news = null;
                for (var i = 0; i < _properties.Count; i++)
                {
                    if (Equals(before[i], after[i])) continue;
                    (olds ??= [])[_properties[i].Name] = describe.Value(_properties[i], before[i]);
                    (news ??= [])[_properties[i].Name] = describe.Value(_properties[i], after[i]);
                }
                rows.Add(new AuditEntry
                {
                    OccurredAtUtc = at, Action = AuditAction.Update, EntityType = name, EntityId = a.Id.ToString(),
                    OldValues = olds?.ToJsonString(), NewValues = news?.ToJsonString(),
                });
            }
            if (stored is not null)
                rows.Add(Insert(describe, historyType, _historyName, _historyProperties, ValuesOf(historyType, _historyProperties, stored), at));
            return rows;
        }

        /// <summary>The appointment's values after <paramref name="step"/>; the last step is the row as stored.</summary>
        private object?[] State(Appointment a, (AppointmentStatus To, DateTime AtUtc)[] path, int step, Guid version)
        {
            var values = ValuesOf(type, _properties, a);
            if (step == path.Length - 1) return values;
            values[_status] = path[step].To;
            values[_updatedAt] = step == 0 ? a.CreatedAtUtc : path[step].AtUtc;
            if (step == 0) values[_updatedBy] = a.CreatedByName;
            values[_version] = version;
            foreach (var i in _cancellation) values[i] = null;
            return values;
        }
    }
}
