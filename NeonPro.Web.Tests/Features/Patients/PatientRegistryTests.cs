using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Patients;

/// <summary>The registry form (/Patients/Create, /Patients/Edit) through the real HTTP pipeline, as the front desk uses it.</summary>
public sealed class PatientRegistryTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private async Task<int> AuditRowsAsync() =>
        await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().AuditEntries.CountAsync());

    private static string FieldMessage(string html, string field) =>
        FormPosting.Parse(html).QuerySelector($"span[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    [Fact]
    public async Task A_patient_with_valid_data_is_registered_with_identifiers_normalised_and_search_columns_filled()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var form = PatientsArrange.ValidForm("João da Silva", "529.982.247-25");
        form["Input.SocialName"] = "";
        form["Input.OtherPhone"] = "11 3333-4444";
        form["Input.Cns"] = "100000000000007";

        var id = await client.CreatePatientAsync(form);

        var p = await PatientsArrange.LoadAsync(app, id);
        Assert.Equal("João da Silva", p.FullName);
        Assert.Equal("52998224725", p.Cpf);
        Assert.Equal("+5511987654321", p.MobilePhone);
        Assert.Equal("+551133334444", p.OtherPhone);
        Assert.Equal("01310100", p.PostalCode);
        Assert.Equal("100000000000007", p.Cns);
        Assert.Equal(new DateOnly(1985, 3, 10), p.BirthDate);
        Assert.Equal(ContactChannel.WhatsApp, p.PreferredChannel);
        Assert.Equal("joao da silva", p.SearchName);
        Assert.Equal(["da", "joao", "silva"], p.NameTokens.Select(t => t.Token).Order());
        Assert.Equal("12345678911 4444333311", p.PhoneDigitsReversed);

        var inserted = await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().AuditEntries
            .CountAsync(a => a.EntityType == nameof(Patient) && a.EntityId == id.ToString() && a.Action == AuditAction.Insert));
        Assert.Equal(1, inserted);
    }

    public static TheoryData<string, string, string, string> InvalidInputs => new()
    {
        // field, typed value, field the message stands beside, message
        { "Input.Cpf", "529.982.247-24", "Input.Cpf", "CPF inválido: confira os 11 dígitos." },
        { "Input.Cpf", "111.111.111-11", "Input.Cpf", "CPF inválido: confira os 11 dígitos." },
        { "Input.Cpf", "", "Input.Cpf", "Informe o CPF (ou marque Estrangeiro e informe o passaporte)." },
        { "Input.Cns", "100000000000008", "Input.Cns", "CNS inválido: confira os 15 dígitos." },
        { "Input.MobilePhone", "(20) 98765-4321", "Input.MobilePhone", "Telefone inválido: informe DDD e número." },
        { "Input.MobilePhone", "(11) 3333-4444", "Input.MobilePhone", "Este número é de telefone fixo: informe-o em Outro telefone." },
        { "Input.OtherPhone", "(11) 1234-5678", "Input.OtherPhone", "Telefone inválido: informe DDD e número." },
        { "Input.PostalCode", "1310-100", "Input.PostalCode", "CEP inválido: informe os 8 dígitos." },
        { "Input.Email", "nao-e-email", "Input.Email", "Informe um e-mail válido." },
        { "Input.FullName", "", "Input.FullName", "Informe o nome completo." },
        { "Input.BirthDate", "2999-01-01", "Input.BirthDate", "A data de nascimento não pode estar no futuro." },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task Invalid_input_is_refused_with_a_message_beside_the_field_and_nothing_is_written(string field, string value, string messageField, string message)
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var patientsBefore = await PatientsArrange.CountAsync(app);
        var auditBefore = await AuditRowsAsync();
        var form = PatientsArrange.ValidForm();
        form[field] = value;

        var response = await client.PostCreateAsync(form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(message, FieldMessage(await response.Content.ReadAsStringAsync(), messageField));
        Assert.Equal(patientsBefore, await PatientsArrange.CountAsync(app));
        Assert.Equal(auditBefore, await AuditRowsAsync());
    }

    [Fact]
    public async Task A_foreigner_needs_a_passport_instead_of_the_cpf()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var before = await PatientsArrange.CountAsync(app);
        var form = PatientsArrange.ValidForm(cpf: "");
        form["Input.IsForeigner"] = "true";
        form["Input.PassportNumber"] = "";

        var refused = await client.PostCreateAsync(form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("Informe o número do passaporte.", FieldMessage(await refused.Content.ReadAsStringAsync(), "Input.PassportNumber"));
        Assert.Equal(before, await PatientsArrange.CountAsync(app));

        form["Input.PassportNumber"] = "ab123456";
        form["Input.PassportCountry"] = "Argentina";
        var id = await client.CreatePatientAsync(form);
        var p = await PatientsArrange.LoadAsync(app, id);
        Assert.Null(p.Cpf);
        Assert.True(p.IsForeigner);
        Assert.Equal("AB123456", p.PassportNumber);
    }

    [Fact]
    public async Task A_minor_is_saved_only_with_a_legal_guardian()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var before = await PatientsArrange.CountAsync(app);
        var form = PatientsArrange.ValidForm(birthDate: DateTime.UtcNow.AddYears(-15).ToString("yyyy-MM-dd"));

        var refused = await client.PostCreateAsync(form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        var doc = FormPosting.Parse(html);
        Assert.Equal("Paciente menor de idade: informe o responsável legal.", doc.QuerySelector("[data-testid=guardian-problem]")?.TextContent.Trim());
        Assert.Equal("Informe o nome do responsável.", FieldMessage(html, "Input.GuardianName"));
        Assert.Equal("Informe o CPF do responsável.", FieldMessage(html, "Input.GuardianCpf"));
        Assert.Equal(before, await PatientsArrange.CountAsync(app));

        form["Input.GuardianName"] = "Ana Paula Responsável";
        form["Input.GuardianRelationship"] = "Mãe";
        form["Input.GuardianCpf"] = "111.444.777-34"; // wrong check digit
        form["Input.GuardianPhone"] = "(11) 97777-8888";
        var badCpf = await client.PostCreateAsync(form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badCpf.StatusCode);
        Assert.Equal("CPF do responsável inválido: confira os 11 dígitos.", FieldMessage(await badCpf.Content.ReadAsStringAsync(), "Input.GuardianCpf"));

        form["Input.GuardianCpf"] = "111.444.777-35";
        var id = await client.CreatePatientAsync(form);
        var p = await PatientsArrange.LoadAsync(app, id);
        Assert.Equal("11144477735", p.GuardianCpf);
        Assert.Equal("+5511977778888", p.GuardianPhone);
        Assert.Equal("Mãe", p.GuardianRelationship);
    }

    [Fact]
    public async Task A_cpf_already_on_file_is_refused_with_a_link_to_the_existing_record()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var cpf = PatientsArrange.NewCpf();
        var first = await client.CreatePatientAsync(PatientsArrange.ValidForm(cpf: Cpf.Format(cpf)));

        // Typed without punctuation the second time: still the same CPF.
        var response = await client.PostCreateAsync(PatientsArrange.ValidForm(cpf: cpf));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("Já existe um paciente com este CPF.", FieldMessage(html, "Input.Cpf"));
        var link = FormPosting.Parse(html).QuerySelector("[data-testid=existing-patient-link]");
        Assert.NotNull(link);
        Assert.Equal("Abrir cadastro", link!.TextContent.Trim());
        Assert.Equal($"/Patients/Chart?id={first}", link.GetAttribute("href"));
        Assert.Equal(1, await PatientsArrange.CountAsync(app, q => q.Where(p => p.Cpf == cpf)));
    }

    [Fact]
    public async Task The_same_name_and_birth_date_warns_and_saves_only_after_acknowledgement()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var surname = PatientsArrange.UniqueSurname();
        await client.CreatePatientAsync(PatientsArrange.ValidForm($"Márcia Gonçalves {surname}", birthDate: "1979-08-21"));
        var before = await PatientsArrange.CountAsync(app);

        // Same person's name typed without accents, in capitals, with a different CPF.
        var form = PatientsArrange.ValidForm($"MARCIA GONCALVES {surname.ToUpperInvariant()}", birthDate: "1979-08-21");
        var warned = await client.PostCreateAsync(form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, warned.StatusCode);
        var doc = FormPosting.Parse(await warned.Content.ReadAsStringAsync());
        var warning = doc.QuerySelector("[data-testid=same-person-warning]");
        Assert.NotNull(warning);
        Assert.Contains("Já existe paciente com o mesmo nome e a mesma data de nascimento.", warning!.TextContent);
        Assert.Contains($"Márcia Gonçalves {surname}", warning.TextContent);
        Assert.Equal("Confirmo que é outra pessoa", doc.QuerySelector("label[for=Input_ConfirmDifferentPerson]")?.TextContent.Trim());
        Assert.Equal(before, await PatientsArrange.CountAsync(app));

        form["Input.ConfirmDifferentPerson"] = "true";
        await client.CreatePatientAsync(form);
        Assert.Equal(before + 1, await PatientsArrange.CountAsync(app));
    }

    [Fact]
    public async Task A_different_birth_date_or_a_longer_name_is_not_a_duplicate_warning()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var surname = PatientsArrange.UniqueSurname();
        await client.CreatePatientAsync(PatientsArrange.ValidForm($"Paulo {surname}", birthDate: "1990-01-01"));
        await client.CreatePatientAsync(PatientsArrange.ValidForm($"Paulo {surname}", birthDate: "1990-01-02"));
        await client.CreatePatientAsync(PatientsArrange.ValidForm($"Paulo {surname}zinho", birthDate: "1990-01-01"));
    }

    [Fact]
    public async Task An_edit_made_on_a_stale_version_is_refused_and_the_newer_edit_kept()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var form = PatientsArrange.ValidForm();
        var id = await client.CreatePatientAsync(form);
        var edit = await client.GetDocumentAsync($"/Patients/Edit?id={id}");
        var version = edit.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        Assert.Equal(form["Input.FullName"], edit.QuerySelector("input[name='Input.FullName']")!.GetAttribute("value"));

        form["Input.Version"] = version;
        form["Input.Occupation"] = "Engenheira";
        var first = await client.PostFormAsync($"/Patients/Edit?id={id}", form);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        form["Input.Occupation"] = "Arquiteta";
        var second = await client.PostFormAsync($"/Patients/Edit?id={id}", form);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var text = FormPosting.Text(await second.Content.ReadAsStringAsync());
        Assert.Matches(new Regex(@"Alterado por Teste Receptionist às \d{2}:\d{2}; recarregue\."), text);
        Assert.Equal("Engenheira", (await PatientsArrange.LoadAsync(app, id)).Occupation);
    }

    [Fact]
    public async Task Renaming_a_patient_replaces_the_name_tokens_in_the_same_save()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var surname = PatientsArrange.UniqueSurname();
        var form = PatientsArrange.ValidForm($"Lúcia Helena {surname}");
        var id = await client.CreatePatientAsync(form);
        var version = (await PatientsArrange.LoadAsync(app, id)).Version;

        form["Input.Version"] = version.ToString();
        form["Input.FullName"] = $"Lúcia Prado {surname}";
        form["Input.SocialName"] = "Lu Prado";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Patients/Edit?id={id}", form)).StatusCode);

        var p = await PatientsArrange.LoadAsync(app, id);
        Assert.Equal(["lu", "lucia", "prado", surname.ToLowerInvariant()], p.NameTokens.Select(t => t.Token).Order());
        Assert.Equal($"lucia prado {surname.ToLowerInvariant()} lu prado", p.SearchName);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in()
    {
        var client = app.CreateBrowserClient();
        var response = await client.GetAsync("/Patients/Create");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/Login", response.Headers.Location!.OriginalString);
    }
}
