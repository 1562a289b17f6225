using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using NeonPro.Web.Data;
using NeonPro.Web.Infrastructure.Jobs;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Data;

/// <summary>
/// No SQL Server can run here, so its SQL is checked the way a server would first see it: database/sqlserver.sql (what
/// the migrations generate, kept fresh by MigrationParityTests) must parse as T-SQL and create every table, column
/// type, index and foreign key the model has for SQL Server; the lock statement must parse and be the
/// transaction-owned sp_getapplock the booking and the audit chain rely on.
/// </summary>
public sealed class SqlServerScriptTests
{
    private static (TSqlFragment Fragment, IList<ParseError> Errors, string Text) Parse(string sql)
    {
        // The script separates its batches with GO lines; the parser splits on them itself, as sqlcmd does.
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);
        return (fragment, errors, sql);
    }

    private static string Describe(IEnumerable<ParseError> errors) =>
        string.Join("\n", errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}"));

    private static IRelationalModel SqlServerModel()
    {
        var builder = new DbContextOptionsBuilder<NeonProDbContext>();
        // Reading the model opens no connection; the server named here need not exist.
        DatabaseProviders.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.SqlServer, ConnectionString = "Server=unused;Database=neonpro" });
        using var db = new NeonProDbContext(builder.Options);
        return db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
    }

    /// <summary>What the script creates, read from the parsed statements (names as the script spells them).</summary>
    private sealed class ScriptSchema : TSqlFragmentVisitor
    {
        private readonly string _text;
        public ScriptSchema(string text) => _text = text;
        public Dictionary<string, Dictionary<string, string>> Columns { get; } = new(StringComparer.Ordinal);
        /// <summary>Each index with its filter (WHERE ...) as written, or null.</summary>
        public Dictionary<(string Table, string Index), string?> Indexes { get; } = [];
        public HashSet<(string Table, string ForeignKey)> ForeignKeys { get; } = [];
        public HashSet<(string Table, string Column)> IdentityColumns { get; } = [];

        public override void Visit(CreateTableStatement node)
        {
            var table = node.SchemaObjectName.BaseIdentifier.Value;
            Columns[table] = new(StringComparer.Ordinal);
            Add(table, node.Definition);
        }

        public override void Visit(AlterTableAddTableElementStatement node) =>
            Add(node.SchemaObjectName.BaseIdentifier.Value, node.Definition);

        public override void Visit(CreateIndexStatement node) =>
            Indexes[(node.OnName.BaseIdentifier.Value, node.Name.Value)] =
                node.FilterPredicate is { } filter ? _text.Substring(filter.StartOffset, filter.FragmentLength) : null;

        private void Add(string table, TableDefinition definition)
        {
            if (!Columns.TryGetValue(table, out var columns)) Columns[table] = columns = new(StringComparer.Ordinal);
            foreach (var column in definition.ColumnDefinitions)
            {
                columns[column.ColumnIdentifier.Value] = _text.Substring(column.DataType.StartOffset, column.DataType.FragmentLength);
                if (column.IdentityOptions is not null) IdentityColumns.Add((table, column.ColumnIdentifier.Value));
            }
            foreach (var fk in definition.TableConstraints.OfType<ForeignKeyConstraintDefinition>())
                ForeignKeys.Add((table, fk.ConstraintIdentifier.Value));
        }
    }

    private static ScriptSchema ReadCommittedScript()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "database", "sqlserver.sql"));
        var (fragment, errors, _) = Parse(text);
        Assert.True(errors.Count == 0, "database/sqlserver.sql is not valid T-SQL:\n" + Describe(errors));
        var schema = new ScriptSchema(text);
        fragment.Accept(schema);
        return schema;
    }

    [Fact]
    public void Schema_script_parses_as_T_SQL_without_errors()
    {
        var schema = ReadCommittedScript();
        Assert.True(schema.Columns.Count > 20, $"expected a real schema, found {schema.Columns.Count} tables");
    }

    [Fact]
    public void Quartz_tables_parse_as_T_SQL_and_the_schema_script_creates_every_one()
    {
        foreach (var statement in QuartzSchema.CreateStatements(DatabaseProvider.SqlServer))
        {
            var (_, errors, _) = Parse(statement);
            Assert.True(errors.Count == 0, $"not valid T-SQL:\n{statement}\n{Describe(errors)}");
        }
        var script = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "database", "sqlserver.sql"));
        Assert.All(QuartzSchema.TableNames, t => Assert.Contains($"CREATE TABLE {QuartzSchema.TablePrefix}{t} (", script));
    }

    [Fact]
    public void Schema_script_creates_every_table_and_column_of_the_model_with_its_SQL_Server_type_and_identity()
    {
        var schema = ReadCommittedScript();
        var problems = new List<string>();
        foreach (var table in SqlServerModel().Tables)
        {
            if (!schema.Columns.TryGetValue(table.Name, out var columns)) { problems.Add($"table {table.Name} is not created"); continue; }
            foreach (var column in table.Columns)
            {
                if (!columns.TryGetValue(column.Name, out var type)) problems.Add($"column {table.Name}.{column.Name} is not created");
                else if (!string.Equals(type, column.StoreType, StringComparison.OrdinalIgnoreCase))
                    problems.Add($"column {table.Name}.{column.Name} is {type} in the script, {column.StoreType} in the model");
                // A key the database numbers (IDENTITY) must be one in the script too, or every insert fails.
                var identity = column.FindAnnotation("SqlServer:Identity") is not null;
                if (identity != schema.IdentityColumns.Contains((table.Name, column.Name)))
                    problems.Add($"column {table.Name}.{column.Name} is {(identity ? "" : "not ")}an IDENTITY column in the model, but {(identity ? "not " : "")}in the script");
            }
        }
        Assert.True(problems.Count == 0, "database/sqlserver.sql does not build the model's schema:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Schema_script_creates_every_index_and_foreign_key_of_the_model()
    {
        var schema = ReadCommittedScript();
        var model = SqlServerModel();
        var indexes = model.Tables.SelectMany(t => t.Indexes.Select(i => (Table: t.Name, i.Name, i.Filter))).ToList();
        var foreignKeys = model.Tables.SelectMany(t => t.ForeignKeyConstraints.Select(fk => (t.Name, fk.Name))).ToList();
        Assert.NotEmpty(indexes);
        Assert.NotEmpty(foreignKeys);
        var missing = indexes.Where(i => !schema.Indexes.ContainsKey((i.Table, i.Name))).Select(i => $"index {i.Name} on {i.Table}")
            .Concat(foreignKeys.Where(fk => !schema.ForeignKeys.Contains(fk)).Select(fk => $"foreign key {fk.Item2} on {fk.Item1}"))
            .ToList();
        Assert.True(missing.Count == 0, "database/sqlserver.sql lacks:\n" + string.Join("\n", missing));

        // A unique index filtered on IS NOT NULL lets many rows lack the value (a patient without CPF); one without
        // the filter allows a single NULL. The script must filter exactly where the model does.
        var filters = indexes.Where(i => schema.Indexes[(i.Table, i.Name)] != i.Filter)
            .Select(i => $"index {i.Name} on {i.Table}: filter {schema.Indexes[(i.Table, i.Name)] ?? "none"} in the script, {i.Filter ?? "none"} in the model")
            .ToList();
        Assert.True(filters.Count == 0, "database/sqlserver.sql filters indexes differently from the model:\n" + string.Join("\n", filters));
    }

    [Fact]
    public void Lock_statement_is_a_transaction_owned_exclusive_sp_getapplock_whose_result_is_read()
    {
        var (sql, resource, result) = SqlServerAppLock.Command(SqlServerAppLock.AuditChainResource);
        var (fragment, errors, _) = Parse(sql);
        Assert.True(errors.Count == 0, Describe(errors));

        var statement = Assert.Single(Assert.Single(((TSqlScript)fragment).Batches).Statements);
        var spec = Assert.IsType<ExecuteStatement>(statement).ExecuteSpecification;
        // EXEC @result = ...: the return code comes back in the output parameter the app checks.
        Assert.Equal(result.ParameterName, spec.Variable?.Name);
        var procedure = Assert.IsType<ExecutableProcedureReference>(spec.ExecutableEntity);
        Assert.Equal("sp_getapplock", procedure.ProcedureReference.ProcedureReference.Name.BaseIdentifier.Value);

        var arguments = procedure.Parameters.ToDictionary(p => p.Variable.Name, p => p.ParameterValue, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(resource.ParameterName, Assert.IsType<VariableReference>(arguments["@Resource"]).Name);
        Assert.Equal("Exclusive", Assert.IsType<StringLiteral>(arguments["@LockMode"]).Value);
        Assert.Equal("Transaction", Assert.IsType<StringLiteral>(arguments["@LockOwner"]).Value);
        var timeout = int.Parse(Assert.IsType<IntegerLiteral>(arguments["@LockTimeout"]).Value);
        Assert.InRange(timeout, 1, 29_999); // waits, but gives up before SqlClient's 30 s command timeout
        Assert.Equal(SqlServerAppLock.AuditChainResource, resource.Value);
    }

    [Fact]
    public void Resource_locks_have_one_name_per_resource_and_are_taken_in_one_fixed_order()
    {
        var a = Guid.Parse("00000000-0000-0000-0000-00000000000a");
        var b = Guid.Parse("ffffffff-0000-0000-0000-000000000001");
        var c = Guid.Parse("12345678-0000-0000-0000-000000000000");
        Assert.Equal(DatabaseProviders.LockOrder([b, a, c, a]), DatabaseProviders.LockOrder([c, a, b]));
        Assert.Equal(3, DatabaseProviders.LockOrder([b, a, c, a]).Count);

        var names = new[] { a, b, c }.Select(SqlServerAppLock.ResourceName).ToList();
        Assert.Equal(4, names.Append(SqlServerAppLock.AuditChainResource).Distinct().Count());
        Assert.All(names, n => Assert.InRange(n.Length, 1, 255)); // sp_getapplock's limit
    }
}
