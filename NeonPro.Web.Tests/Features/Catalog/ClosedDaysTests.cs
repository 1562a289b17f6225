using System.Net;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Catalog;

public sealed class ClosedDaysTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private const string Url = "/Catalog/ClosedDays";

    [Fact]
    public async Task A_closed_day_is_added_a_duplicate_date_refused_and_it_can_be_removed()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);

        var added = await client.PostFormAsync(Url, $"{Url}?handler=Add", [new("date", "2031-01-25"), new("name", "Aniversário de São Paulo")], htmx: true);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var html = await added.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"closed-days\"", html.Trim());
        Assert.Contains("Aniversário de São Paulo", FormPosting.Text(html));
        Assert.Contains("25/01/2031", FormPosting.Text(html));
        var day = await app.NewDbContext().ClinicClosedDays.SingleAsync(d => d.Date == new DateOnly(2031, 1, 25));

        var duplicate = await client.PostFormAsync(Url, $"{Url}?handler=Add", [new("date", "2031-01-25"), new("name", "Outro motivo")], htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Contains("Já existe um dia fechado em 25/01/2031 (Aniversário de São Paulo).", FormPosting.Text(await duplicate.Content.ReadAsStringAsync()));
        Assert.Equal(1, await app.NewDbContext().ClinicClosedDays.CountAsync(d => d.Date == new DateOnly(2031, 1, 25)));

        var removed = await client.PostFormAsync(Url, $"{Url}?handler=Delete&year=2031", [new("id", day.Id.ToString())], htmx: true);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.DoesNotContain("Aniversário de São Paulo", FormPosting.Text(await removed.Content.ReadAsStringAsync()));
        Assert.False(await app.NewDbContext().ClinicClosedDays.AnyAsync(d => d.Id == day.Id));
    }

    [Theory]
    [InlineData("", "Feriado", "Informe a data.")]
    [InlineData("31/02/2031", "Feriado", "Data inválida: use dd/mm/aaaa.")]
    [InlineData("2031-03-10", "", "Informe o motivo (ex.: Aniversário da cidade).")]
    public async Task A_closed_day_needs_a_real_date_and_a_reason(string date, string name, string message)
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var before = await app.NewDbContext().ClinicClosedDays.CountAsync();
        var response = await client.PostFormAsync(Url, $"{Url}?handler=Add", [new("date", date), new("name", name)], htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, FormPosting.Text(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await app.NewDbContext().ClinicClosedDays.CountAsync());
    }

    [Fact]
    public async Task National_holidays_of_a_year_are_added_once_and_a_local_name_is_kept()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        await client.PostFormAsync(Url, $"{Url}?handler=Add", [new("date", "2026-04-21"), new("name", "Tiradentes (fechado o dia todo)")], htmx: true);

        var first = await client.PostFormAsync(Url, $"{Url}?handler=AddHolidays", [new("holidayYear", "2026")], htmx: true);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("12 feriados nacionais de 2026 adicionados.", Uri.UnescapeDataString(first.Headers.GetValues("HX-Trigger").Single()).Normalize());
        var page = FormPosting.Text(await first.Content.ReadAsStringAsync());
        Assert.Contains("17/02/2026", page);
        Assert.Contains("Carnaval (terça-feira)", page);

        var again = await client.PostFormAsync(Url, $"{Url}?handler=AddHolidays", [new("holidayYear", "2026")], htmx: true);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        var days = await app.NewDbContext().ClinicClosedDays.Where(d => d.Date >= new DateOnly(2026, 1, 1) && d.Date <= new DateOnly(2026, 12, 31)).ToListAsync();
        Assert.Equal(13, days.Count);
        Assert.Equal("Tiradentes (fechado o dia todo)", days.Single(d => d.Date == new DateOnly(2026, 4, 21)).Name);
        Assert.Equal("Corpus Christi", days.Single(d => d.Date == new DateOnly(2026, 6, 4)).Name);
    }

    [Theory]
    [InlineData("1800")]
    [InlineData("abc")]
    [InlineData("")]
    public async Task A_year_out_of_range_is_refused_next_to_its_field_and_adds_nothing(string year)
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var before = await app.NewDbContext().ClinicClosedDays.CountAsync();

        var response = await client.PostFormAsync(Url, $"{Url}?handler=AddHolidays", [new("holidayYear", year)], htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        // The field is marked invalid and the one message stands right after it, from ModelState like every other form.
        Assert.Matches("class=\"form-control is-invalid\" type=\"number\" id=\"holiday-year\"", html);
        Assert.Matches("<span class=\"invalid-feedback d-block field-validation-error\" data-valmsg-for=\"holidayYear\"[^>]*>Informe um ano entre \\d{4} e \\d{4}\\.</span>", html);
        Assert.Equal(before, await app.NewDbContext().ClinicClosedDays.CountAsync());
    }
}
