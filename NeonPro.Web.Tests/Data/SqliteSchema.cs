using Microsoft.Data.Sqlite;

namespace NeonPro.Web.Tests.Data;

/// <summary>A SQLite database's schema read from its catalog, in a form two databases can be compared by.</summary>
public static class SqliteSchema
{
    public static SortedDictionary<string, string> Describe(string databasePath)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        using var conn = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        conn.Open();
        // Quartz's QRTZ_ tables are Quartz's schema, created by DDL in our migrations, not by the model (QuartzSchema says why).
        var tables = Query(conn, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock') AND name NOT LIKE 'QRTZ!_%' ESCAPE '!' ORDER BY name")
            .Select(r => r[0]).ToList();
        foreach (var table in tables)
        {
            foreach (var c in Query(conn, $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')"))
                result[$"{table}.column.{c[0]}"] = $"type={c[1]} notnull={c[2]} default={c[3]} pk={c[4]}";
            foreach (var ix in Query(conn, $"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{table}')"))
            {
                var cols = string.Join(",", Query(conn, $"SELECT name FROM pragma_index_info('{ix[0]}') ORDER BY seqno").Select(r => r[0]));
                var filter = Query(conn, $"SELECT sql FROM sqlite_master WHERE type='index' AND name='{ix[0]}'").Select(r => r[0]).FirstOrDefault();
                var where = filter?.Contains(" WHERE ", StringComparison.OrdinalIgnoreCase) == true ? filter[filter.IndexOf(" WHERE ", StringComparison.OrdinalIgnoreCase)..] : "";
                // Auto-indexes for primary keys are named by SQLite itself; key them by their columns instead.
                var name = ix[0]!.StartsWith("sqlite_autoindex", StringComparison.Ordinal) ? $"auto({cols})" : ix[0];
                result[$"{table}.index.{name}"] = $"unique={ix[1]} origin={ix[2]} columns={cols}{where}";
            }
            foreach (var fk in Query(conn, $"SELECT \"table\", \"from\", \"to\", on_delete, on_update FROM pragma_foreign_key_list('{table}')"))
                result[$"{table}.fk.{fk[1]}->{fk[0]}.{fk[2]}"] = $"on_delete={fk[3]} on_update={fk[4]}";
        }
        return result;
    }

    /// <summary>The rows of a query as text (invariant culture), null for NULL.</summary>
    internal static List<string?[]> Query(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<string?[]>();
        while (r.Read())
        {
            var row = new string?[r.FieldCount];
            for (var i = 0; i < r.FieldCount; i++) row[i] = r.IsDBNull(i) ? null : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            rows.Add(row);
        }
        return rows;
    }
}
