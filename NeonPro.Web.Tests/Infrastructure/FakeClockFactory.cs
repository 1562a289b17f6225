using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Tests.Infrastructure;

/// <summary>
/// The app on a clock the test holds (FakeTimeProvider), for tests whose outcome depends on the day or the hour:
/// "hoje", LGPD deadlines, lapsing cards, booking windows. It starts at a fixed point of the clinic's week, Tuesday
/// 10:00 in São Paulo of the current week, so such a test answers the same at midnight and on a Sunday; a test moves
/// it with <see cref="FakeTimeProvider.Advance"/>. The point stays near the real date on purpose: framework parts
/// that read the machine's clock (Identity's authenticator codes, the data-protection key ring) keep agreeing.
/// </summary>
public class FakeClockFactory : NeonProFactory
{
    public FakeTimeProvider Clock { get; } = new(TuesdayMorningOfTheWeekOf(DateTimeOffset.UtcNow));

    /// <summary>Tuesday 10:00 in the clinic's default zone of the Monday-to-Sunday week holding the given instant.</summary>
    public static DateTimeOffset TuesdayMorningOfTheWeekOf(DateTimeOffset instant)
    {
        var zone = ClinicClock.FindZone(null);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var monday = DateOnly.FromDateTime(local.DateTime).AddDays(-(((int)local.DayOfWeek + 6) % 7));
        var tuesdayMorning = monday.AddDays(1).ToDateTime(new TimeOnly(10, 0));
        return new DateTimeOffset(tuesdayMorning, zone.GetUtcOffset(tuesdayMorning));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}
