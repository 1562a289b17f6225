using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Catalog;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Features.Patients;
using static NeonPro.Web.Tests.Features.Catalog.CatalogForms;

namespace NeonPro.Web.Tests.Infrastructure;

/// <summary>
/// Every versioned form answers a stale edit the same way (StaleEditFilter): 409, the form again with what this
/// person typed, and who saved in between and when. Two kinds of record, so the answer is the mechanism's, not a page's.
/// </summary>
public sealed class StaleEditTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    [Fact]
    public async Task A_treatment_saved_by_someone_else_meanwhile_answers_409_naming_them_and_keeps_what_was_typed()
    {
        var (mine, _) = await app.SignedInClientAsync(Roles.Manager);
        var (theirs, other) = await app.SignedInClientAsync(Roles.Manager);
        await RenameAsync(other.Id, "Carla Colega");
        var name = Unique("Criolipólise");
        Assert.Equal(HttpStatusCode.Redirect, (await mine.PostTreatmentAsync(Treatment(name))).StatusCode);
        var id = (await app.FindTreatmentAsync(name))!.Id;
        var loaded = (await mine.GetDocumentAsync($"{NewTreatmentUrl}/{id}")).QuerySelector("#Input_Version")!.GetAttribute("value")!;

        var theirEdit = Treatment(name);
        theirEdit["Input.Version"] = loaded;
        theirEdit["Input.Price"] = "500,00";
        Assert.Equal(HttpStatusCode.Redirect, (await theirs.PostTreatmentAsync(theirEdit, id: id)).StatusCode);

        var myEdit = Treatment(name);
        myEdit["Input.Version"] = loaded;
        myEdit["Input.Description"] = "Minha descrição digitada";
        var response = await mine.PostFormAsync($"{NewTreatmentUrl}/{id}", Fields(myEdit, null, null), htmx: true);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", html);
        Assert.Matches(new Regex(@"Alterado por Carla Colega às \d{2}:\d{2}; recarregue\."), FormPosting.Text(html));
        Assert.Equal("Minha descrição digitada", FormPosting.Parse(html).QuerySelector("textarea[name='Input.Description']")!.TextContent.Trim());
        Assert.Equal(500m, (await app.FindTreatmentAsync(name))!.Price);
    }

    [Fact]
    public async Task A_patient_saved_by_someone_else_meanwhile_answers_409_naming_them_and_keeps_what_was_typed()
    {
        var (mine, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var (theirs, other) = await app.SignedInClientAsync(Roles.Receptionist);
        await RenameAsync(other.Id, "Rita Recepção");
        var form = PatientsArrange.ValidForm();
        var id = await mine.CreatePatientAsync(form);
        var version = (await mine.GetDocumentAsync($"/Patients/Edit?id={id}")).QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        form["Input.Version"] = version;

        form["Input.Occupation"] = "Engenheira";
        Assert.Equal(HttpStatusCode.Redirect, (await theirs.PostFormAsync($"/Patients/Edit?id={id}", form)).StatusCode);

        form["Input.Occupation"] = "Arquiteta";
        var response = await mine.PostFormAsync($"/Patients/Edit?id={id}", form);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches(new Regex(@"Alterado por Rita Recepção às \d{2}:\d{2}; recarregue\."), FormPosting.Text(html));
        Assert.Equal("Arquiteta", FormPosting.Parse(html).QuerySelector("input[name='Input.Occupation']")!.GetAttribute("value"));
        Assert.Equal("Engenheira", (await PatientsArrange.LoadAsync(app, id)).Occupation);
    }

    [Fact]
    public async Task Deactivating_a_treatment_changed_meanwhile_answers_409_in_the_list_naming_who_changed_it()
    {
        var (mine, _) = await app.SignedInClientAsync(Roles.Manager);
        var (theirs, other) = await app.SignedInClientAsync(Roles.Manager);
        await RenameAsync(other.Id, "Bruna Gestora");
        var name = Unique("Microagulhamento");
        Assert.Equal(HttpStatusCode.Redirect, (await mine.PostTreatmentAsync(Treatment(name))).StatusCode);
        var listed = (await app.FindTreatmentAsync(name))!;

        var theirEdit = Treatment(name);
        theirEdit["Input.Version"] = listed.Version.ToString();
        theirEdit["Input.Price"] = "450,00";
        Assert.Equal(HttpStatusCode.Redirect, (await theirs.PostTreatmentAsync(theirEdit, id: listed.Id)).StatusCode);

        var response = await mine.PostFormAsync(TreatmentsUrl, $"{TreatmentsUrl}?handler=SetActive",
            [new("id", listed.Id.ToString()), new("version", listed.Version.ToString()), new("active", "false")], htmx: true);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var list = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Matches(new Regex(@"Alterado por Bruna Gestora às \d{2}:\d{2}; recarregue\."), list.QuerySelector("#treatment-list [role=alert]")!.TextContent);
        Assert.True((await app.FindTreatmentAsync(name))!.IsActive);
    }

    [Fact]
    public async Task A_form_that_fails_validation_answers_422_with_the_message_by_the_field_and_what_was_typed()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var form = Treatment(Unique("Peeling químico"));
        form["Input.Price"] = "doze reais";
        form["Input.Description"] = "Texto que não pode se perder";

        var response = await client.PostFormAsync(NewTreatmentUrl, Fields(form, null, null), htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var doc = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("doze reais", doc.QuerySelector("input[name='Input.Price']")!.GetAttribute("value"));
        Assert.Contains("is-invalid", doc.QuerySelector("input[name='Input.Price']")!.ClassName);
        Assert.Equal("Texto que não pode se perder", doc.QuerySelector("textarea[name='Input.Description']")!.TextContent.Trim());
        Assert.Contains("Informe um valor em reais, por exemplo 1.234,56.", FormPosting.Text(doc.DocumentElement.OuterHtml));
    }

    [Fact]
    public async Task A_service_save_that_lost_to_another_edit_is_reported_and_writes_nothing()
    {
        var room = new Room { Name = Unique("Sala corrida") };
        await using (var setup = app.NewDbContext())
        {
            setup.Rooms.Add(room);
            await setup.SaveChangesAsync();
        }
        await using var mine = app.NewDbContext();
        var loaded = await mine.Rooms.SingleAsync(r => r.Id == room.Id);
        await using (var theirs = app.NewDbContext())
        {
            (await theirs.Rooms.SingleAsync(r => r.Id == room.Id)).Description = "Deles";
            await theirs.SaveChangesAsync();
        }

        loaded.Description = "Minha";
        Assert.True(await mine.SaveLostToAnotherEditAsync(CancellationToken.None));

        Assert.Empty(mine.ChangeTracker.Entries());
        await using var check = app.NewDbContext();
        Assert.Equal("Deles", (await check.Rooms.AsNoTracking().SingleAsync(r => r.Id == room.Id)).Description);
    }

    private async Task RenameAsync(string userId, string fullName)
    {
        await using var db = app.NewDbContext();
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        user.FullName = fullName;
        await db.SaveChangesAsync();
    }
}
