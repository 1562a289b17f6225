using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using NeonPro.Web.Data;

namespace NeonPro.Web.Tests.Data;

/// <summary>Every engine-specific decision refuses an engine it does not know instead of taking another engine's branch.</summary>
public sealed class DatabaseProviderTests
{
    private const DatabaseProvider NotAnEngine = (DatabaseProvider)42;

    [Fact]
    public void Configuring_an_unknown_provider_throws()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            DatabaseProviders.Configure(new DbContextOptionsBuilder<NeonProDbContext>(), new DatabaseOptions { Provider = NotAnEngine, ConnectionString = "x" }));
        Assert.Equal("Unknown database provider 42", e.Message);
    }

    [Fact]
    public async Task Erasure_follow_up_for_an_unknown_provider_throws()
    {
        var builder = new DbContextOptionsBuilder<NeonProDbContext>();
        DatabaseProviders.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=:memory:" });
        await using var db = new NeonProDbContext(builder.Options);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DatabaseProviders.MakeErasedDataUnrecoverableAsync(NotAnEngine, db, NullLogger.Instance, CancellationToken.None));
    }

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore.Sqlite", DatabaseProvider.Sqlite)]
    [InlineData("Npgsql.EntityFrameworkCore.PostgreSQL", DatabaseProvider.Postgres)]
    [InlineData("Microsoft.EntityFrameworkCore.SqlServer", DatabaseProvider.SqlServer)]
    public void Each_EF_provider_maps_to_its_engine(string providerName, DatabaseProvider expected) =>
        Assert.Equal(expected, DatabaseProviders.FromProviderName(providerName));

    [Fact]
    public void An_EF_provider_of_another_engine_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => DatabaseProviders.FromProviderName("Pomelo.EntityFrameworkCore.MySql"));

    [Theory]
    [InlineData("SqlServer", DatabaseProvider.SqlServer)]
    [InlineData("sqlserver", DatabaseProvider.SqlServer)]
    [InlineData("Postgres", DatabaseProvider.Postgres)]
    [InlineData("", DatabaseProvider.Sqlite)]
    public void Configured_provider_names_are_read(string value, DatabaseProvider expected) =>
        Assert.Equal(expected, DatabaseProviders.ParseProvider(value));

    [Theory]
    [InlineData("Oracle")]
    [InlineData("7")]
    public void A_configured_provider_that_names_no_engine_stops_the_app_instead_of_falling_back_to_SQLite(string value)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = value,
            ["ConnectionStrings:NeonPro"] = "Server=db;Database=neonpro",
        }).Build();
        var e = Assert.Throws<InvalidOperationException>(() => DatabaseProviders.ReadOptions(config, Path.GetTempPath()));
        Assert.Contains($"Unknown database provider {value}", e.Message);
    }

    [Fact]
    public void SqlServer_is_configured_with_its_connection_string()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:NeonPro"] = "Server=sql01;Database=neonpro;Integrated Security=True;TrustServerCertificate=True",
        }).Build();
        var options = DatabaseProviders.ReadOptions(config, Path.GetTempPath());
        var builder = new DbContextOptionsBuilder<NeonProDbContext>();
        DatabaseProviders.Configure(builder, options);
        using var db = new NeonProDbContext(builder.Options);
        Assert.Equal(DatabaseProvider.SqlServer, DatabaseProviders.ProviderOf(db));
        var connection = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(db.Database.GetConnectionString());
        Assert.Equal(("sql01", "neonpro"), (connection.DataSource, connection.InitialCatalog));
    }
}
