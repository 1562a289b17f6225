using System.Net;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Domain.Catalog;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;
using static NeonPro.Web.Tests.Features.Catalog.CatalogForms;

namespace NeonPro.Web.Tests.Features.Catalog;

public sealed class TreatmentsTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    [Fact]
    public async Task Manager_creates_a_treatment_that_needs_a_laser()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var laser = await client.AddEquipmentAsync(app, Unique("Laser Nd:YAG"));
        var name = Unique("Remoção de tatuagem");
        var form = Treatment(name);
        form["Input.Price"] = "1.234,56";
        form["Input.TussCode"] = "10101012";
        form["Input.MaximumAge"] = "70";

        var response = await client.PostTreatmentAsync(form, ["Physician", "Biomedic"], [laser]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(TreatmentsUrl, response.Headers.Location?.OriginalString);
        var saved = await app.FindTreatmentAsync(name);
        Assert.NotNull(saved);
        Assert.Equal(TreatmentCategory.Laser, saved.Category);
        Assert.Equal(1234.56m, saved.Price);
        Assert.Equal(30, saved.DurationMinutes);
        Assert.Equal("10101012", saved.TussCode);
        Assert.Equal([Profession.Physician, Profession.Biomedic], saved.AllowedProfessions);
        Assert.Equal((18, 70), (saved.MinimumAge, saved.MaximumAge));
        Assert.True(saved.ContraindicatedInPregnancy);
        Assert.False(saved.ContraindicatedInBreastfeeding);
        Assert.Equal((8, 45), (saved.RecommendedSessions, saved.SessionIntervalDays));
        Assert.Equal("Pele bronzeada\nUso de isotretinoína", saved.Contraindications?.ReplaceLineEndings("\n"));
        Assert.True(saved.PhotoRequired);
        Assert.True(saved.IsActive);
        Assert.Equal(laser, Assert.Single(saved.RequiredEquipment).Id);

        // The list shows it in pt-BR: category, BRL price, professions, the equipment it needs.
        var list = await client.GetDocumentAsync($"{TreatmentsUrl}?q={Uri.EscapeDataString(name)}");
        var row = list.QuerySelector($"#treatment-{saved.Id}");
        Assert.NotNull(row);
        var text = FormPosting.Text(row.OuterHtml);
        Assert.Contains("R$ 1.234,56", text);
        Assert.Contains("Médico(a), Biomédico(a)", text);
        Assert.Contains("30 min", text);
        Assert.Contains("Laser Nd:YAG", text);
    }

    [Theory]
    [InlineData("1.234,56", 1234.56)]
    [InlineData("1234,5", 1234.50)]
    [InlineData("R$ 80", 80)]
    [InlineData("80.50", 80.50)]
    [InlineData("1.500", 1500)]
    [InlineData("0", 0)]
    public async Task Prices_typed_the_brazilian_way_are_read_as_reais(string typed, decimal expected)
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var name = Unique("Limpeza de pele");
        var form = Treatment(name);
        form["Input.Price"] = typed;
        var response = await client.PostTreatmentAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, (await app.FindTreatmentAsync(name))!.Price);
    }

    [Fact]
    public async Task A_price_in_reais_is_read_the_same_when_the_screen_is_in_english()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var culture = await client.PostFormAsync("/", "/account/culture", [new("culture", "en"), new("returnUrl", "/")]);
        Assert.Equal(HttpStatusCode.Redirect, culture.StatusCode);
        Assert.Equal("en", (await client.GetDocumentAsync("/")).DocumentElement.GetAttribute("lang"));

        var name = Unique("Peeling");
        var form = Treatment(name);
        form["Input.Price"] = "1.234,56";
        var response = await client.PostTreatmentAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1234.56m, (await app.FindTreatmentAsync(name))!.Price);
    }

    [Theory]
    [InlineData("Input.AnvisaRegistration", "123456789012", "Registro de medicamento na ANVISA: 13 dígitos começando com 1 (ex.: 1.2345.6789.012-3).")]
    [InlineData("Input.MaximumAge", "10", "A idade máxima não pode ser menor que a mínima.")]
    [InlineData("Input.TussCode", "1010A012", "O código TUSS deve ter exatamente 8 dígitos.")]
    [InlineData("Input.TussCode", "1010101", "O código TUSS deve ter exatamente 8 dígitos.")]
    [InlineData("Input.DurationMinutes", "3", "A duração deve ser de 5 a 600 minutos.")]
    [InlineData("Input.Price", "12,345", "Informe um valor em reais, por exemplo 1.234,56.")]
    [InlineData("Input.Price", "-10", "O preço não pode ser negativo.")]
    [InlineData("Input.Name", "", "Informe o nome do tratamento.")]
    public async Task Bad_input_is_refused_beside_its_field_and_nothing_is_saved(string field, string value, string message)
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var name = Unique("Toxina botulínica");
        var form = Treatment(name);
        form["Input.Category"] = "Injectable";
        form["Input.ProductType"] = "Medicine";
        form["Input.AnvisaRegistration"] = "1.2345.6789.012-3";
        form[field] = value;
        var before = await app.NewDbContext().Treatments.CountAsync();

        var response = await client.PostTreatmentAsync(form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var doc = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        var beside = doc.QuerySelector($"[data-valmsg-for='{field}']");
        Assert.NotNull(beside);
        Assert.Equal(message, beside.TextContent.Trim());
        Assert.Contains("Corrija os campos indicados; nada foi salvo.", doc.Body!.TextContent);
        Assert.Equal(before, await app.NewDbContext().Treatments.CountAsync());
        // What was typed comes back so nothing has to be retyped.
        Assert.Equal(field == "Input.Name" ? "" : name, doc.QuerySelector("#Input_Name")?.GetAttribute("value"));
    }

    [Fact]
    public async Task A_valid_medicine_registration_is_stored_as_digits_only()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var name = Unique("Toxina botulínica");
        var form = Treatment(name);
        form["Input.Category"] = "Injectable";
        form["Input.ProductType"] = "Medicine";
        form["Input.AnvisaRegistration"] = "1.2345.6789.012-3";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostTreatmentAsync(form)).StatusCode);
        Assert.Equal("1234567890123", (await app.FindTreatmentAsync(name))!.AnvisaRegistration);

        // And shown formatted again when edited.
        var id = (await app.FindTreatmentAsync(name))!.Id;
        var edit = await client.GetDocumentAsync($"{NewTreatmentUrl}/{id}");
        Assert.Equal("1.2345.6789.012-3", edit.QuerySelector("#Input_AnvisaRegistration")?.GetAttribute("value"));
    }

    [Fact]
    public async Task A_treatment_nobody_may_perform_is_refused()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var name = Unique("Sem profissão");
        var response = await client.PostTreatmentAsync(Treatment(name), professions: []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Marque ao menos uma profissão", FormPosting.Text(await response.Content.ReadAsStringAsync()));
        Assert.Null(await app.FindTreatmentAsync(name));
    }

    [Fact]
    public async Task Deactivating_keeps_the_treatment_and_hides_it_from_the_active_list()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var name = Unique("Criolipólise");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostTreatmentAsync(Treatment(name))).StatusCode);
        var created = (await app.FindTreatmentAsync(name))!;

        var response = await client.PostFormAsync(TreatmentsUrl, $"{TreatmentsUrl}?handler=SetActive",
            [new("id", created.Id.ToString()), new("version", created.Version.ToString()), new("active", "false")], htmx: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var kept = await app.FindTreatmentAsync(name);
        Assert.NotNull(kept);
        Assert.False(kept.IsActive);
        Assert.Equal(created.Price, kept.Price);
        var active = await client.GetDocumentAsync($"{TreatmentsUrl}?q={Uri.EscapeDataString(name)}");
        Assert.Null(active.QuerySelector($"#treatment-{created.Id}"));
        var inactive = await client.GetDocumentAsync($"{TreatmentsUrl}?q={Uri.EscapeDataString(name)}&status=Inactive");
        Assert.Contains("Inativo", inactive.QuerySelector($"#treatment-{created.Id}")?.TextContent);
    }

    [Fact]
    public async Task The_list_filters_by_name_ignoring_accents_and_by_category()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var filler = Treatment($"Preenchimento com ácido {tag}");
        filler["Input.Category"] = "Filler";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostTreatmentAsync(filler)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostTreatmentAsync(Treatment($"Laser ácido {tag}"))).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{TreatmentsUrl}?handler=List&q=ACIDO+{tag}&category=Filler");
        request.Headers.Add("HX-Request", "true");
        var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<div id=\"treatment-list\">", html.Trim());
        var rows = FormPosting.Parse(html).QuerySelectorAll("tbody tr").Select(r => r.QuerySelector("td a")!.TextContent.Trim()).ToList();
        Assert.Equal([$"Preenchimento com ácido {tag}"], rows);
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_the_other_edit_survives()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var name = Unique("Radiofrequência");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostTreatmentAsync(Treatment(name))).StatusCode);
        var id = (await app.FindTreatmentAsync(name))!.Id;
        var opened = (await client.GetDocumentAsync($"{NewTreatmentUrl}/{id}")).QuerySelector("#Input_Version")!.GetAttribute("value")!;

        var first = Treatment(name);
        first["Input.Version"] = opened;
        first["Input.Price"] = "500,00";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostTreatmentAsync(first, id: id)).StatusCode);

        var second = Treatment(name);
        second["Input.Version"] = opened;
        second["Input.Price"] = "999,00";
        var response = await client.PostTreatmentAsync(second, id: id);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Matches(@"Alterado por Teste Manager às \d{2}:\d{2}; recarregue\.", FormPosting.Text(await response.Content.ReadAsStringAsync()));
        Assert.Equal(500m, (await app.FindTreatmentAsync(name))!.Price);
    }

    [Fact]
    public async Task Changing_only_the_required_equipment_still_changes_the_version()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var laser = await client.AddEquipmentAsync(app, Unique("Laser CO2"));
        var name = Unique("Laser fracionado");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostTreatmentAsync(Treatment(name))).StatusCode);
        var before = (await app.FindTreatmentAsync(name))!;

        var form = Treatment(name);
        form["Input.Version"] = before.Version.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostTreatmentAsync(form, equipment: [laser], id: before.Id)).StatusCode);

        var after = (await app.FindTreatmentAsync(name))!;
        Assert.Equal(laser, Assert.Single(after.RequiredEquipment).Id);
        Assert.NotEqual(before.Version, after.Version);
    }

    [Fact]
    public async Task Receptionist_cannot_open_or_post_the_catalog()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        foreach (var url in new[] { TreatmentsUrl, NewTreatmentUrl, RoomsUrl, "/Catalog/ClosedDays" })
        {
            var page = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Contains("/Identity/Account/AccessDenied", page.Headers.Location?.OriginalString);
        }

        var name = Unique("Proibido");
        var post = await client.PostFormAsync("/", NewTreatmentUrl, Fields(Treatment(name)));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("/Identity/Account/AccessDenied", post.Headers.Location?.OriginalString);
        Assert.Null(await app.FindTreatmentAsync(name));
    }
}
