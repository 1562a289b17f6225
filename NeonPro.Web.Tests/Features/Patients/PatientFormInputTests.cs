using System.Net;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Patients;

/// <summary>Input the registry form cannot take: a value that fails to bind, a name that would display reversed.</summary>
public sealed class PatientFormInputTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private static string FieldMessage(string html, string field) =>
        FormPosting.Parse(html).QuerySelector($"span[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

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
