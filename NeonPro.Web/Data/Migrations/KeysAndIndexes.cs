using Microsoft.EntityFrameworkCore.Migrations;

namespace NeonPro.Web.Data.Migrations;

/// <summary>Per-engine column facts the hand-written migrations cannot leave to the type mapping.</summary>
internal static class KeysAndIndexes
{
    /// <summary>
    /// The length of a string key, foreign key or indexed column that the model leaves unbounded (Identity's ids).
    /// SQL Server cannot key or index nvarchar(max), so EF's model makes them nvarchar(450) there (900 bytes, the
    /// index key limit); a hand-written migration has no model to ask, so it says so itself. SQLite and PostgreSQL
    /// keep unbounded text, as the model does.
    /// </summary>
    public static int? UnboundedKeyLength(this MigrationBuilder migrationBuilder) =>
        DatabaseProviders.FromProviderName(migrationBuilder.ActiveProvider) switch
        {
            DatabaseProvider.SqlServer => 450,
            DatabaseProvider.Sqlite or DatabaseProvider.Postgres => null,
            var unknown => throw DatabaseProviders.Unknown(unknown),
        };

    /// <summary>
    /// The filter of a unique index whose columns are all NOT NULL: none, said as an empty filter rather than null.
    /// With null and no model to read nullability from, SQL Server's migration SQL falls back to its pre-2.0 habit of
    /// filtering a unique index on "IS NOT NULL" for every column, which the model does only for nullable columns
    /// (there the filter lets many rows have no value, as on the other engines). SQLite and PostgreSQL write no
    /// filter either way.
    /// </summary>
    public const string NoFilter = "";
}
