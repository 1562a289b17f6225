namespace NeonPro.Web.Tests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The folder holding NeonPro.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NeonPro.sln"))) dir = dir.Parent;
        // Built with --artifacts-path outside the tree: fall back to the source location compiled in.
        return dir?.FullName ?? Path.GetFullPath(Path.Combine(ThisFileFolder(), "..", ".."));
    }

    private static string ThisFileFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
