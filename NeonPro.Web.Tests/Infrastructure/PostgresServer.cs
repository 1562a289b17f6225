using System.Diagnostics;
using Npgsql;

namespace NeonPro.Web.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL server for the test run: initdb into a temporary folder, pg_ctl start on a free loopback port,
/// stopped and deleted when the test process exits. Needs the Debian package (`apt-get install -y postgresql`; .ci/run
/// installs it). Run as root, the server runs as the postgres system user, because PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    public static PostgresServer Instance => Shared.Value;

    private readonly string bin;
    private readonly string folder;
    private readonly string? runAs;

    public int Port { get; }

    private PostgresServer(string bin, string folder, string? runAs, int port)
    {
        this.bin = bin;
        this.folder = folder;
        this.runAs = runAs;
        Port = port;
    }

    /// <summary>A new, empty database on the shared server; the connection string the app gets.</summary>
    public string CreateDatabase()
    {
        var name = "neonpro_" + Guid.NewGuid().ToString("N");
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=neonpro;Database={database};Pooling=true;Maximum Pool Size=40";

    private static PostgresServer Start()
    {
        var bin = FindBin() ?? throw new InvalidOperationException(
            "PostgreSQL is needed by the PostgreSQL tests and was not found (looked for initdb in /usr/lib/postgresql/*/bin and on PATH). " +
            "Install it with `apt-get install -y postgresql`; .ci/run does this.");
        var folder = Path.Combine(Path.GetTempPath(), "neonpro-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        if (runAs is not null) Run("chown", $"{runAs} {folder}", null);

        var port = LoopbackPorts.Free();
        var server = new PostgresServer(bin, folder, runAs, port);
        var data = Path.Combine(folder, "data");
        server.Pg("initdb", $"-D {data} -U neonpro --auth=trust -E UTF8 --locale=C.UTF-8");
        // Durability is not what these tests are about; speed is welcome.
        server.Pg("pg_ctl", $"-D {data} -l {Path.Combine(folder, "server.log")} -w -t 60 -o \"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private void Stop()
    {
        try
        {
            Pg("pg_ctl", $"-D {Path.Combine(folder, "data")} -m immediate stop");
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // The process is exiting; a leftover temporary folder is not worth failing the run for.
        }
    }

    private void Pg(string tool, string arguments) => Run(Path.Combine(bin, tool), arguments, runAs);

    private static void Run(string file, string arguments, string? runAs)
    {
        var start = runAs is null
            ? new ProcessStartInfo(file, arguments)
            : new ProcessStartInfo("runuser", $"-u {runAs} -- {file} {arguments}");
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} {arguments} did not finish in 2 minutes.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}:\n{output.Result}\n{error.Result}");
    }

    private static string? FindBin()
    {
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            var newest = Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault();
            if (newest is not null) return newest;
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")));
    }
}

/// <summary>The whole app on its own database of the shared PostgreSQL test server.</summary>
public sealed class PostgresNeonProFactory : NeonProFactory
{
    private readonly string connectionString = PostgresServer.Instance.CreateDatabase();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:NeonPro"] = connectionString,
    };
}
