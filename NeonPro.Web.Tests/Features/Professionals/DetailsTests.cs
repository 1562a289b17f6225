using System.Net;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Professionals;

/// <summary>The professional's page: per-row htmx grids for hours, exceptions and scope, and the week's availability. On a held clock: standings ("vence em até 30 dias"), validity periods and weeks are about the clinic's day.</summary>
public sealed class DetailsTests(FakeClockFactory app) : IClassFixture<FakeClockFactory>
{
    private static string Url(Guid id, string? handler = null) =>
        $"/Professionals/Details?id={id}" + (handler is null ? "" : $"&handler={handler}");

    private async Task<(HttpClient Client, Professional Professional)> ArrangeAsync(Action<Professional>? change = null)
    {
        var p = await app.AddProfessionalAsync(change);
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        return (client, p);
    }

    private static Task<HttpResponseMessage> PostRowAsync(HttpClient client, Guid id, string handler, Dictionary<string, string> fields) =>
        client.PostFormAsync(Url(id), Url(id, handler), fields, htmx: true);

    [Fact]
    public async Task A_weekly_hours_row_is_added_then_changed_then_deleted()
    {
        var (client, p) = await ArrangeAsync();

        var added = await PostRowAsync(client, p.Id, "SaveHours", new() { ["Day"] = "Tuesday", ["Start"] = "09:00", ["End"] = "12:00" });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal("#weekly-hours", added.Headers.GetValues("HX-Retarget").Single());
        Assert.Equal("availability-changed", added.Headers.GetValues("HX-Trigger").Single());
        var grid = FormPosting.Parse(await added.Content.ReadAsStringAsync());
        Assert.Single(grid.QuerySelectorAll("[data-testid=hours-row]"));
        Assert.NotNull(grid.QuerySelector("[data-testid=hours-new]"));

        WorkingHours row;
        await using (var db = app.NewDbContext())
            row = await db.WorkingHours.SingleAsync(h => h.ProfessionalId == p.Id);
        Assert.Equal((DayOfWeek.Tuesday, new TimeOnly(9, 0), new TimeOnly(12, 0)), (row.Day, row.Start, row.End));

        var changed = await PostRowAsync(client, p.Id, "SaveHours",
            new() { ["RowId"] = row.Id.ToString(), ["Day"] = "Tuesday", ["Start"] = "08:30", ["End"] = "12:00" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var rowHtml = FormPosting.Parse(await changed.Content.ReadAsStringAsync());
        Assert.Equal($"hours-row-{row.Id:N}", rowHtml.QuerySelector("form")!.Id); // just the row comes back
        await using (var db = app.NewDbContext())
            Assert.Equal(new TimeOnly(8, 30), (await db.WorkingHours.SingleAsync(h => h.Id == row.Id)).Start);

        var deleted = await client.PostFormAsync(Url(p.Id), Url(p.Id, "DeleteHours") + $"&rowId={row.Id}", [], htmx: true);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("", await deleted.Content.ReadAsStringAsync());
        await using (var db = app.NewDbContext())
            Assert.False(await db.WorkingHours.AnyAsync(h => h.ProfessionalId == p.Id));
    }

    [Fact]
    public async Task Weekly_hours_ending_before_they_start_are_refused_in_the_row()
    {
        var (client, p) = await ArrangeAsync();

        var response = await PostRowAsync(client, p.Id, "SaveHours", new() { ["Day"] = "Monday", ["Start"] = "14:00", ["End"] = "13:00" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var row = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("O fim deve ser depois do início.", row.QuerySelector("form [role=alert]")!.TextContent.Trim());
        Assert.Equal("14:00", row.QuerySelector("input[name=Start]")!.GetAttribute("value")); // what was typed stays

        var garbage = await PostRowAsync(client, p.Id, "SaveHours", new() { ["Day"] = "Monday", ["Start"] = "25:99", ["End"] = "13:00" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, garbage.StatusCode);
        Assert.Contains("Informe um dia da semana e horários válidos.", FormPosting.Text(await garbage.Content.ReadAsStringAsync()));
        await using var db = app.NewDbContext();
        Assert.False(await db.WorkingHours.AnyAsync(h => h.ProfessionalId == p.Id));
    }

    [Fact]
    public async Task Weekly_hours_overlapping_another_row_of_the_same_day_are_refused()
    {
        var (client, p) = await ArrangeAsync(x => x.WorkingHours.Add(new WorkingHours { Day = DayOfWeek.Monday, Start = new(9, 0), End = new(12, 0) }));

        var overlap = await PostRowAsync(client, p.Id, "SaveHours", new() { ["Day"] = "Monday", ["Start"] = "11:00", ["End"] = "14:00" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, overlap.StatusCode);
        Assert.Contains("Este intervalo se sobrepõe a outro do mesmo dia (09:00–12:00).", FormPosting.Text(await overlap.Content.ReadAsStringAsync()));

        // Touching intervals and another day are fine.
        Assert.Equal(HttpStatusCode.OK, (await PostRowAsync(client, p.Id, "SaveHours", new() { ["Day"] = "Monday", ["Start"] = "12:00", ["End"] = "14:00" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostRowAsync(client, p.Id, "SaveHours", new() { ["Day"] = "Tuesday", ["Start"] = "11:00", ["End"] = "14:00" })).StatusCode);
        await using var db = app.NewDbContext();
        Assert.Equal(3, await db.WorkingHours.CountAsync(h => h.ProfessionalId == p.Id));
    }

    [Fact]
    public async Task Exceptions_are_saved_per_row_and_extra_hours_need_times()
    {
        var (client, p) = await ArrangeAsync();
        var date = app.UpcomingMonday().ToString("yyyy-MM-dd");

        var noTimes = await PostRowAsync(client, p.Id, "SaveException", new() { ["Date"] = date, ["Kind"] = "ExtraHours", ["Start"] = "", ["End"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noTimes.StatusCode);
        Assert.Contains("Horas extras precisam de início e fim.", FormPosting.Text(await noTimes.Content.ReadAsStringAsync()));

        var halfTimes = await PostRowAsync(client, p.Id, "SaveException", new() { ["Date"] = date, ["Kind"] = "Blocked", ["Start"] = "10:00", ["End"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, halfTimes.StatusCode);
        Assert.Contains("Informe o início e o fim, ou deixe os dois em branco para o dia inteiro.", FormPosting.Text(await halfTimes.Content.ReadAsStringAsync()));
        await using (var db = app.NewDbContext())
            Assert.False(await db.AvailabilityExceptions.AnyAsync(e => e.ProfessionalId == p.Id));

        var dayOff = await PostRowAsync(client, p.Id, "SaveException", new() { ["Date"] = date, ["Kind"] = "TimeOff", ["Reason"] = "Consulta médica" });
        Assert.Equal(HttpStatusCode.OK, dayOff.StatusCode);
        Assert.Equal("availability-changed", dayOff.Headers.GetValues("HX-Trigger").Single());
        var grid = FormPosting.Parse(await dayOff.Content.ReadAsStringAsync());
        Assert.Equal("Consulta médica", grid.QuerySelector("[data-testid=exception-row] input[name=Reason]")!.GetAttribute("value"));

        await using (var db = app.NewDbContext())
        {
            var saved = await db.AvailabilityExceptions.SingleAsync(e => e.ProfessionalId == p.Id);
            Assert.Equal((AvailabilityExceptionKind.TimeOff, (TimeOnly?)null, "Consulta médica"), (saved.Kind, saved.Start, saved.Reason));
            var deleted = await client.PostFormAsync(Url(p.Id), Url(p.Id, "DeleteException") + $"&rowId={saved.Id}", [], htmx: true);
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }
        await using (var db = app.NewDbContext())
            Assert.False(await db.AvailabilityExceptions.AnyAsync(e => e.ProfessionalId == p.Id));
    }

    [Fact]
    public async Task A_scope_entry_overrides_the_default_in_the_table_of_today()
    {
        var toxin = await app.AddTreatmentAsync("Toxina botulínica (teste escopo)", Profession.Physician, Profession.Nurse);
        var peeling = await app.AddTreatmentAsync("Peeling químico (teste escopo)", Profession.Physician);
        var (client, p) = await ArrangeAsync();

        var before = await client.GetDocumentAsync(Url(p.Id));
        var beforeRow = before.QuerySelectorAll("#scope-today tr").Single(r => r.TextContent.Contains(toxin.Name));
        Assert.Equal("Independent", beforeRow.GetAttribute("data-scope-mode"));
        Assert.Contains("Padrão do procedimento: a profissão é permitida", beforeRow.TextContent);

        var today = app.ClinicToday;
        var saved = await PostRowAsync(client, p.Id, "SaveScope", new()
        {
            ["TreatmentId"] = toxin.Id.ToString(), ["Mode"] = "Prohibited", ["Conditions"] = "Aguardando curso de capacitação",
            ["ValidFrom"] = today.AddDays(-1).ToString("yyyy-MM-dd"), ["ValidUntil"] = today.AddDays(30).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("scope-changed", saved.Headers.GetValues("HX-Trigger").Single());

        using var request = new HttpRequestMessage(HttpMethod.Get, Url(p.Id, "ScopeTable"));
        request.Headers.Add("HX-Request", "true");
        var table = FormPosting.Parse(await (await client.SendAsync(request)).Content.ReadAsStringAsync());
        var toxinRow = table.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(toxin.Name));
        Assert.Equal("Prohibited", toxinRow.GetAttribute("data-scope-mode"));
        Assert.Contains("Proibido", toxinRow.TextContent);
        Assert.Contains("Regra específica deste profissional", toxinRow.TextContent);
        Assert.Contains("Aguardando curso de capacitação", toxinRow.TextContent);
        var peelingRow = table.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(peeling.Name));
        Assert.Equal("Independent", peelingRow.GetAttribute("data-scope-mode"));

        // A second entry for the same treatment and period would leave the rule guessing: refused.
        var twice = await PostRowAsync(client, p.Id, "SaveScope", new() { ["TreatmentId"] = toxin.Id.ToString(), ["Mode"] = "Supervised" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.Contains("Já existe uma regra para este procedimento que vale no mesmo período.", FormPosting.Text(await twice.Content.ReadAsStringAsync()));
        await using var db = app.NewDbContext();
        Assert.Single(await db.ProfessionalScopes.Where(s => s.ProfessionalId == p.Id).ToListAsync());
    }

    [Fact]
    public async Task A_scope_entry_with_its_validity_backwards_or_a_stale_version_is_refused()
    {
        var toxin = await app.AddTreatmentAsync("Preenchedor (teste validade)", Profession.Physician);
        var (client, p) = await ArrangeAsync();
        var backwards = await PostRowAsync(client, p.Id, "SaveScope", new()
        {
            ["TreatmentId"] = toxin.Id.ToString(), ["Mode"] = "Supervised", ["ValidFrom"] = "2027-02-01", ["ValidUntil"] = "2027-01-01",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, backwards.StatusCode);
        Assert.Contains("A data final da validade deve ser igual ou posterior à inicial.", FormPosting.Text(await backwards.Content.ReadAsStringAsync()));

        var entry = new ProfessionalScope { ProfessionalId = p.Id, TreatmentId = toxin.Id, Mode = ScopeMode.Supervised };
        await using (var db = app.NewDbContext())
        {
            db.ProfessionalScopes.Add(entry);
            await db.SaveChangesAsync();
        }
        var stale = await PostRowAsync(client, p.Id, "SaveScope", new()
        {
            ["RowId"] = entry.Id.ToString(), ["Version"] = Guid.NewGuid().ToString(), ["TreatmentId"] = toxin.Id.ToString(), ["Mode"] = "Prohibited",
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        // The shared stale-edit answer (StaleEditFilter), on the row as typed; the entry was written outside any signed-in
        // request here, so its audit row names the system account.
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Matches(@"Alterado por system às \d{2}:\d{2}; recarregue\.", FormPosting.Text(html));
        Assert.Equal("Prohibited", FormPosting.Parse(html).QuerySelector($"#scope-mode-{entry.Id:N} option[selected]")!.GetAttribute("value"));
        await using (var db = app.NewDbContext())
            Assert.Equal(ScopeMode.Supervised, (await db.ProfessionalScopes.SingleAsync(s => s.Id == entry.Id)).Mode);
    }

    [Fact]
    public async Task The_week_shows_the_configured_hours_the_day_off_and_a_closed_day()
    {
        var monday = app.UpcomingMonday();
        var (client, p) = await ArrangeAsync(x =>
        {
            foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday })
            {
                x.WorkingHours.Add(new WorkingHours { Day = day, Start = new(9, 0), End = new(12, 0) });
                x.WorkingHours.Add(new WorkingHours { Day = day, Start = new(13, 0), End = new(18, 0) });
            }
            x.AvailabilityExceptions.Add(new ProfessionalAvailabilityException { Date = monday.AddDays(1), Kind = AvailabilityExceptionKind.TimeOff });
            x.AvailabilityExceptions.Add(new ProfessionalAvailabilityException { Date = monday.AddDays(3), Kind = AvailabilityExceptionKind.Blocked, Reason = "Inventário" });
        });
        await using (var db = app.NewDbContext())
        {
            db.ClinicClosedDays.Add(new ClinicClosedDay { Date = monday.AddDays(2), Name = "Feriado de teste" });
            await db.SaveChangesAsync();
        }

        // Any date of the week selects the whole week, Monday to Sunday.
        var page = await client.GetDocumentAsync($"{Url(p.Id)}&week={monday.AddDays(3):yyyy-MM-dd}");
        var week = page.QuerySelector("#week-availability")!;
        string Day(DateOnly d) => week.QuerySelector($"li[data-date='{d:yyyy-MM-dd}']")!.TextContent;
        Assert.Equal(7, week.QuerySelectorAll("li[data-date]").Length);
        Assert.Contains("09:00–12:00", Day(monday));
        Assert.Contains("13:00–18:00", Day(monday));
        Assert.Contains("Folga", Day(monday.AddDays(1)));
        Assert.DoesNotContain("09:00", Day(monday.AddDays(1)));
        Assert.Contains("Clínica fechada: Feriado de teste", Day(monday.AddDays(2)));
        Assert.Contains("Dia bloqueado", Day(monday.AddDays(3)));
        Assert.Contains("Inventário", Day(monday.AddDays(3)));
        Assert.Contains("Sem expediente", Day(monday.AddDays(4)));

        // The next-week link fetches just the section and pushes the page's own URL.
        var next = week.QuerySelectorAll("a").Single(a => a.TextContent.Contains("Próxima semana"));
        Assert.Equal($"{Url(p.Id)}&week={monday.AddDays(7):yyyy-MM-dd}", next.GetAttribute("hx-push-url"));
        using var request = new HttpRequestMessage(HttpMethod.Get, next.GetAttribute("hx-get"));
        request.Headers.Add("HX-Request", "true");
        var fragment = FormPosting.Parse(await (await client.SendAsync(request)).Content.ReadAsStringAsync());
        Assert.NotNull(fragment.QuerySelector($"#week-availability li[data-date='{monday.AddDays(7):yyyy-MM-dd}']"));
        Assert.Contains("09:00–12:00", fragment.QuerySelector($"li[data-date='{monday.AddDays(8):yyyy-MM-dd}']")!.TextContent);
    }

    [Fact]
    public async Task The_page_header_shows_the_registration_and_a_suspended_standing_in_red()
    {
        var (client, p) = await ArrangeAsync(x => { x.FullName = "Dra. Suspensa"; x.RegistrationStatus = RegistrationStatus.Suspended; });
        var page = await client.GetDocumentAsync(Url(p.Id));
        var header = page.QuerySelector("#professional-header")!;
        Assert.Contains("CRM/SP 123456", header.TextContent);
        var badge = header.QuerySelector(".badge[data-standing]")!;
        Assert.Contains("text-bg-danger", badge.ClassName);
        Assert.Equal("Registro suspenso", badge.TextContent.Trim());
    }

    [Fact]
    public async Task An_unknown_professional_is_not_found()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(Guid.NewGuid()))).StatusCode);
    }
}
