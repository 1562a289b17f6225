using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Features.Patients;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Patients;

/// <summary>The navigation search box's endpoint: name fragments, CPF digits and phone digits.</summary>
public sealed class PatientSearchTests(NeonProFactory app) : IClassFixture<NeonProFactory>, IAsyncLifetime
{
    private HttpClient _client = null!;
    private Guid _joao;
    private const string JoaoCpf = "52998224725";

    public async Task InitializeAsync()
    {
        (_client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        if (await PatientsArrange.CountAsync(app, q => q.Where(p => p.Cpf == JoaoCpf)) > 0)
        {
            _joao = await app.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<NeonProDbContext>().Patients.Single(p => p.Cpf == JoaoCpf).Id));
            return;
        }
        var form = PatientsArrange.ValidForm("João da Silva", Cpf.Format(JoaoCpf), "1971-05-02");
        form["Input.MobilePhone"] = "(21) 99123-4567";
        _joao = await _client.CreatePatientAsync(form);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(HttpResponseMessage Response, List<Guid> Ids, string Html)> SearchAsync(string q)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/Patients?handler=Search&q={Uri.EscapeDataString(q)}");
        request.Headers.Add("HX-Request", "true");
        var response = await _client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = FormPosting.Parse(html).QuerySelectorAll("[role=option]")
            .Select(o => Guid.Parse(o.GetAttribute("data-href")!["/Patients/Chart?id=".Length..])).ToList();
        return (response, ids, html);
    }

    [Theory]
    [InlineData("joao sil")]
    [InlineData("JOÃO SIL")]
    [InlineData("silva jo")]
    [InlineData("joão da silva")]
    public async Task A_name_fragment_without_accents_finds_the_patient(string q)
    {
        var (_, ids, _) = await SearchAsync(q);
        Assert.Contains(_joao, ids);
    }

    [Theory]
    [InlineData("joao xyz")]
    [InlineData("oao")]
    [InlineData("silvana")]
    public async Task A_fragment_that_does_not_start_a_word_of_the_name_finds_nothing(string q)
    {
        var (_, ids, html) = await SearchAsync(q);
        Assert.DoesNotContain(_joao, ids);
        if (ids.Count == 0) Assert.Contains("Nenhum paciente encontrado.", FormPosting.Text(html));
    }

    [Theory]
    [InlineData("529")]
    [InlineData("5299822")]
    [InlineData("529.982.247-25")]
    public async Task Cpf_digits_find_the_patient_by_prefix(string q)
    {
        var (_, ids, html) = await SearchAsync(q);
        Assert.Contains(_joao, ids);
        Assert.Contains("***.982.247-**", html); // the list shows the CPF masked
    }

    [Theory]
    [InlineData("4567")]
    [InlineData("91234567")]
    [InlineData("(21) 99123-4567")]
    [InlineData("+55 21 99123-4567")]
    public async Task Phone_digits_find_the_patient_by_the_end_of_the_number(string q)
    {
        var (_, ids, html) = await SearchAsync(q);
        Assert.Contains(_joao, ids);
        Assert.Contains("(21) 99123-4567", html);
    }

    [Fact]
    public async Task The_result_shows_the_display_name_and_birth_date_and_links_to_the_chart()
    {
        var (response, _, html) = await SearchAsync("joao sil");
        var option = FormPosting.Parse(html).QuerySelector($"#patient-option-{_joao}");
        Assert.NotNull(option);
        Assert.Contains("João da Silva", option!.TextContent);
        Assert.Contains("02/05/1971", option.TextContent);
        Assert.Equal($"/Patients/Chart?id={_joao}", option.QuerySelector("a")!.GetAttribute("href"));
        // The server time of the search, for the benchmark.
        Assert.Matches(@"^search;dur=\d+(\.\d+)?$", response.Headers.GetValues("Server-Timing").Single());
    }

    [Fact]
    public async Task Anonymized_patients_are_not_found()
    {
        var cpf = PatientsArrange.NewCpf();
        var id = await _client.CreatePatientAsync(PatientsArrange.ValidForm($"Rosa Anônima {PatientsArrange.UniqueSurname()}", Cpf.Format(cpf)));
        Assert.Contains(id, (await SearchAsync(cpf[..6])).Ids);

        await PatientsArrange.UpdateAsync(app, id, p => p.AnonymizedAtUtc = DateTime.UtcNow);

        Assert.DoesNotContain(id, (await SearchAsync(cpf[..6])).Ids);
        Assert.DoesNotContain(id, (await SearchAsync("rosa anonima")).Ids);
    }

    [Fact]
    public async Task At_most_twenty_patients_come_back()
    {
        var surname = PatientsArrange.UniqueSurname();
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NeonProDbContext>();
            for (var i = 0; i < 25; i++)
            {
                var p = new Patient { FullName = $"Beatriz {surname}", BirthDate = new DateOnly(1990, 1, 1).AddDays(i), Cpf = PatientsArrange.NewCpf(), CreatedAtUtc = DateTime.UtcNow };
                PatientSearchColumns.Refresh(p);
                db.Patients.Add(p);
            }
            await db.SaveChangesAsync();
        });

        var (_, ids, _) = await SearchAsync($"bea {surname[..8]}");
        Assert.Equal(20, ids.Count);
        Assert.Equal(20, ids.Distinct().Count());
    }

    [Fact]
    public async Task An_empty_query_answers_nothing_to_show()
    {
        var (_, ids, html) = await SearchAsync("  ");
        Assert.Empty(ids);
        Assert.Equal("", html.Trim());
    }

    [Fact]
    public async Task Every_page_carries_the_search_box_in_its_navigation()
    {
        var doc = await _client.GetDocumentAsync("/");
        var box = doc.QuerySelector("nav #patient-search-input");
        Assert.NotNull(box);
        Assert.Equal("combobox", box!.GetAttribute("role"));
        Assert.Equal("/Patients?handler=Search", box.GetAttribute("hx-get"));
        Assert.Equal("Buscar paciente", doc.QuerySelector("label[for=patient-search-input]")?.TextContent.Trim());
    }

    [Fact]
    public async Task Finding_nobody_offers_to_register_the_name_typed()
    {
        var (_, ids, html) = await SearchAsync("Zuleica Nenhuma");
        Assert.Empty(ids);
        var link = FormPosting.Parse(html).QuerySelector("a[href^='/Patients/Create']");
        Assert.NotNull(link);
        Assert.Equal("Cadastrar novo paciente", link!.TextContent.Trim());

        var form = await _client.GetDocumentAsync(link.GetAttribute("href")!);
        Assert.Equal("Zuleica Nenhuma", form.QuerySelector("input[name='Input.FullName']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Digits_that_found_nobody_are_not_guessed_into_the_new_registration()
    {
        var form = await _client.GetDocumentAsync("/Patients/Create?q=11987654321");
        Assert.True(string.IsNullOrEmpty(form.QuerySelector("input[name='Input.FullName']")?.GetAttribute("value")));
        Assert.True(string.IsNullOrEmpty(form.QuerySelector("input[name='Input.Cpf']")?.GetAttribute("value")));
    }
}
