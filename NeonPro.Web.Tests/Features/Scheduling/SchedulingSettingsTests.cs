using System.Net;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;
using static NeonPro.Web.Tests.Features.Admin.AdminTestSupport;

namespace NeonPro.Web.Tests.Features.Scheduling;

/// <summary>/Scheduling/Settings through its real form, and the grid and cancellation policy following what was saved.</summary>
/// <summary>The late-cancellation notice counts hours from now to the visit: on a held clock, not the machine's.</summary>
public sealed class SchedulingSettingsTests(FakeClockFactory app) : IClassFixture<FakeClockFactory>
{
    internal const string Url = "/Scheduling/Settings";
    internal const string Form = "form#scheduling-settings";

    internal static Dictionary<string, string> Valid() => new()
    {
        ["Input.OpensAt"] = "07:00",
        ["Input.ClosesAt"] = "21:00",
        ["Input.SlotMinutes"] = "15",
        ["Input.LateCancellationNoticeHours"] = "24",
        ["Input.LateCancellationFee"] = "50,00",
    };

    /// <summary>The form as the page currently fills it (with its Version), some fields changed, posted back.</summary>
    internal static async Task<HttpResponseMessage> SaveAsync(HttpClient manager, Dictionary<string, string> changes, bool htmx = false)
    {
        var page = await manager.GetDocumentAsync(Url);
        var fields = CurrentValues(page, Form);
        foreach (var (k, v) in changes) fields[k] = v;
        return await manager.PostFormAsync(Url, fields, htmx);
    }

    private async Task<SchedulingSettings?> RowAsync()
    {
        await using var db = app.NewDbContext();
        return await db.SchedulingSettings.AsNoTracking().SingleOrDefaultAsync();
    }

    /// <summary>A saved row to compare against, whatever ran before in this class.</summary>
    private async Task<(HttpClient Manager, SchedulingSettings Row)> SavedAsync()
    {
        var (manager, _) = await app.SignedInClientAsync(Roles.Manager);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(manager, Valid())).StatusCode);
        return (manager, (await RowAsync())!);
    }

    private static void AssertUnchanged(SchedulingSettings before, SchedulingSettings? after)
    {
        Assert.NotNull(after);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.OpensAt, after.OpensAt);
        Assert.Equal(before.ClosesAt, after.ClosesAt);
        Assert.Equal(before.SlotMinutes, after.SlotMinutes);
        Assert.Equal(before.LateCancellationNoticeHours, after.LateCancellationNoticeHours);
        Assert.Equal(before.LateCancellationFee, after.LateCancellationFee);
    }

    [Theory]
    [InlineData(Roles.Receptionist)]
    [InlineData(Roles.Professional)]
    public async Task Front_desk_and_professionals_are_kept_out_and_cannot_save(string role)
    {
        var (_, before) = await SavedAsync();
        var (client, _) = await app.SignedInClientAsync(role);

        var page = await client.GetAsync(Url);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("AccessDenied", page.Headers.Location!.OriginalString);

        // A post built by hand (the token comes from a page they may open) changes nothing either.
        var changes = Valid();
        changes["Input.LateCancellationFee"] = "0,00";
        var post = await client.PostFormAsync("/", Url, [.. changes, new("Input.Version", before.Version.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("AccessDenied", post.Headers.Location!.OriginalString);
        AssertUnchanged(before, await RowAsync());
    }

    [Theory]
    [InlineData("Input.SlotMinutes", "7", "Escolha um intervalo entre 5 e 60 minutos que divida a hora em partes iguais.")]
    [InlineData("Input.SlotMinutes", "90", "Escolha um intervalo entre 5 e 60 minutos que divida a hora em partes iguais.")]
    [InlineData("Input.SlotMinutes", "", "Escolha o intervalo da grade.")]
    [InlineData("Input.OpensAt", "", "Informe o horário de abertura.")]
    [InlineData("Input.OpensAt", "07:10", "A abertura deve cair no início de um intervalo de 15 minutos.")]
    [InlineData("Input.ClosesAt", "20:50", "O fechamento deve cair no início de um intervalo de 15 minutos.")]
    [InlineData("Input.ClosesAt", "06:00", "O fechamento deve ser depois da abertura.")]
    [InlineData("Input.ClosesAt", "25:00", "Horário inválido.")]
    [InlineData("Input.LateCancellationNoticeHours", "-1", "A antecedência deve ficar entre 0 e 168 horas.")]
    [InlineData("Input.LateCancellationNoticeHours", "200", "A antecedência deve ficar entre 0 e 168 horas.")]
    [InlineData("Input.LateCancellationFee", "cinquenta", "Informe um valor em reais, por exemplo 1.234,56.")]
    [InlineData("Input.LateCancellationFee", "50,001", "Informe um valor em reais, por exemplo 1.234,56.")]
    [InlineData("Input.LateCancellationFee", "-5,00", "A taxa não pode ser negativa.")]
    [InlineData("Input.LateCancellationFee", "", "Informe a taxa em reais (0,00 para nenhuma).")]
    public async Task Invalid_input_is_refused_with_422_beside_the_field_and_nothing_changes(string field, string value, string message)
    {
        var (manager, before) = await SavedAsync();

        var changes = Valid();
        changes[field] = value;
        var response = await SaveAsync(manager, changes, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var doc = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(doc.QuerySelector(Form));
        Assert.Equal(message, MessageFor(doc, field));
        var id = field.Replace('.', '_');
        Assert.Equal("true", doc.QuerySelector($"#{id}")!.GetAttribute("aria-invalid"));
        AssertUnchanged(before, await RowAsync());
    }

    [Fact]
    public async Task What_was_typed_stays_in_the_field_when_refused()
    {
        var (manager, _) = await SavedAsync();
        var changes = Valid();
        changes["Input.LateCancellationFee"] = "R$ cinquenta";

        var response = await SaveAsync(manager, changes, htmx: true);

        var doc = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("R$ cinquenta", doc.QuerySelector("#Input_LateCancellationFee")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_nothing_is_saved()
    {
        var (manager, _) = await SavedAsync();
        var staleFields = CurrentValues(await manager.GetDocumentAsync(Url), Form);

        // Someone else saves in between.
        var (other, _) = await app.SignedInClientAsync(Roles.Admin);
        var otherChanges = Valid();
        otherChanges["Input.LateCancellationFee"] = "80,00";
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(other, otherChanges)).StatusCode);
        var afterOther = (await RowAsync())!;

        staleFields["Input.LateCancellationFee"] = "10,00";
        var response = await manager.PostFormAsync(Url, staleFields, htmx: true);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var doc = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Matches(@"Alterado por Teste Admin às \d{2}:\d{2}; recarregue\.", doc.QuerySelector($"{Form} [role=alert]")!.TextContent);
        AssertUnchanged(afterOther, await RowAsync());
        Assert.Equal(80m, (await RowAsync())!.LateCancellationFee);
    }

    [Fact]
    public async Task An_htmx_save_answers_with_the_form_carrying_the_new_version()
    {
        var (manager, before) = await SavedAsync();
        var changes = Valid();
        changes["Input.LateCancellationNoticeHours"] = "12";

        var response = await SaveAsync(manager, changes, htmx: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = (await RowAsync())!;
        Assert.Equal(12, row.LateCancellationNoticeHours);
        Assert.NotEqual(before.Version, row.Version);
        var doc = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(row.Version.ToString(), doc.QuerySelector("#Input_Version")!.GetAttribute("value"));
        Assert.Contains("Configurações da agenda salvas.", doc.QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task The_grid_is_drawn_with_the_saved_hours_and_slot_size()
    {
        var (manager, _) = await SavedAsync();
        await SchedulingWorld.CreateAsync(app);
        var changes = Valid();
        changes["Input.OpensAt"] = "10:00";
        changes["Input.ClosesAt"] = "12:00";
        changes["Input.SlotMinutes"] = "30";
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(manager, changes)).StatusCode);

        var date = SchedulingWorld.NextMondayUtc(10).AddHours(-3).ToString("yyyy-MM-dd");
        var grid = await manager.GetDocumentAsync($"/Scheduling?date={date}&view=day&by=professional");

        var column = grid.QuerySelector(".sched-col")!;
        Assert.Equal(["10:00", "10:30", "11:00", "11:30"], column.QuerySelectorAll(".slot").Select(s => s.GetAttribute("data-time")!));
        // Managers reach these settings from the grid's toolbar.
        Assert.NotNull(grid.QuerySelector("#schedule-grid a[href='/Scheduling/Settings']"));
    }

    [Fact]
    public async Task The_receptionist_sees_no_settings_link_in_the_grid()
    {
        var (receptionist, _) = await app.SignedInClientAsync(Roles.Receptionist);

        var grid = await receptionist.GetDocumentAsync("/Scheduling");

        Assert.NotNull(grid.QuerySelector("#schedule-grid"));
        Assert.Null(grid.QuerySelector("a[href='/Scheduling/Settings']"));
    }

    [Fact]
    public async Task A_late_cancellation_is_charged_the_saved_fee()
    {
        var (manager, _) = await SavedAsync();
        var changes = Valid();
        changes["Input.LateCancellationNoticeHours"] = "72";
        changes["Input.LateCancellationFee"] = "75,50";
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(manager, changes)).StatusCode);

        var w = await SchedulingWorld.CreateAsync(app);
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        // The held clock says Tuesday 10:00: Wednesday at 10:00 is 24 hours away, inside the 72-hour notice.
        var day = app.ClinicToday.AddDays(1);
        Assert.Equal(DayOfWeek.Wednesday, day.DayOfWeek);
        var booked = await client.PostFormAsync("/Scheduling", "/Scheduling?handler=Book",
        [
            new("Input.PatientId", w.PatientIds[0].ToString()), new("Input.ProfessionalId", w.ProfessionalId.ToString()),
            new("Input.TreatmentId", w.TreatmentId.ToString()), new("Input.RoomId", ""),
            new("Input.Date", day.ToString("yyyy-MM-dd")), new("Input.Time", "10:00"),
            new("Input.DurationMinutes", "60"), new("Input.AcknowledgeWarnings", "true"),
        ], htmx: true);
        Assert.Equal(HttpStatusCode.OK, booked.StatusCode);
        await using (var db = app.NewDbContext())
        {
            var a = await db.Appointments.AsNoTracking().SingleAsync(x => x.PatientId == w.PatientIds[0]);
            var cancel = await client.PostFormAsync("/Scheduling", "/Scheduling?handler=Status",
                [new("id", a.Id.ToString()), new("version", a.Version.ToString()), new("to", "Cancelled"), new("reason", "Imprevisto")], htmx: true);
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        }

        await using var check = app.NewDbContext();
        var cancelled = await check.Appointments.AsNoTracking().SingleAsync(x => x.PatientId == w.PatientIds[0]);
        Assert.Equal(AppointmentStatus.Cancelled, cancelled.Status);
        Assert.Equal(75.50m, cancelled.CancellationFee);
    }
}

/// <summary>The first save on a clinic that never saved scheduling settings (its own database, so no row exists yet).</summary>
public sealed class SchedulingSettingsFirstSaveTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private async Task<SchedulingSettings?> SingleRowAsync()
    {
        await using var db = app.NewDbContext();
        return await db.SchedulingSettings.AsNoTracking().SingleOrDefaultAsync();
    }

    [Fact]
    public async Task The_first_save_creates_the_one_row_and_reads_the_fee_the_Brazilian_way()
    {
        await using (var db = app.NewDbContext()) Assert.False(await db.SchedulingSettings.AnyAsync());
        var (manager, _) = await app.SignedInClientAsync(Roles.Manager);

        // Before any save the form shows the defaults the grid already uses, with no version.
        var blank = await manager.GetDocumentAsync(SchedulingSettingsTests.Url);
        Assert.Equal("08:00", blank.QuerySelector("#Input_OpensAt")!.GetAttribute("value"));
        Assert.Equal("20:00", blank.QuerySelector("#Input_ClosesAt")!.GetAttribute("value"));
        Assert.Equal(Guid.Empty.ToString(), blank.QuerySelector("#Input_Version")!.GetAttribute("value"));

        var changes = SchedulingSettingsTests.Valid();
        changes["Input.OpensAt"] = "07:30";
        changes["Input.SlotMinutes"] = "30";
        changes["Input.LateCancellationNoticeHours"] = "48";
        changes["Input.LateCancellationFee"] = "1.234,56";
        var response = await SchedulingSettingsTests.SaveAsync(manager, changes);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var row = Assert.IsType<SchedulingSettings>(await SingleRowAsync());
        Assert.Equal(SchedulingSettings.SingletonId, row.Id);
        Assert.Equal(new TimeOnly(7, 30), row.OpensAt);
        Assert.Equal(new TimeOnly(21, 0), row.ClosesAt);
        Assert.Equal(30, row.SlotMinutes);
        Assert.Equal(48, row.LateCancellationNoticeHours);
        Assert.Equal(1234.56m, row.LateCancellationFee);

        var page = await manager.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("1.234,56", page.QuerySelector("#Input_LateCancellationFee")!.GetAttribute("value"));
        Assert.Equal("07:30", page.QuerySelector("#Input_OpensAt")!.GetAttribute("value"));
        Assert.Equal("30", page.QuerySelector("#Input_SlotMinutes option[selected]")!.GetAttribute("value"));
        Assert.Equal("Taxa de cancelamento tardio (R$)", page.QuerySelector("label[for=Input_LateCancellationFee]")!.TextContent.Trim());
        Assert.Contains("Configurações da agenda salvas.", page.QuerySelector("[role=status]")!.TextContent);
    }
}
