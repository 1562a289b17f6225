using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Data;
using NeonPro.Web.Features.Compliance.Audit;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Features.Patients;
using NeonPro.Web.Tests.Features.Scheduling;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Compliance;

/// <summary>What the Audit page shows a manager and whom it refuses.</summary>
public sealed class AuditTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    internal sealed record RenderedRow(long Sequence, IElement Element)
    {
        /// <summary>A cell's visible text, whitespace folded.</summary>
        public string Cell(string field) => Regex.Replace(Element.QuerySelector($"[data-field='{field}']")?.TextContent ?? "", @"\s+", " ").Trim();
    }

    internal static List<RenderedRow> Rows(IParentNode doc) =>
        doc.QuerySelectorAll("#audit-entries tr[data-sequence]")
            .Select(tr => new RenderedRow(long.Parse(tr.GetAttribute("data-sequence")!), tr))
            .ToList();

    private async Task<Guid> AddClosedDayAsync(string name)
    {
        await using var db = app.NewDbContext();
        var day = new ClinicClosedDay { Date = new DateOnly(2150, 1, 1).AddDays(Random.Shared.Next(20000)), Name = name };
        db.ClinicClosedDays.Add(day);
        await db.SaveChangesAsync();
        return day.Id;
    }

    private async Task<long> SequenceOfAsync(string entityType, string entityId)
    {
        await using var db = app.NewDbContext();
        return await db.AuditEntries.Where(a => a.EntityType == entityType && a.EntityId == entityId).Select(a => a.Sequence).SingleAsync();
    }

    /// <summary>Explicit events, written through the app's AuditLog; a given time stands in for "when it happened".</summary>
    private Task<List<long>> AddEventsAsync(string entityType, params DateTime[] occurredAtUtc) => AddEventsAsync(app, entityType, occurredAtUtc);

    internal static async Task<List<long>> AddEventsAsync(NeonProFactory app, string entityType, params DateTime[] occurredAtUtc)
    {
        var rows = await app.WithScopeAsync(async sp =>
        {
            var audit = sp.GetRequiredService<AuditLog>();
            var added = occurredAtUtc.Select((when, i) =>
            {
                var row = audit.Add(AuditAction.Export, entityType, $"evento-{i}", new { Arquivo = $"relatorio-{i}.xlsx" });
                row.OccurredAtUtc = when;
                return row;
            }).ToList();
            await sp.GetRequiredService<NeonPro.Web.Data.NeonProDbContext>().SaveChangesAsync();
            return added;
        });
        return rows.Select(r => r.Sequence).ToList();
    }

    [Fact]
    public async Task Receptionist_is_refused_the_audit_page_and_its_api()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);

        var page = await client.GetAsync("/Compliance/Audit");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", PathOf(page));

        using var htmx = new HttpRequestMessage(HttpMethod.Get, "/Compliance/Audit?handler=Entries");
        htmx.Headers.Add("HX-Request", "true");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(htmx)).StatusCode);

        var api = await client.GetAsync("/api/compliance/audit/verify");
        Assert.NotEqual(HttpStatusCode.OK, api.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", PathOf(api));

        static string? PathOf(HttpResponseMessage r) => r.Headers.Location is { IsAbsoluteUri: true } abs ? abs.PathAndQuery : r.Headers.Location?.OriginalString;
    }

    [Fact]
    public async Task Manager_sees_the_trail_newest_first_with_who_what_and_the_change()
    {
        var (client, manager) = await app.SignedInClientAsync(Roles.Manager);
        var dayId = await AddClosedDayAsync("Carnaval da clínica");
        var sequence = await SequenceOfAsync(nameof(ClinicClosedDay), dayId.ToString());

        var doc = await client.GetDocumentAsync("/Compliance/Audit");

        Assert.Equal("Auditoria", doc.QuerySelector("h1")!.TextContent.Trim());
        var rows = Rows(doc);
        Assert.NotEmpty(rows);
        Assert.Equal(rows.Select(r => r.Sequence).OrderDescending(), rows.Select(r => r.Sequence));
        await using (var db = app.NewDbContext())
            Assert.Equal(await db.AuditEntries.MaxAsync(a => a.Sequence), rows[0].Sequence);

        var row = Assert.Single(rows, r => r.Sequence == sequence);
        Assert.Equal("Inclusão", row.Cell("action"));
        Assert.Equal("Dia sem atendimento", row.Cell("entity"));
        Assert.Equal(dayId.ToString(), row.Cell("entity-id"));
        Assert.StartsWith("Sistema", row.Cell("user"));
        Assert.Contains("Nome: Carnaval da clínica", row.Cell("changes"));
        Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2}$", row.Cell("when"));

        // The manager's own account was created by the test; its e-mail and name are kept only as keyed hashes.
        var staffRows = Rows(await client.GetDocumentAsync("/Compliance/Audit?entity=StaffUser&action=Insert"));
        var staffInsert = Assert.Single(staffRows, r => r.Cell("entity-id") == manager.Id);
        Assert.Contains("E-mail: valor protegido", staffInsert.Cell("changes"));
        Assert.Contains("Nome completo: valor protegido", staffInsert.Cell("changes"));
        Assert.DoesNotContain("hmac:", staffInsert.Element.InnerHtml);
        Assert.DoesNotContain(manager.Email!, staffInsert.Element.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(manager.FullName, staffInsert.Element.InnerHtml, StringComparison.OrdinalIgnoreCase);

        // The filter lists name the staff (plus "Sistema") and the entity types present.
        Assert.Contains(doc.QuerySelectorAll("#audit-user option"), o => o.TextContent.Trim() == "Sistema");
        Assert.Contains(doc.QuerySelectorAll("#audit-user option"), o => o.GetAttribute("value") == manager.Id && o.TextContent.Trim() == manager.FullName);
        var types = doc.QuerySelectorAll("#audit-entity option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(nameof(ClinicClosedDay), types);
        Assert.Contains(nameof(StaffUser), types);
        Assert.Equal(types.Count, types.Distinct().Count());
    }

    [Fact]
    public async Task A_change_made_through_a_page_names_the_staff_member_and_role_and_the_user_filter_finds_it()
    {
        var (client, manager) = await app.SignedInClientAsync(Roles.Manager);
        // A real write through another area's page, as the manager: closing the clinic for a day.
        var date = new DateOnly(2099, 1, 1).AddDays(Random.Shared.Next(300));
        var added = await client.PostFormAsync("/Catalog/ClosedDays", "/Catalog/ClosedDays?handler=Add",
            [new("date", date.ToString("yyyy-MM-dd")), new("name", "Dedetização")], htmx: true);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        await using var db = app.NewDbContext();
        var dayId = await db.ClinicClosedDays.Where(d => d.Date == date).Select(d => d.Id).SingleAsync();
        var sequence = await SequenceOfAsync(nameof(ClinicClosedDay), dayId.ToString());

        var mine = Rows(await client.GetDocumentAsync("/Compliance/Audit?user=" + manager.Id));
        var row = Assert.Single(mine, r => r.Sequence == sequence);
        Assert.Equal(manager.FullName, row.Cell("user"));
        Assert.Equal("Gerente", row.Cell("role"));
        Assert.All(mine, r => Assert.Equal(manager.FullName, r.Cell("user")));

        var system = Rows(await client.GetDocumentAsync("/Compliance/Audit?user=" + IndexModel.SystemActor));
        Assert.NotEmpty(system);
        Assert.All(system, r => Assert.StartsWith("Sistema", r.Cell("user")));
        Assert.DoesNotContain(system, r => r.Sequence == sequence);
    }

    [Fact]
    public async Task Verify_refuses_a_post_without_the_antiforgery_token_and_works_without_javascript()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var forged = await client.PostAsync("/Compliance/Audit?handler=Verify", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        long count;
        await using (var db = app.NewDbContext()) count = await db.AuditEntries.LongCountAsync();
        var response = await client.PostFormAsync("/Compliance/Audit", "/Compliance/Audit?handler=Verify", []);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(doc.QuerySelector("nav.navbar")); // a plain form post gets the whole page back
        Assert.Equal($"Cadeia íntegra: {count} registros verificados.", doc.QuerySelector("#audit-verification .audit-verdict")!.TextContent.Trim());
        Assert.NotEmpty(Rows(doc));
    }

    [Fact]
    public async Task Filtering_by_entity_type_shows_only_rows_of_that_type()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var dayId = await AddClosedDayAsync("Recesso de inverno");
        var daySequence = await SequenceOfAsync(nameof(ClinicClosedDay), dayId.ToString());

        var days = Rows(await client.GetDocumentAsync("/Compliance/Audit?entity=ClinicClosedDay"));
        Assert.Contains(days, r => r.Sequence == daySequence);
        Assert.All(days, r => Assert.Equal("Dia sem atendimento", r.Cell("entity")));

        // The same filter through htmx: only the fragment comes back, and the address bar gets the page's own URL.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Compliance/Audit?handler=Entries&entity=StaffUser&action=Insert");
        request.Headers.Add("HX-Request", "true");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/Compliance/Audit?entity=StaffUser&action=Insert", response.Headers.GetValues("HX-Push-Url").Single());
        var fragment = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Null(fragment.QuerySelector("nav.navbar"));
        Assert.NotNull(fragment.QuerySelector("#audit-entries"));
        var staff = Rows(fragment);
        Assert.NotEmpty(staff);
        Assert.All(staff, r => Assert.Equal(("Usuário", "Inclusão"), (r.Cell("entity"), r.Cell("action"))));
        Assert.DoesNotContain(staff, r => r.Sequence == daySequence);
    }

    [Fact]
    public async Task Filtering_by_dates_uses_whole_days_of_the_clinic_calendar()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        // São Paulo is UTC-3: the clinic's 10 March starts at 03:00 UTC and its 11 March ends at 02:59:59 UTC on the 12th.
        var sequences = await AddEventsAsync("RelatorioPeriodo",
            new DateTime(2024, 3, 10, 2, 30, 0, DateTimeKind.Utc),   // 9 March, 23:30 in the clinic: out
            new DateTime(2024, 3, 10, 3, 0, 0, DateTimeKind.Utc),    // 10 March, 00:00: in
            new DateTime(2024, 3, 12, 2, 59, 59, DateTimeKind.Utc),  // 11 March, 23:59:59: in
            new DateTime(2024, 3, 12, 3, 0, 0, DateTimeKind.Utc));   // 12 March, 00:00: out

        var rows = Rows(await client.GetDocumentAsync("/Compliance/Audit?from=2024-03-10&to=2024-03-11"));

        Assert.Equal([sequences[2], sequences[1]], rows.Select(r => r.Sequence));
        Assert.Equal(["11/03/2024 23:59:59", "10/03/2024 00:00:00"], rows.Select(r => r.Cell("when")));
        Assert.All(rows, r => Assert.Equal("Exportação", r.Cell("action")));

        // Only a start: everything from that day on, which includes the 12th but not the 9th.
        var from = Rows(await client.GetDocumentAsync("/Compliance/Audit?entity=RelatorioPeriodo&from=2024-03-10"));
        Assert.Equal([sequences[3], sequences[2], sequences[1]], from.Select(r => r.Sequence));
        // The form shows the filter it applied.
        var doc = await client.GetDocumentAsync("/Compliance/Audit?from=2024-03-10&to=2024-03-11");
        Assert.Equal("2024-03-10", doc.QuerySelector("#audit-from")!.GetAttribute("value"));
        Assert.Equal("2024-03-11", doc.QuerySelector("#audit-to")!.GetAttribute("value"));
    }
}

/// <summary>
/// THE acceptance test of the audit trail: an edit made behind the app's back, straight in the database file, is
/// named by the page's verify action. Its own class, so its own database: the chain stays broken afterwards.
/// </summary>
public sealed class AuditTamperingTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    internal static async Task<string> VerifyThroughThePageAsync(HttpClient client)
    {
        var response = await client.PostFormAsync("/Compliance/Audit", "/Compliance/Audit?handler=Verify", [], htmx: true);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(FormPosting.Parse(html).QuerySelector("#audit-verification"));
        // The verdict itself; the sentence about the newest anchor beside it is VerifiedAnchorThroughThePageAsync's.
        return FormPosting.Parse(html).QuerySelector("#audit-verification .audit-verdict")?.TextContent.Trim() ?? FormPosting.Text(html);
    }

    /// <summary>What the verification says about the newest anchor it compared the chain with.</summary>
    internal static async Task<string?> VerifiedAnchorThroughThePageAsync(HttpClient client)
    {
        var response = await client.PostFormAsync("/Compliance/Audit", "/Compliance/Audit?handler=Verify", [], htmx: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return FormPosting.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#audit-verification .audit-anchor")?.TextContent.Trim();
    }

    internal static async Task<JsonElement> VerifyThroughTheApiAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/compliance/audit/verify");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The API's verdict as one comparable value: intact, the first broken entry, why, and how many rows were checked.</summary>
    internal static async Task<(bool Intact, long? Broken, string? Reason, long Rows)> VerdictAsync(HttpClient client)
    {
        var api = await VerifyThroughTheApiAsync(client);
        var broken = api.GetProperty("brokenSequence");
        return (api.GetProperty("intact").GetBoolean(), broken.ValueKind == JsonValueKind.Null ? null : broken.GetInt64(),
            api.GetProperty("reason").ValueKind == JsonValueKind.String ? api.GetProperty("reason").GetString() : null, api.GetProperty("rowsChecked").GetInt64());
    }

    private Task<int> ExecuteRawAsync(string sql, long sequence) => ExecuteRawAsync(app, sql, sequence);

    internal static async Task<int> ExecuteRawAsync(NeonProFactory app, string sql, long sequence)
    {
        // A separate connection, as someone with the database file and a SQLite shell would have.
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$sequence", sequence);
        return await command.ExecuteNonQueryAsync();
    }

    private async Task<long> AuditCountAsync()
    {
        await using var db = app.NewDbContext();
        return await db.AuditEntries.LongCountAsync();
    }

    [Fact]
    public async Task An_audit_row_edited_in_the_database_is_named_by_the_verify_action()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        long target;
        await using (var db = app.NewDbContext())
        {
            db.ClinicClosedDays.Add(new ClinicClosedDay { Date = new DateOnly(2031, 2, 24), Name = "Carnaval" });
            await db.SaveChangesAsync();
            var natal = new ClinicClosedDay { Date = new DateOnly(2031, 12, 25), Name = "Natal" };
            db.ClinicClosedDays.Add(natal);
            await db.SaveChangesAsync();
            natal.Name = "Natal (fechado)";
            await db.SaveChangesAsync();
            target = await db.AuditEntries.Where(a => a.EntityType == nameof(ClinicClosedDay) && a.Action == AuditAction.Insert && a.NewValues!.Contains("Carnaval"))
                .Select(a => a.Sequence).SingleAsync();
        }

        // Before any edit: intact, every row checked.
        var count = await AuditCountAsync();
        Assert.True(count > target, "the edited row must not be the last one");
        Assert.Equal($"Cadeia íntegra: {count} registros verificados.", await VerifyThroughThePageAsync(client));
        var intact = await VerifyThroughTheApiAsync(client);
        Assert.True(intact.GetProperty("intact").GetBoolean());
        Assert.Equal(count, intact.GetProperty("rowsChecked").GetInt64());
        Assert.Equal(JsonValueKind.Null, intact.GetProperty("brokenSequence").ValueKind);

        // Someone changes what the row says happened.
        Assert.Equal(1, await ExecuteRawAsync("UPDATE AuditEntries SET NewValues = replace(NewValues, 'Carnaval', 'Quarta de cinzas') WHERE Sequence = $sequence", target));

        var verdict = await VerifyThroughThePageAsync(client);
        Assert.Equal($"Cadeia violada no registro nº {target}: conteúdo alterado.", verdict);
        var api = await VerifyThroughTheApiAsync(client);
        Assert.False(api.GetProperty("intact").GetBoolean());
        Assert.Equal(target, api.GetProperty("brokenSequence").GetInt64());
        Assert.Equal("ContentChanged", api.GetProperty("reason").GetString());

        // The page still shows the trail, tampered row included, so the manager can look at it.
        var page = await client.GetDocumentAsync("/Compliance/Audit?entity=ClinicClosedDay");
        Assert.Contains(AuditTests.Rows(page), r => r.Sequence == target && r.Cell("changes").Contains("Quarta de cinzas"));

        // Who did it is part of the sealed content too.
        Assert.Equal(1, await ExecuteRawAsync("UPDATE AuditEntries SET NewValues = replace(NewValues, 'Quarta de cinzas', 'Carnaval') WHERE Sequence = $sequence", target));
        Assert.StartsWith("Cadeia íntegra:", await VerifyThroughThePageAsync(client));
        Assert.Equal(1, await ExecuteRawAsync("UPDATE AuditEntries SET UserName = 'outra.pessoa' WHERE Sequence = $sequence", target));
        Assert.Equal($"Cadeia violada no registro nº {target}: conteúdo alterado.", await VerifyThroughThePageAsync(client));
        Assert.Equal(target, (await VerifyThroughTheApiAsync(client)).GetProperty("brokenSequence").GetInt64());
    }

}

/// <summary>Removing a row behind the app's back is named too (own database, like the test above).</summary>
public sealed class AuditRowDeletionTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    [Fact]
    public async Task A_deleted_audit_row_is_named_at_the_row_after_the_gap()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        await using (var db = app.NewDbContext())
        {
            db.ClinicClosedDays.Add(new ClinicClosedDay { Date = new DateOnly(2032, 4, 21), Name = "Tiradentes" });
            await db.SaveChangesAsync();
            db.ClinicClosedDays.Add(new ClinicClosedDay { Date = new DateOnly(2032, 9, 7), Name = "Independência" });
            await db.SaveChangesAsync();
        }
        long victim;
        await using (var db = app.NewDbContext())
            victim = await db.AuditEntries.Where(a => a.EntityType == nameof(ClinicClosedDay) && a.NewValues!.Contains("Tiradentes")).Select(a => a.Sequence).SingleAsync();

        Assert.True((await AuditTamperingTests.VerifyThroughTheApiAsync(client)).GetProperty("intact").GetBoolean());
        Assert.Equal(1, await AuditTamperingTests.ExecuteRawAsync(app, "DELETE FROM AuditEntries WHERE Sequence = $sequence", victim));

        Assert.Equal($"Cadeia violada no registro nº {victim + 1}: registros ausentes antes deste.", await AuditTamperingTests.VerifyThroughThePageAsync(client));
        var api = await AuditTamperingTests.VerifyThroughTheApiAsync(client);
        Assert.Equal(victim + 1, api.GetProperty("brokenSequence").GetInt64());
        Assert.Equal("MissingRows", api.GetProperty("reason").GetString());
    }
}

/// <summary>
/// Verify reads SQLite's rows as the bytes it stores and hands anything it cannot read exactly as EF would to EF: the
/// verdicts must be those of reading every row as an entity. Own database (the chain is broken on purpose).
/// </summary>
public sealed class AuditVerifyStoredFormsTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private Task<int> ExecuteRawAsync(string sql, long sequence) => AuditTamperingTests.ExecuteRawAsync(app, sql, sequence);

    private static Task<(bool Intact, long? Broken, string? Reason, long Rows)> VerifyAsync(HttpClient client) => AuditTamperingTests.VerdictAsync(client);

    [Fact]
    public async Task Rows_with_accents_emoji_long_text_and_nulls_verify_and_every_stored_form_gets_the_entity_verdict()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var rows = await app.WithScopeAsync(async sp =>
        {
            var audit = sp.GetRequiredService<AuditLog>();
            var added = new List<AuditEntry>
            {
                audit.Add(AuditAction.Export, "Relatório São João", "ção-😀", new { Observação = "Clínica Âmbar 😀 ção", Nota = new string('x', 9000) }),
                audit.Add(AuditAction.View, "SemDetalhes", null),
                audit.Add(AuditAction.Export, "Longo", "1", new { Texto = string.Concat(Enumerable.Repeat("anamnese ção ", 2000)) }),
                audit.Add(AuditAction.View, "Depois", "2"),
            };
            await sp.GetRequiredService<NeonPro.Web.Data.NeonProDbContext>().SaveChangesAsync();
            return added;
        });
        long count;
        await using (var db = app.NewDbContext()) count = await db.AuditEntries.LongCountAsync();
        Assert.Equal((true, (long?)null, (string?)null, count), await VerifyAsync(client));

        var accents = rows[0].Sequence;
        var time = rows[1].Sequence;
        // The same instant written the ISO way ('T' instead of ' '): EF reads the same value, so
        // the row still verifies.
        Assert.Equal(1, await ExecuteRawAsync(
            "UPDATE AuditEntries SET OccurredAtUtc = replace(OccurredAtUtc, ' ', 'T') WHERE Sequence = $sequence", time));
        Assert.Equal((true, (long?)null, (string?)null, count), await VerifyAsync(client));
        // Another instant in that form: content changed, named at that row.
        Assert.Equal(1, await ExecuteRawAsync("UPDATE AuditEntries SET OccurredAtUtc = '2020-01-01T00:00:00' WHERE Sequence = $sequence", time));
        Assert.Equal((false, (long?)time, (string?)"ContentChanged", time), await VerifyAsync(client));
        await ExecuteRawAsync("UPDATE AuditEntries SET OccurredAtUtc = '" + rows[1].OccurredAtUtc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture) + "' WHERE Sequence = $sequence", time);
        Assert.True((await VerifyAsync(client)).Intact);

        // One accented letter changed for another of the same length in bytes (the JSON columns escape theirs; these do not).
        Assert.Equal(1, await ExecuteRawAsync("UPDATE AuditEntries SET EntityType = replace(EntityType, 'São', 'Sâo') WHERE Sequence = $sequence", accents));
        Assert.Equal((false, (long?)accents, (string?)"ContentChanged", accents), await VerifyAsync(client));
        Assert.Equal(1, await ExecuteRawAsync("UPDATE AuditEntries SET EntityType = replace(EntityType, 'Sâo', 'São') WHERE Sequence = $sequence", accents));
        Assert.True((await VerifyAsync(client)).Intact);
        // Bytes that are not UTF-8 in place of the text's own.
        Assert.Equal(1, await ExecuteRawAsync("UPDATE AuditEntries SET EntityId = CAST(X'C3A7C3A32DFF' AS TEXT) WHERE Sequence = $sequence", accents));
        Assert.Equal((false, (long?)accents, (string?)"ContentChanged", accents), await VerifyAsync(client));
    }
}

/// <summary>Paging newest first, on a trail long enough that the page must pick how to find the next rows. Own database.</summary>
public sealed class AuditPagingTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    /// <summary>More rows than the page once counted before choosing how to read a filter (it no longer chooses).</summary>
    private const int Thousands = 2000;

    private Task<List<long>> AddEventsAsync(string entityType, params DateTime[] occurredAtUtc) => AuditTests.AddEventsAsync(app, entityType, occurredAtUtc);

    private static List<long> Sequences(IHtmlDocument doc) => AuditTests.Rows(doc).Select(r => r.Sequence).ToList();

    private static string? Link(IHtmlDocument doc, string text) =>
        doc.QuerySelectorAll("#audit-entries a.page-link").FirstOrDefault(a => a.TextContent.Trim() == text)?.GetAttribute("href");

    private async Task<List<long>> NewestFirstAsync(Func<IQueryable<AuditEntry>, IQueryable<AuditEntry>> filter)
    {
        await using var db = app.NewDbContext();
        return await filter(db.AuditEntries).OrderByDescending(a => a.Sequence).Select(a => a.Sequence).ToListAsync();
    }

    [Fact]
    public async Task The_trail_is_paged_fifty_at_a_time_with_previous_and_next()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var sequences = await AddEventsAsync("PaginaProva", Enumerable.Range(0, 120).Select(i => DateTime.UtcNow.AddSeconds(-i)).ToArray());
        var newestFirst = sequences.OrderDescending().ToList();

        var first = await client.GetDocumentAsync("/Compliance/Audit?entity=PaginaProva");
        Assert.Equal(newestFirst.Take(50), Sequences(first));
        Assert.Null(Link(first, "Anterior"));

        var second = await client.GetDocumentAsync(Link(first, "Próxima")!);
        Assert.Equal(newestFirst.Skip(50).Take(50), Sequences(second));

        var third = await client.GetDocumentAsync(Link(second, "Próxima")!);
        Assert.Equal(newestFirst.Skip(100), Sequences(third));
        Assert.Null(Link(third, "Próxima"));

        var back = await client.GetDocumentAsync(Link(third, "Anterior")!);
        Assert.Equal(newestFirst.Skip(50).Take(50), Sequences(back));
        var top = await client.GetDocumentAsync(Link(back, "Anterior")!);
        Assert.Equal(newestFirst.Take(50), Sequences(top));

        // The htmx link asks for the fragment with the same filter and cursor.
        var hx = first.QuerySelectorAll("#audit-entries a.page-link").Single(a => a.TextContent.Trim() == "Próxima").GetAttribute("hx-get")!;
        Assert.Contains("handler=Entries", hx);
        Assert.Contains("entity=PaginaProva", hx);
        Assert.Contains($"before={newestFirst[49]}", hx);
    }

    [Fact]
    public async Task A_filter_matching_thousands_of_rows_pages_like_one_matching_a_few()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        // Two kinds interleaved, so the common one is found by walking the chain and skipping the other.
        await app.WithScopeAsync(async sp =>
        {
            var audit = sp.GetRequiredService<AuditLog>();
            for (var i = 0; i < 2 * (Thousands + 100); i++)
                audit.Add(i % 4 < 2 ? AuditAction.View : AuditAction.Export, i % 2 == 0 ? "LotePar" : "LoteImpar", i.ToString());
            await sp.GetRequiredService<NeonPro.Web.Data.NeonProDbContext>().SaveChangesAsync();
        });

        var common = await NewestFirstAsync(q => q.Where(a => a.EntityType == "LotePar"));
        Assert.True(common.Count > Thousands);
        var first = await client.GetDocumentAsync("/Compliance/Audit?entity=LotePar");
        Assert.Equal(common.Take(50), Sequences(first));
        var second = await client.GetDocumentAsync(Link(first, "Próxima")!);
        Assert.Equal(common.Skip(50).Take(50), Sequences(second));
        var back = await client.GetDocumentAsync(Link(second, "Anterior")!);
        Assert.Equal(common.Take(50), Sequences(back));

        var fewer = await NewestFirstAsync(q => q.Where(a => a.EntityType == "LotePar" && a.Action == AuditAction.View));
        Assert.True(fewer.Count < Thousands);
        var few = await client.GetDocumentAsync("/Compliance/Audit?entity=LotePar&action=View");
        Assert.Equal(fewer.Take(50), Sequences(few));
        Assert.Equal(fewer.Skip(50).Take(50), Sequences(await client.GetDocumentAsync(Link(few, "Próxima")!)));
    }

    [Fact]
    public async Task An_old_period_with_many_rows_is_found_below_a_long_stretch_of_newer_ones()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var old = await AddEventsAsync("Arquivo2019",
            Enumerable.Range(0, Thousands + 100).Select(i => new DateTime(2019, 6, 1, 12, 0, 0, DateTimeKind.Utc).AddMinutes(i)).ToArray());
        // A long stretch of newer rows the period's sequence range must step over.
        await AddEventsAsync("Recente", Enumerable.Range(0, 10_500).Select(_ => DateTime.UtcNow).ToArray());

        var first = await client.GetDocumentAsync("/Compliance/Audit?from=2019-01-01&to=2019-12-31");
        var newestFirst = old.OrderDescending().ToList();
        Assert.Equal(newestFirst.Take(50), Sequences(first));
        var second = await client.GetDocumentAsync(Link(first, "Próxima")!);
        Assert.Equal(newestFirst.Skip(50).Take(50), Sequences(second));
    }

    [Fact]
    public async Task A_period_finds_its_rows_sealed_out_of_time_order_at_both_ends_and_pages_through_them()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        // The clinic's 3 to 4 May 2021 is [03:00 UTC on the 3rd, 03:00 UTC on the 5th). A save that waited for the chain's
        // lock seals an older time after a newer one: the first row of the period by time is not the first by sequence,
        // nor the last by time the last by sequence.
        var start = new DateTime(2021, 5, 3, 3, 0, 0, DateTimeKind.Utc);
        var end = new DateTime(2021, 5, 5, 3, 0, 0, DateTimeKind.Utc);
        var before = await AddEventsAsync("PeriodoFora", start.AddSeconds(-1));
        var firstIn = await AddEventsAsync("PeriodoDentro", start.AddSeconds(2), start.AddSeconds(1));
        var middle = await AddEventsAsync("PeriodoDentro", Enumerable.Range(0, 120).Select(i => start.AddMinutes(30 + i)).ToArray());
        var lastIn = await AddEventsAsync("PeriodoDentro", end.AddSeconds(-1), end.AddSeconds(-2));
        var late = await AddEventsAsync("PeriodoFora", end.AddSeconds(-3).AddDays(1), end);
        var expected = firstIn.Concat(middle).Concat(lastIn).OrderDescending().ToList();

        var first = await client.GetDocumentAsync("/Compliance/Audit?from=2021-05-03&to=2021-05-04");
        Assert.Equal(expected.Take(50), Sequences(first));
        var second = await client.GetDocumentAsync(Link(first, "Próxima")!);
        Assert.Equal(expected.Skip(50).Take(50), Sequences(second));
        var third = await client.GetDocumentAsync(Link(second, "Próxima")!);
        Assert.Equal(expected.Skip(100), Sequences(third));
        Assert.Null(Link(third, "Próxima"));
        Assert.Equal(expected.Skip(50).Take(50), Sequences(await client.GetDocumentAsync(Link(third, "Anterior")!)));
        Assert.DoesNotContain(before[0], expected);
        Assert.DoesNotContain(late[1], expected);

        // Only a start, or only an end: the same first and last rows.
        Assert.Contains(firstIn[0], await AllPagesAsync(client, "/Compliance/Audit?entity=PeriodoDentro&from=2021-05-03"));
        Assert.Contains(lastIn[1], await AllPagesAsync(client, "/Compliance/Audit?entity=PeriodoDentro&to=2021-05-04"));
        Assert.Equal(expected.Order(), (await AllPagesAsync(client, "/Compliance/Audit?entity=PeriodoDentro&from=2021-05-03&to=2021-05-04")).Order());
        // A period with no row at all.
        Assert.Empty(Sequences(await client.GetDocumentAsync("/Compliance/Audit?from=1999-01-01&to=1999-01-31")));
    }

    private static async Task<List<long>> AllPagesAsync(HttpClient client, string url)
    {
        var all = new List<long>();
        for (var page = await client.GetDocumentAsync(url); ; page = await client.GetDocumentAsync(Link(page, "Próxima")!))
        {
            all.AddRange(Sequences(page));
            if (Link(page, "Próxima") is null) return all;
        }
    }

    [Fact]
    public async Task The_system_and_a_staff_member_page_through_their_own_rows_only()
    {
        var (client, manager) = await app.SignedInClientAsync(Roles.Manager);
        await AddEventsAsync("SistemaLote", Enumerable.Range(0, 130).Select(i => DateTime.UtcNow.AddSeconds(i)).ToArray());
        var system = await NewestFirstAsync(q => q.Where(a => a.UserId == null));
        Assert.True(system.Count > 100);
        var pages = new List<long>();
        var page = await client.GetDocumentAsync($"/Compliance/Audit?user={IndexModel.SystemActor}");
        pages.AddRange(Sequences(page));
        pages.AddRange(Sequences(page = await client.GetDocumentAsync(Link(page, "Próxima")!)));
        pages.AddRange(Sequences(await client.GetDocumentAsync(Link(page, "Próxima")!)));
        Assert.Equal(system.Take(150), pages);

        var own = await NewestFirstAsync(q => q.Where(a => a.UserId == manager.Id));
        Assert.NotEmpty(own);
        Assert.Equal(own.Take(50), Sequences(await client.GetDocumentAsync($"/Compliance/Audit?user={manager.Id}")));
    }
}

/// <summary>
/// How SQLite answers the page's query for each filter: along an index, in sequence order, stopping at the page; never a
/// scan of the table nor a sort of every matching row (what made the page slow on a trail of millions). Own database.
/// </summary>
public sealed class AuditPageQueryPlanTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    public static TheoryData<string, string> Filters() => new()
    {
        { "", "IX_AuditEntries_Sequence" },
        { "user=sistema", "IX_AuditEntries_UserId_Sequence" },
        { "user=some-user-id", "IX_AuditEntries_UserId_Sequence" },
        { "entity=Appointment", "IX_AuditEntries_EntityType_Sequence" },
        { "from=2025-11-01&to=2025-11-30", "IX_AuditEntries_Sequence" },
        { "entity=Appointment&from=2025-11-01&to=2025-11-30", "IX_AuditEntries_EntityType_Sequence" },
        { "user=sistema&from=2025-11-01", "IX_AuditEntries_UserId_Sequence" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Each_filter_reads_one_index_in_sequence_order(string filter, string index)
    {
        var plans = await app.WithScopeAsync(async sp =>
        {
            var page = ActivatorUtilities.CreateInstance<IndexModel>(sp);
            var query = System.Web.HttpUtility.ParseQueryString(filter);
            page.Actor = query["user"];
            page.EntityType = query["entity"];
            page.From = query["from"] is { } from ? DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture) : null;
            page.To = query["to"] is { } to ? DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture) : null;
            // The plan does not depend on the bounds' values; a range in the middle of the chain, and a cursor.
            var range = page.From is null && page.To is null ? IndexModel.SequenceRange.All : new IndexModel.SequenceRange(100, 5000);
            var db = sp.GetRequiredService<NeonPro.Web.Data.NeonProDbContext>();
            var plans = new List<(long?, string)>();
            foreach (var (cursor, towardsNewer) in new (long?, bool)[] { (null, false), (4000, false), (200, true) })
                plans.Add((cursor, await PlanAsync(db, page.PageQuery(range, cursor, towardsNewer).Take(IndexModel.PageSize + 1).ToQueryString())));
            return plans;
        });
        foreach (var (cursor, plan) in plans)
        {
            // The unfiltered first page walks the chain's index from its end (a SCAN of the index that stops at the page);
            // everything else seeks into its index.
            Assert.Contains(filter == "" && cursor is null ? $"SCAN a USING INDEX {index}" : $"SEARCH a USING INDEX {index} (", plan);
            Assert.DoesNotContain("TEMP B-TREE", plan);
            Assert.Single(plan.Split('\n'));
        }
    }

    /// <summary>SQLite's EXPLAIN QUERY PLAN of the query EF sends, one line per step.</summary>
    private static async Task<string> PlanAsync(NeonPro.Web.Data.NeonProDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // ToQueryString declares the parameters as ".param set" lines: the plan does not need their values.
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join("\n", sql.Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal) && !l.StartsWith("--", StringComparison.Ordinal)));
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
        return string.Join("\n", lines);
    }
}

/// <summary>The Audit page speaks the clinic's language: no C# names, instants on the clinic's clock, ids as links.</summary>
public sealed class AuditInClinicLanguageTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    [Fact]
    public async Task A_booking_and_its_status_change_read_in_portuguese_with_local_times_and_a_link_to_the_patients_chart()
    {
        var w = await SchedulingWorld.CreateAsync(app, patients: 1);
        var (receptionist, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var (manager, _) = await app.SignedInClientAsync(Roles.Manager);
        var patientId = await receptionist.CreatePatientAsync(PatientsArrange.ValidForm());
        var start = SchedulingWorld.NextMondayUtc(9, 30);
        Assert.Equal(HttpStatusCode.OK, (await receptionist.PostFormAsync("/Scheduling", "/Scheduling?handler=Book", w.BookingFields(patientId, start), htmx: true)).StatusCode);
        Appointment appointment;
        await using (var db = app.NewDbContext()) appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.PatientId == patientId);
        var confirmed = await receptionist.PostFormAsync("/Scheduling", "/Scheduling?handler=Status",
            [new("id", appointment.Id.ToString()), new("version", appointment.Version.ToString()), new("to", nameof(AppointmentStatus.Confirmed))], htmx: true);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        var doc = await manager.GetDocumentAsync("/Compliance/Audit");
        var rows = AuditTests.Rows(doc);
        var booked = Assert.Single(rows, r => r.Cell("action") == "Inclusão" && r.Cell("entity-id") == appointment.Id.ToString());
        Assert.Equal("Agendamento", booked.Cell("entity"));
        Assert.Contains("Situação: Agendado", booked.Cell("changes"));
        // 09:30 in São Paulo, stored as 12:30 UTC: shown on the clinic's clock.
        var local = TimeZoneInfo.ConvertTimeBySystemTimeZoneId(start, "America/Sao_Paulo");
        Assert.Contains($"Início: {local:dd/MM/yyyy} 09:30", FormPosting.Text(booked.Element.OuterHtml));
        // The patient's id names a patient who still exists: a link to the chart. The row's own id opens the agenda of its day.
        Assert.Contains(booked.Element.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/Patients/Chart?id={patientId}");
        Assert.Contains(booked.Element.QuerySelectorAll("[data-field='entity-id'] a"), a => a.GetAttribute("href") == $"/Scheduling?date={local:yyyy-MM-dd}");

        var step = Assert.Single(rows, r => r.Cell("entity") == "Mudança de situação do agendamento" && r.Cell("changes").Contains("Nova situação: Confirmado"));
        Assert.Equal("Inclusão", step.Cell("action"));
        Assert.Contains("Situação anterior: Agendado", step.Cell("changes"));
        Assert.Contains(step.Element.QuerySelectorAll("a"), a => a.GetAttribute("href")!.StartsWith("/Scheduling?date=", StringComparison.Ordinal));

        // The registration itself: its identifying fields read "valor protegido", never a raw hash.
        var registered = Assert.Single(rows, r => r.Cell("action") == "Inclusão" && r.Cell("entity") == "Paciente" && r.Cell("entity-id") == patientId.ToString());
        Assert.Contains("Nome completo: valor protegido", FormPosting.Text(registered.Element.OuterHtml));

        // Staff accounts open only to admins: a manager sees their ids without a link that would be refused.
        Assert.DoesNotContain(doc.QuerySelectorAll("#audit-entries a"), a => a.GetAttribute("href")!.StartsWith("/Admin/", StringComparison.Ordinal));
        var admin = AuditTests.Rows(await (await app.SignedInClientAsync(Roles.Admin)).Client.GetDocumentAsync("/Compliance/Audit"));
        Assert.Contains(admin.SelectMany(r => r.Element.QuerySelectorAll("a")), a => a.GetAttribute("href")!.StartsWith("/Admin/Users?handler=Manage&id=", StringComparison.Ordinal));

        // Explicit events say how in words: the roles a new account got, how its owner signed in.
        Assert.Contains(rows, r => r.Cell("action") == "Usuário criado" && r.Cell("changes") == "Perfis: Recepcionista");
        Assert.Contains(rows, r => r.Cell("action") == "Entrada no sistema" && r.Cell("changes") == "Método: Senha");

        // No C# name anywhere in what the manager reads.
        var text = string.Join(" ", rows.Select(r => FormPosting.Text(r.Element.OuterHtml)));
        foreach (var raw in new[] { "PatientId:", "CreatedAtUtc", "AppointmentStatusChange", "Scheduled", "Confirmed", "StartUtc", "hmac:", "[\"", "password" })
            Assert.DoesNotContain(raw, text);
        Assert.DoesNotContain(doc.QuerySelectorAll("#audit-entity option"), o => o.TextContent.Trim() == nameof(AppointmentStatusChange));
    }
}
