using System.Net;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Patients;

/// <summary>Input the registry form cannot take: a value that fails to bind, a name that would display reversed.</summary>
public sealed class PatientFormInputTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private static string FieldMessage(string html, string field) =>
        FormPosting.Parse(html).QuerySelector($"span[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    [Fact]
    public async Task An_unknown_sex_is_reported_beside_the_field_and_nothing_is_registered()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var form = PatientsArrange.ValidForm();
        form["Input.Sex"] = "Alien";

        var response = await client.PostCreateAsync(form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Escolha uma das opções da lista.", FieldMessage(await response.Content.ReadAsStringAsync(), "Input.Sex"));
        Assert.Equal(0, await PatientsArrange.CountAsync(app, q => q.Where(p => p.FullName == form["Input.FullName"])));
    }

    [Fact]
    public async Task An_impossible_birth_date_is_reported_beside_it_and_kept_as_typed()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var form = PatientsArrange.ValidForm(birthDate: "1990-02-30");

        var response = await client.PostCreateAsync(form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("Data inválida.", FieldMessage(html, "Input.BirthDate"));
        Assert.Equal("1990-02-30", FormPosting.Parse(html).QuerySelector("input[name='Input.BirthDate']")?.GetAttribute("value"));
        Assert.Equal(0, await PatientsArrange.CountAsync(app, q => q.Where(p => p.FullName == form["Input.FullName"])));
    }

    [Theory]
    [InlineData("Input.FullName")]
    [InlineData("Input.SocialName")]
    [InlineData("Input.EmergencyContactName")]
    [InlineData("Input.GuardianName")]
    public async Task A_name_with_a_direction_override_is_refused_beside_its_field(string field)
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var form = PatientsArrange.ValidForm();
        var fullName = form["Input.FullName"];
        form[field] = "Ana \u202Eazuos";

        var response = await client.PostCreateAsync(form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("O nome contém caracteres invisíveis que mudam a direção do texto; digite-o de novo.",
            FieldMessage(await response.Content.ReadAsStringAsync(), field));
        Assert.Equal(0, await PatientsArrange.CountAsync(app, q => q.Where(p => p.FullName == fullName || p.FullName == "Ana \u202Eazuos")));
    }
}
