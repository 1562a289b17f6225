using System.Diagnostics;
using System.Globalization;

namespace NeonPro.Web.Infrastructure.Web;

/// <summary>
/// The Server-Timing header (https://www.w3.org/TR/server-timing/) for the screens a receptionist waits on. The
/// benchmarks read it, and so can the browser's developer tools at a clinic that finds a screen slow.
/// </summary>
public static class ServerTiming
{
    /// <summary>
    /// Starts timing now and writes "<paramref name="metric"/>;dur=ms" when the response starts. A Razor partial is
    /// rendered into a buffer before its first byte goes out, so the figure covers the queries and the rendering.
    /// </summary>
    public static void TimeFromHere(this HttpResponse response, string metric)
    {
        var clock = Stopwatch.StartNew();
        response.OnStarting(() =>
        {
            response.Headers.Append("Server-Timing",
                metric + ";dur=" + clock.Elapsed.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture));
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Adds "<paramref name="metric"/>;dur=ms" for the time <paramref name="work"/> took, before the response starts,
    /// so it comes before the total of <see cref="TimeFromHere"/> (written last, when the response starts): the total
    /// less this part is what the rest (the rendering) took.
    /// </summary>
    public static async Task TimePartAsync(this HttpResponse response, string metric, Func<Task> work)
    {
        var clock = Stopwatch.StartNew();
        await work();
        response.Headers.Append("Server-Timing", metric + ";dur=" + clock.Elapsed.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture));
    }
}
