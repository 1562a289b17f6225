using System.Diagnostics;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Data;

/// <summary>
/// What a developer types, run as they would: the pinned `dotnet ef` (.config/dotnet-tools.json) finds the one context,
/// builds it for each engine through the design-time factory, and finds no model change without a migration.
/// </summary>
public sealed class DotnetEfToolTests
{
    private static readonly Lazy<Task> ToolRestored = new(() => RunAsync("tool restore"));

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    [InlineData("sqlserver")]
    public async Task Dotnet_ef_has_pending_model_changes_says_none_for_each_engine(string provider)
    {
        await ToolRestored.Value;
        // The test run has already built NeonPro.Web in this configuration; --no-build reads that build.
        var output = await RunAsync(
            $"ef migrations has-pending-model-changes --project NeonPro.Web --no-build --configuration {Configuration} -- --provider {provider}");
        Assert.Contains("No changes have been made to the model since the last migration.", output);
    }

    private static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>Runs `dotnet ARGS` in the repository; the exit code must be 0. Returns what it printed.</summary>
    private static async Task<string> RunAsync(string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"dotnet {arguments} exited {process.ExitCode}:\n{output}");
        return output;
    }
}
