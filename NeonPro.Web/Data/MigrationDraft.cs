using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace NeonPro.Web.Data;

/// <summary>
/// A developer's aid, since `dotnet ef migrations add` cannot run here (EF's design-time package does not
/// restore): `dotnet run --project NeonPro.Web -- migration-draft Table1 Table2` prints the provider-neutral
/// CreateTable/CreateIndex code for those tables as the model defines them, to paste into a hand-written
/// migration. The migration-parity test then proves the migration matches the model.
/// </summary>
public static class MigrationDraft
{
    public static int Print(IServiceProvider services, string[] tables, TextWriter output)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NeonProDbContext>();
        var model = db.GetService<IDesignTimeModel>().Model;
        var ops = db.GetService<IMigrationsModelDiffer>().GetDifferences(null, model.GetRelationalModel());
        var wanted = new HashSet<string>(tables, StringComparer.OrdinalIgnoreCase);
        var sb = new StringBuilder();
        foreach (var op in ops)
        {
            switch (op)
            {
                case CreateTableOperation t when wanted.Count == 0 || wanted.Contains(t.Name):
                    WriteTable(sb, t);
                    break;
                case CreateIndexOperation i when wanted.Count == 0 || wanted.Contains(i.Table):
                    WriteIndex(sb, i);
                    break;
            }
        }
        output.Write(sb.ToString());
        return 0;
    }

    private static void WriteTable(StringBuilder sb, CreateTableOperation t)
    {
        sb.AppendLine($"        migrationBuilder.CreateTable(");
        sb.AppendLine($"            name: \"{t.Name}\",");
        sb.AppendLine($"            columns: table => new");
        sb.AppendLine($"            {{");
        foreach (var c in t.Columns)
        {
            var type = TypeName(c.ClrType);
            var args = new List<string> { $"nullable: {Bool(c.IsNullable)}" };
            if (c.MaxLength is { } ml) args.Add($"maxLength: {ml}");
            if (c.IsUnicode == false) args.Add("unicode: false");
            if (c.IsFixedLength == true) args.Add("fixedLength: true");
            if (c.Precision is { } p) args.Add($"precision: {p}");
            if (c.Scale is { } s) args.Add($"scale: {s}");
            var line = $"                {c.Name} = table.Column<{type}>({string.Join(", ", args)})";
            if (c.FindAnnotation("Sqlite:Autoincrement")?.Value is true || c.FindAnnotation("Npgsql:ValueGenerationStrategy") is not null || c.FindAnnotation("SqlServer:Identity") is not null)
                line += "\n                    .Annotation(\"Sqlite:Autoincrement\", true)\n                    .Annotation(\"SqlServer:Identity\", \"1, 1\")\n                    .Annotation(\"Npgsql:ValueGenerationStrategy\", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)";
            sb.AppendLine(line + ",");
        }
        sb.AppendLine($"            }},");
        sb.AppendLine($"            constraints: table =>");
        sb.AppendLine($"            {{");
        if (t.PrimaryKey is { } pk)
            sb.AppendLine($"                table.PrimaryKey(\"{pk.Name}\", {Columns("x", pk.Columns)});");
        foreach (var fk in t.ForeignKeys)
        {
            sb.AppendLine($"                table.ForeignKey(");
            sb.AppendLine($"                    name: \"{fk.Name}\",");
            sb.AppendLine($"                    column{(fk.Columns.Length > 1 ? "s" : "")}: {Columns("x", fk.Columns)},");
            sb.AppendLine($"                    principalTable: \"{fk.PrincipalTable}\",");
            sb.AppendLine($"                    principalColumn{(fk.PrincipalColumns!.Length > 1 ? "s: new[] { " + string.Join(", ", fk.PrincipalColumns.Select(q => $"\"{q}\"")) + " }" : $": \"{fk.PrincipalColumns[0]}\"")},");
            sb.AppendLine($"                    onDelete: ReferentialAction.{fk.OnDelete});");
        }
        foreach (var uc in t.UniqueConstraints)
            sb.AppendLine($"                table.UniqueConstraint(\"{uc.Name}\", {Columns("x", uc.Columns)});");
        sb.AppendLine($"            }});");
        sb.AppendLine();
    }

    private static void WriteIndex(StringBuilder sb, CreateIndexOperation i)
    {
        var args = new List<string>
        {
            $"name: \"{i.Name}\"",
            $"table: \"{i.Table}\"",
            i.Columns.Length == 1
                ? $"column: \"{i.Columns[0]}\""
                : $"columns: new[] {{ {string.Join(", ", i.Columns.Select(c => $"\"{c}\""))} }}",
        };
        if (i.IsUnique) args.Add("unique: true");
        if (i.Filter is not null) args.Add($"filter: \"{i.Filter.Replace("\"", "\\\"")}\"");
        sb.AppendLine("        migrationBuilder.CreateIndex(");
        sb.AppendLine(string.Join(",\n", args.Select(x => "            " + x)) + ");");
        sb.AppendLine();
    }

    private static string Columns(string _, string[] cols) =>
        cols.Length == 1 ? $"x => x.{cols[0]}" : $"x => new {{ {string.Join(", ", cols.Select(c => "x." + c))} }}";

    private static string Bool(bool b) => b ? "true" : "false";

    private static string TypeName(Type t)
    {
        var nullable = Nullable.GetUnderlyingType(t);
        if (nullable is not null) return TypeName(nullable) + "?";
        return t switch
        {
            _ when t == typeof(string) => "string",
            _ when t == typeof(int) => "int",
            _ when t == typeof(long) => "long",
            _ when t == typeof(short) => "short",
            _ when t == typeof(bool) => "bool",
            _ when t == typeof(decimal) => "decimal",
            _ when t == typeof(double) => "double",
            _ when t == typeof(byte[]) => "byte[]",
            _ => t.Name,
        };
    }
}
