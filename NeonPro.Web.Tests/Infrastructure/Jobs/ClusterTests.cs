using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Jobs;
using NeonPro.Web.Tests.Features.Scheduling;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace NeonPro.Web.Tests.Infrastructure.Jobs;

/// <summary>
/// Two real app processes (the built NeonPro.Web.dll on Kestrel) on one private PostgreSQL database, clustered through
/// Quartz's job store: each fire runs on one node only, a node killed with SIGKILL leaves no fire unrun, and bookings
/// sent to both nodes at once still make exactly one appointment. The in-process factory on the same database only
/// arranges data and reads results; its own scheduler is off. The two nodes start once for the class (a cold start
/// takes a while on two busy cores); the bookings run first, because the heartbeat test kills a node.
/// </summary>
[TestCaseOrderer("NeonPro.Web.Tests.Infrastructure.Jobs.ClusterTests+ByName", "NeonPro.Web.Tests")]
public sealed class ClusterTests(ClusterTests.Database database) : IClassFixture<ClusterTests.Database>
{
    /// <summary>Runs the class's tests in the order of their names.</summary>
    public sealed class ByName : ITestCaseOrderer
    {
        public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
            testCases.OrderBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);
    }

    /// <summary>The shared database with the two app nodes on it, and an in-process app (no scheduler) to arrange and inspect.</summary>
    public sealed class Database : NeonProFactory, IAsyncLifetime
    {
        internal AppNode First { get; private set; } = null!;
        internal AppNode Second { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _ = Services; // migrated before the nodes start
            First = AppNode.Start(this);
            Second = AppNode.Start(this);
            await Task.WhenAll(First.WaitUntilHealthyAsync(), Second.WaitUntilHealthyAsync());
        }

        async Task IAsyncLifetime.DisposeAsync()
        {
            await First.DisposeAsync();
            await Second.DisposeAsync();
        }

        public string ConnectionString { get; } = PostgresServer.Instance.CreateDatabase();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:NeonPro"] = ConnectionString,
            ["Jobs:RunScheduler"] = "false",
        };
    }

    [Fact]
    public async Task Two_nodes_run_every_heartbeat_once_and_the_survivor_takes_over_when_one_is_killed()
    {
        var (first, second) = (database.First, database.Second);
        // Both nodes have (re)scheduled the heartbeat at their start; from here on its fires are on one grid.
        var started = DateTime.UtcNow;
        var from = started.AddSeconds(3);

        await Task.Delay(TimeSpan.FromSeconds(13));
        var victim = await LastNodeAsync() == second.Name ? second : first;
        var survivor = victim == first ? second : first;
        victim.Kill();
        var killedAt = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(30) - (DateTime.UtcNow - started));
        var until = DateTime.UtcNow.AddSeconds(-3); // a fire due in the last seconds may still be running

        await using var db = database.NewDbContext();
        var checkIns = await db.ClusterCheckIns.AsNoTracking().Where(c => c.ScheduledAtUtc >= from && c.ScheduledAtUtc <= until)
            .OrderBy(c => c.ScheduledAtUtc).ToListAsync();
        var runs = await db.JobRuns.AsNoTracking().Where(r => r.Job == "maintenance.cluster-check-in" && r.ScheduledAtUtc >= from && r.ScheduledAtUtc <= until).ToListAsync();
        var report = string.Join("\n", checkIns.Select(c => $"{c.ScheduledAtUtc:HH:mm:ss.fff} {c.Node}")) + $"\nkilled {victim.Name} at {killedAt:HH:mm:ss.fff}\n"
            + string.Join("\n", runs.OrderBy(r => r.ScheduledAtUtc).Select(r => $"run {r.ScheduledAtUtc:HH:mm:ss.fff} {r.Node} {r.Outcome} {r.Summary} {r.Error}"));

        Assert.True(checkIns.Count >= 10, report);
        // None missing: the fires' due times step by exactly the interval, also across the kill.
        Assert.All(checkIns.Zip(checkIns.Skip(1)), pair => Assert.True(pair.Second.ScheduledAtUtc - pair.First.ScheduledAtUtc == TimeSpan.FromSeconds(2), report));
        // None twice: one run per fire, each a success (a second run of a fire would have found the key taken).
        Assert.True(runs.GroupBy(r => r.ScheduledAtUtc).All(g => g.Count() == 1), report);
        Assert.All(runs, r => Assert.Equal(JobOutcome.Succeeded, r.Outcome));
        Assert.Equal(checkIns.Count, runs.Count);
        // The survivor answered every fire due a little after the kill (its check-in finds the dead node silent).
        Assert.All(checkIns.Where(c => c.ScheduledAtUtc > killedAt.AddSeconds(1)), c => Assert.Equal(survivor.Name, c.Node));
        Assert.Contains(checkIns, c => c.ScheduledAtUtc > killedAt.AddSeconds(1));

        // The node that ran the latest fire: killing it proves the other one takes over, not merely carries on.
        async Task<string?> LastNodeAsync()
        {
            await using var db = database.NewDbContext();
            return await db.ClusterCheckIns.OrderByDescending(c => c.ScheduledAtUtc).Select(c => c.Node).FirstOrDefaultAsync();
        }
    }

    [Fact]
    public async Task Twenty_conflicting_bookings_split_across_two_nodes_make_exactly_one_appointment()
    {
        var world = await SchedulingWorld.CreateAsync(database, patients: 20);
        var receptionist = await database.CreateStaffAsync(Roles.Receptionist);
        var (first, second) = (database.First, database.Second);

        // One browser: cookies are per host, not per port, so the sign-in made on one node travels to the other, and the
        // key ring both nodes share in the database reads it there (and the antiforgery token with it).
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = first.BaseAddress };
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(receptionist.Email!, NeonProFactory.TestPassword)).StatusCode);
        var token = (await browser.GetDocumentAsync("/Scheduling")).AntiforgeryToken();

        var start = SchedulingWorld.NextMondayUtc(15);
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var node = i % 2 == 0 ? first : second;
            var fields = world.BookingFields(world.PatientIds[i], start.AddMinutes(i % 4 * 15));
            fields.Add(new("__RequestVerificationToken", token));
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node.BaseAddress, "/Scheduling?handler=Book")) { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Add("HX-Request", "true");
            var response = await browser.SendAsync(request);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        var clashes = answers.Where(a => a.StatusCode == HttpStatusCode.Conflict).ToList();
        Assert.Equal(19, clashes.Count);
        Assert.All(clashes, c => Assert.Contains("já tem um agendamento", FormPosting.Text(c.Body)));
        await using var db = database.NewDbContext();
        Assert.Equal(1, await db.Appointments.CountAsync(a => a.ProfessionalId == world.ProfessionalId));
    }

    /// <summary>One app node: `dotnet NeonPro.Web.dll` from the test output, on its own port, on the shared database.</summary>
    internal sealed class AppNode : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _log = new();

        public Uri BaseAddress { get; }
        /// <summary>The node's name in the cluster (Jobs:NodeName), as its check-ins and runs record it.</summary>
        public string Name { get; }

        private AppNode(Process process, Uri baseAddress, string name)
        {
            _process = process;
            BaseAddress = baseAddress;
            Name = name;
        }

        public static AppNode Start(Database database)
        {
            var port = LoopbackPorts.Free();
            var name = $"node{port}";
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[]
                     {
                         Path.Combine(AppContext.BaseDirectory, "NeonPro.Web.dll"), "--urls", $"http://127.0.0.1:{port}",
                         "--Database:Provider=Postgres", $"--ConnectionStrings:NeonPro={database.ConnectionString}",
                         $"--NeonPro:DataFolder={database.DataFolder}", "--Security:SignInAttemptsPerMinutePerIp=10000",
                         // The heartbeat every 2 s, and a dead node noticed within a few seconds.
                         "--Jobs:HeartbeatSeconds=2", "--Jobs:ClusterCheckinSeconds=1", $"--Jobs:NodeName={name}",
                         "--Logging:LogLevel:Default=Warning",
                     })
                start.ArgumentList.Add(arg);
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
            var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
            var node = new AppNode(process, new Uri($"http://127.0.0.1:{port}"), name);
            process.OutputDataReceived += (_, e) => { lock (node._log) node._log.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (node._log) node._log.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return node;
        }

        public async Task WaitUntilHealthyAsync()
        {
            using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            // Two cores shared with the rest of the test run: a cold start can take a while.
            var deadline = DateTime.UtcNow.AddSeconds(120);
            var last = "no answer";
            while (true)
            {
                Assert.False(_process.HasExited, $"{Name} exited:\n{Log}");
                try
                {
                    using var response = await client.GetAsync("/health");
                    if (response.IsSuccessStatusCode) return;
                    last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                }
                catch (HttpRequestException e) { last = e.Message; /* not listening yet */ }
                catch (TaskCanceledException) { last = "timed out"; /* busy starting */ }
                Assert.True(DateTime.UtcNow < deadline, $"{Name} did not become healthy (last: {last}):\n{Log}");
                await Task.Delay(250);
            }
        }

        /// <summary>SIGKILL: no shutdown, no goodbye to the cluster; the others must notice on their own.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public string Log { get { lock (_log) return _log.ToString(); } }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }
    }
}
