using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Clinic;

namespace NeonPro.Web.Infrastructure.Time;

/// <summary>
/// The clinic's time zone, applied at the edge: instants are stored in UTC and shown in the zone the clinic
/// configured (America/Sao_Paulo unless changed). Cached briefly so every page does not ask the database.
/// </summary>
public sealed class ClinicClock(TimeProvider time, IMemoryCache cache, IServiceScopeFactory scopes)
{
    private const string CacheKey = "clinic-time-zone";

    public TimeZoneInfo TimeZone => cache.GetOrCreate(CacheKey, entry =>
    {
        entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NeonProDbContext>();
        var id = db.ClinicSettings.AsNoTracking().Where(s => s.Id == ClinicSettings.SingletonId)
            .Select(s => s.TimeZoneId).FirstOrDefault();
        return FindZone(id);
    })!;

    /// <summary>Forget the cached zone after the settings change.</summary>
    public void Invalidate() => cache.Remove(CacheKey);

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateTime Now => ToClinicTime(UtcNow);

    public DateTime ToClinicTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);

    public DateTime ToUtc(DateTime clinicLocal) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(clinicLocal, DateTimeKind.Unspecified), TimeZone);

    /// <summary>dd/MM/yyyy HH:mm in pt-BR; the current culture's short date and 24-hour time otherwise.</summary>
    public string FormatDateTime(DateTime utc) =>
        ToClinicTime(utc).ToString(CultureInfo.CurrentCulture.DateTimeFormat.ShortDatePattern + " HH:mm", CultureInfo.CurrentCulture);

    public string FormatDate(DateTime utc) => ToClinicTime(utc).ToString("d", CultureInfo.CurrentCulture);

    public static TimeZoneInfo FindZone(string? id)
    {
        if (!string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) return zone;
        return TimeZoneInfo.FindSystemTimeZoneById(ClinicSettings.DefaultTimeZone);
    }

    public static bool IsKnownZone(string? id) => !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
