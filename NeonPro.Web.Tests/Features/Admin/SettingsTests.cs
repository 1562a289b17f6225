using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Domain.Clinic;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Time;
using NeonPro.Web.Tests.Infrastructure;
using static NeonPro.Web.Tests.Features.Admin.AdminTestSupport;

namespace NeonPro.Web.Tests.Features.Admin;

/// <summary>/Admin/Settings through its real form: what the page shows is what is posted back, with changes.</summary>
public sealed class SettingsTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private const string Url = "/Admin/Settings";

    /// <summary>The form as the page currently fills it, with some fields changed, posted back.</summary>
    private static async Task<HttpResponseMessage> SaveAsync(HttpClient admin, Dictionary<string, string> changes, bool htmx = false)
    {
        var page = await admin.GetDocumentAsync(Url);
        var fields = CurrentValues(page, "form#clinic-settings");
        foreach (var (k, v) in changes) fields[k] = v;
        return await admin.PostFormAsync(Url, fields, htmx);
    }

    private static Dictionary<string, string> Valid(string cnpj = "11.222.333/0001-81") => new()
    {
        ["Input.Name"] = "Clínica Bela Pele",
        ["Input.Cnpj"] = cnpj,
        ["Input.Street"] = "Rua Augusta",
        ["Input.Number"] = "1500",
        ["Input.Complement"] = "Sala 12",
        ["Input.District"] = "Consolação",
        ["Input.City"] = "São Paulo",
        ["Input.State"] = "SP",
        ["Input.PostalCode"] = "01304-001",
        ["Input.Phone"] = "(11) 3333-4444",
        ["Input.TimeZoneId"] = "America/Sao_Paulo",
    };

    private async Task<ClinicSettings?> RowAsync()
    {
        await using var db = app.NewDbContext();
        return await db.ClinicSettings.AsNoTracking().FirstOrDefaultAsync();
    }

    /// <summary>A saved row to compare against, whatever ran before.</summary>
    private async Task<(HttpClient Admin, ClinicSettings Row)> SavedAsync()
    {
        var (admin, _) = await app.SignedInClientAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(admin, Valid())).StatusCode);
        return (admin, (await RowAsync())!);
    }

    private static void AssertUnchanged(ClinicSettings before, ClinicSettings? after)
    {
        Assert.NotNull(after);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Name, after.Name);
        Assert.Equal(before.Cnpj, after.Cnpj);
        Assert.Equal(before.TimeZoneId, after.TimeZoneId);
        Assert.Equal(before.PostalCode, after.PostalCode);
    }

    [Theory]
    [InlineData("11.222.333/0001-81", "11222333000181", "11.222.333/0001-81")]
    [InlineData("11222333000181", "11222333000181", "11.222.333/0001-81")]
    [InlineData("12.ABC.345/01DE-35", "12ABC34501DE35", "12.ABC.345/01DE-35")]
    [InlineData("12abc34501de35", "12ABC34501DE35", "12.ABC.345/01DE-35")]
    public async Task Settings_save_with_a_valid_CNPJ_stored_normalised_and_shown_formatted(string typed, string stored, string shown)
    {
        var (admin, _) = await app.SignedInClientAsync(Roles.Admin);

        var response = await SaveAsync(admin, Valid(typed));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var row = (await RowAsync())!;
        Assert.Equal(ClinicSettings.SingletonId, row.Id);
        Assert.Equal(stored, row.Cnpj);
        Assert.Equal("Clínica Bela Pele", row.Name);
        Assert.Equal("01304001", row.PostalCode);
        Assert.Equal("SP", row.State);
        Assert.Equal("(11) 3333-4444", row.Phone);

        var page = await admin.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(shown, page.QuerySelector("#Input_Cnpj")!.GetAttribute("value"));
        Assert.Equal("01304-001", page.QuerySelector("#Input_PostalCode")!.GetAttribute("value"));
        Assert.Equal("CNPJ", page.QuerySelector("label[for=Input_Cnpj]")!.TextContent.Trim());
        Assert.Contains("Configurações da clínica salvas.", page.QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task A_CNPJ_with_a_wrong_check_digit_is_refused_beside_the_field_and_nothing_changes()
    {
        var (admin, before) = await SavedAsync();

        var changes = Valid("11.222.333/0001-80");
        changes["Input.Name"] = "Nome que não deve ficar";
        var response = await SaveAsync(admin, changes);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var doc = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("CNPJ inválido.", MessageFor(doc, "Input.Cnpj"));
        Assert.Equal("11.222.333/0001-80", doc.QuerySelector("#Input_Cnpj")!.GetAttribute("value"));
        AssertUnchanged(before, await RowAsync());
    }

    [Theory]
    [InlineData("Input.Name", "", "Informe o nome da clínica.")]
    [InlineData("Input.PostalCode", "0130400", "Informe o CEP com 8 dígitos (00000-000).")]
    [InlineData("Input.PostalCode", "01304-00A", "Informe o CEP com 8 dígitos (00000-000).")]
    [InlineData("Input.State", "XX", "Escolha uma UF da lista.")]
    [InlineData("Input.Phone", "ligar na recepção", "Informe o telefone com DDD, só com números (pode ter +, espaços, parênteses e hífen).")]
    [InlineData("Input.Phone", "3333-444", "Informe o telefone com DDD, só com números (pode ter +, espaços, parênteses e hífen).")]
    [InlineData("Input.TimeZoneId", "Europe/Lisbon", "Escolha um fuso horário da lista.")]
    [InlineData("Input.TimeZoneId", "America/New_York", "Escolha um fuso horário da lista.")]
    public async Task Invalid_input_is_refused_with_422_beside_the_field(string field, string value, string message)
    {
        var (admin, before) = await SavedAsync();

        var changes = Valid();
        changes[field] = value;
        var response = await SaveAsync(admin, changes, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var doc = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(doc.QuerySelector("form#clinic-settings"));
        Assert.Equal(message, MessageFor(doc, field));
        AssertUnchanged(before, await RowAsync());
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_nothing_is_saved()
    {
        var (admin, _) = await SavedAsync();
        var stalePage = await admin.GetDocumentAsync(Url);
        var staleFields = CurrentValues(stalePage, "form#clinic-settings");

        // Someone else saves in between.
        var (other, _) = await app.SignedInClientAsync(Roles.Admin);
        var otherChanges = Valid();
        otherChanges["Input.Name"] = "Salvo pela outra pessoa";
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(other, otherChanges)).StatusCode);
        var afterOther = (await RowAsync())!;

        staleFields["Input.Name"] = "Versão antiga";
        var response = await admin.PostFormAsync(Url, staleFields);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var doc = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Matches(@"Alterado por Teste Admin às \d{2}:\d{2}; recarregue\.", doc.QuerySelector("form#clinic-settings [role=alert]")!.TextContent);
        AssertUnchanged(afterOther, await RowAsync());
        Assert.Equal("Salvo pela outra pessoa", (await RowAsync())!.Name);
    }

    [Fact]
    public async Task Saving_a_new_time_zone_applies_at_once_and_htmx_gets_the_form_with_the_new_version()
    {
        var (admin, before) = await SavedAsync();
        var clock = app.Services.GetRequiredService<ClinicClock>();
        Assert.Equal("America/Sao_Paulo", clock.TimeZone.Id);

        var changes = Valid();
        changes["Input.TimeZoneId"] = "America/Manaus";
        var response = await SaveAsync(admin, changes, htmx: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = (await RowAsync())!;
        Assert.Equal("America/Manaus", row.TimeZoneId);
        Assert.NotEqual(before.Version, row.Version);
        Assert.Equal("America/Manaus", clock.TimeZone.Id);
        var fragment = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(row.Version.ToString(), fragment.QuerySelector("#Input_Version")!.GetAttribute("value"));
        Assert.Contains("Configurações da clínica salvas.", fragment.QuerySelector("[role=status]")!.TextContent);

        // Back to the default, so the rest of this class sees São Paulo.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(admin, Valid())).StatusCode);
        Assert.Equal("America/Sao_Paulo", clock.TimeZone.Id);
    }
}

/// <summary>A clinic that never saved its settings: the row is created by the first save. Its own database.</summary>
public sealed class FirstSettingsSaveTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    [Fact]
    public async Task The_first_save_creates_the_settings_row()
    {
        await using (var db = app.NewDbContext()) Assert.False(await db.ClinicSettings.AnyAsync());
        var (admin, _) = await app.SignedInClientAsync(Roles.Admin);

        var page = await admin.GetDocumentAsync("/Admin/Settings");
        var fields = CurrentValues(page, "form#clinic-settings");
        Assert.Equal(Guid.Empty.ToString(), fields["Input.Version"]);
        Assert.Equal("America/Sao_Paulo", fields["Input.TimeZoneId"]);
        fields["Input.Name"] = "Clínica Primeira Vez";
        fields["Input.Cnpj"] = "12.ABC.345/01DE-35";
        var response = await admin.PostFormAsync("/Admin/Settings", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var after = app.NewDbContext();
        var row = await after.ClinicSettings.AsNoTracking().SingleAsync();
        Assert.Equal(ClinicSettings.SingletonId, row.Id);
        Assert.Equal("Clínica Primeira Vez", row.Name);
        Assert.Equal("12ABC34501DE35", row.Cnpj);
        Assert.Equal("America/Sao_Paulo", row.TimeZoneId);
        Assert.Null(row.PostalCode);

        // A second form still carrying the empty version cannot create it again.
        fields["Input.Name"] = "Outra Primeira Vez";
        var again = await admin.PostFormAsync("/Admin/Settings", fields);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await using var last = app.NewDbContext();
        Assert.Equal("Clínica Primeira Vez", (await last.ClinicSettings.AsNoTracking().SingleAsync()).Name);
    }
}
