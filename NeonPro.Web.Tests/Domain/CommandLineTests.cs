using NeonPro.Web.Infrastructure.Cli;

namespace NeonPro.Web.Tests.Domain;

public class CommandLineTests
{
    [Fact]
    public void A_verb_keeps_its_own_options_away_from_the_host()
    {
        var host = CommandLine.HostArguments(["create-admin", "--email", "a@b.c", "--password", "x y z w v u t"]);
        Assert.Equal(["--NeonPro:Command=create-admin"], host);
    }

    [Fact]
    public void Configuration_overrides_pass_through_to_the_host()
    {
        var host = CommandLine.HostArguments(["seed-demo", "--size", "large", "--NeonPro:DataFolder=/tmp/x"]);
        Assert.Equal(["--NeonPro:Command=seed-demo", "--NeonPro:DataFolder=/tmp/x"], host);
    }

    [Fact]
    public void Db_script_for_postgres_selects_the_provider_without_a_real_connection()
    {
        var host = CommandLine.HostArguments(["db-script", "--provider", "postgres"]);
        Assert.Contains("--Database:Provider=postgres", host);
        Assert.Contains(host, a => a.StartsWith("--ConnectionStrings:NeonPro=", StringComparison.Ordinal));
    }

    [Fact]
    public void Db_script_for_sqlserver_gives_a_placeholder_connection_string_in_SQL_Server_syntax()
    {
        var host = CommandLine.HostArguments(["db-script", "--provider", "sqlserver"]);
        Assert.Contains("--Database:Provider=sqlserver", host);
        const string prefix = "--ConnectionStrings:NeonPro=";
        var connectionString = Assert.Single(host, a => a.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];
        // SqlClient refuses PostgreSQL's keywords (Host=...); this must be one it reads.
        Assert.Equal("neonpro", new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString).InitialCatalog);
    }

    [Fact]
    public void Serving_arguments_are_left_alone()
    {
        string[] args = ["--urls", "http://127.0.0.1:5000"];
        Assert.False(CommandLine.IsCommand(args));
        Assert.Same(args, CommandLine.HostArguments(args));
    }
}
