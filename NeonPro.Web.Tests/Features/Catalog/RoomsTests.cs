using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Features.Catalog;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;
using static NeonPro.Web.Tests.Features.Catalog.CatalogForms;

namespace NeonPro.Web.Tests.Features.Catalog;

public sealed class RoomsTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    [Fact]
    public async Task A_treatment_that_needs_a_laser_fits_only_active_rooms_with_the_laser()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var laser = await client.AddEquipmentAsync(app, Unique("Laser Nd:YAG"));
        var cryo = await client.AddEquipmentAsync(app, Unique("Criolipólise"));
        var laserRoom = await client.AddRoomAsync(app, Unique("Sala de Laser"), laser, cryo);
        var plainRoom = await client.AddRoomAsync(app, Unique("Consultório"));
        var closedLaserRoom = await client.AddRoomAsync(app, Unique("Sala antiga"), laser);
        var closed = await app.NewDbContext().Rooms.SingleAsync(r => r.Id == closedLaserRoom);
        var deactivate = await client.PostFormAsync(RoomsUrl, $"{RoomsUrl}?handler=SaveRoom&id={closedLaserRoom}",
            [new("name", closed.Name), new("equipmentIds", laser.ToString()), new("version", closed.Version.ToString())], htmx: true);
        Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);

        var tattoo = Unique("Remoção de tatuagem");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostTreatmentAsync(Treatment(tattoo), equipment: [laser])).StatusCode);
        var cleansing = Unique("Limpeza de pele");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostTreatmentAsync(Treatment(cleansing))).StatusCode);

        var rooms = await app.WithScopeAsync(async sp =>
        {
            var matching = sp.GetRequiredService<RoomMatching>();
            return (Laser: await matching.RoomsForAsync((await app.FindTreatmentAsync(tattoo))!.Id),
                Any: await matching.RoomsForAsync((await app.FindTreatmentAsync(cleansing))!.Id),
                Unknown: await matching.RoomsForAsync(Guid.NewGuid()));
        });

        Assert.Equal([laserRoom], rooms.Laser.Select(r => r.Id));
        Assert.Contains(rooms.Laser[0].Equipment, e => e.Id == laser);
        Assert.Contains(laserRoom, rooms.Any.Select(r => r.Id));
        Assert.Contains(plainRoom, rooms.Any.Select(r => r.Id));
        Assert.DoesNotContain(closedLaserRoom, rooms.Any.Select(r => r.Id));
        Assert.Empty(rooms.Unknown);

        // The rooms page lists the laser treatment under the laser room only.
        var page = await client.GetDocumentAsync(RoomsUrl);
        Assert.Contains(tattoo, page.QuerySelector($"#room-{laserRoom} [data-testid=fitting-treatments]")?.TextContent);
        Assert.DoesNotContain(tattoo, page.QuerySelector($"#room-{plainRoom}")?.TextContent);
        Assert.Contains(cleansing, page.QuerySelector($"#room-{plainRoom} [data-testid=fitting-treatments]")?.TextContent);
        Assert.Contains("Sala inativa", page.QuerySelector($"#room-{closedLaserRoom}")?.TextContent);
    }

    [Fact]
    public async Task Equipment_in_use_cannot_be_deleted_and_unused_equipment_can()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var laser = await client.AddEquipmentAsync(app, Unique("Laser CO2 fracionado"));
        var roomName = Unique("Sala de Laser");
        await client.AddRoomAsync(app, roomName, laser);
        var treatment = Unique("Laser CO2");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostTreatmentAsync(Treatment(treatment), equipment: [laser])).StatusCode);

        var refused = await client.PostFormAsync(RoomsUrl, $"{RoomsUrl}?handler=DeleteEquipment", [new("id", laser.ToString())], htmx: true);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var text = FormPosting.Text(await refused.Content.ReadAsStringAsync());
        Assert.Contains("não pode ser excluído porque está em uso", text);
        Assert.Contains($"salas: {roomName}", text);
        Assert.Contains($"tratamentos: {treatment}", text);
        Assert.True(await app.NewDbContext().Equipment.AnyAsync(e => e.Id == laser));
        Assert.Equal(1, await app.NewDbContext().Rooms.CountAsync(r => r.Name == roomName && r.Equipment.Any(e => e.Id == laser)));

        var unused = await client.AddEquipmentAsync(app, Unique("Radiofrequência"));
        var deleted = await client.PostFormAsync(RoomsUrl, $"{RoomsUrl}?handler=DeleteEquipment", [new("id", unused.ToString())], htmx: true);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Contains("equipment-changed", deleted.Headers.GetValues("HX-Trigger").Single());
        Assert.False(await app.NewDbContext().Equipment.AnyAsync(e => e.Id == unused));
    }

    [Fact]
    public async Task Equipment_can_be_renamed_but_not_to_a_name_already_taken()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var first = await client.AddEquipmentAsync(app, Unique("Luz pulsada"));
        var takenName = Unique("Ultrassom");
        await client.AddEquipmentAsync(app, takenName);

        var clash = await client.PostFormAsync(RoomsUrl, $"{RoomsUrl}?handler=RenameEquipment", [new("id", first.ToString()), new("name", takenName.ToUpperInvariant())], htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, clash.StatusCode);
        Assert.Contains("Já existe um equipamento com este nome.", FormPosting.Text(await clash.Content.ReadAsStringAsync()));

        var newName = Unique("Luz intensa pulsada");
        var renamed = await client.PostFormAsync(RoomsUrl, $"{RoomsUrl}?handler=RenameEquipment", [new("id", first.ToString()), new("name", newName)], htmx: true);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(newName, (await app.NewDbContext().Equipment.SingleAsync(e => e.Id == first)).Name);
    }

    [Fact]
    public async Task A_room_name_must_be_given_and_unique()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var name = Unique("Sala Corporal");
        await client.AddRoomAsync(app, name);

        var duplicate = await client.PostFormAsync(RoomsUrl, $"{RoomsUrl}?handler=AddRoom", [new("name", name)], htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Contains("Já existe uma sala com este nome.", FormPosting.Text(await duplicate.Content.ReadAsStringAsync()));

        var blank = await client.PostFormAsync(RoomsUrl, $"{RoomsUrl}?handler=AddRoom", [new("name", "  ")], htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blank.StatusCode);
        Assert.Contains("Informe o nome da sala.", FormPosting.Text(await blank.Content.ReadAsStringAsync()));
        Assert.Equal(1, await app.NewDbContext().Rooms.CountAsync(r => r.Name == name));
    }

    [Fact]
    public async Task A_room_edited_from_a_stale_form_is_refused_naming_who_saved_it_and_keeping_what_was_typed()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var laser = await client.AddEquipmentAsync(app, Unique("Laser"));
        var name = Unique("Sala 3");
        var id = await client.AddRoomAsync(app, name);
        var opened = (await app.NewDbContext().Rooms.SingleAsync(r => r.Id == id)).Version;

        var first = await client.PostFormAsync(RoomsUrl, $"{RoomsUrl}?handler=SaveRoom&id={id}",
            [new("name", name), new("isActive", "true"), new("equipmentIds", laser.ToString()), new("version", opened.ToString())], htmx: true);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Laser", FormPosting.Text(await first.Content.ReadAsStringAsync()));

        var stale = await client.PostFormAsync(RoomsUrl, $"{RoomsUrl}?handler=SaveRoom&id={id}",
            [new("name", name + " renomeada"), new("isActive", "true"), new("version", opened.ToString())], htmx: true);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        // The shared stale-edit answer (StaleEditFilter): who saved in between and when, on the card as typed.
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Matches(@"Alterado por Teste Manager às \d{2}:\d{2}; recarregue\.", FormPosting.Text(html));
        Assert.Equal(name + " renomeada", FormPosting.Parse(html).GetElementById($"room-{id}-name")!.GetAttribute("value"));

        var room = await app.NewDbContext().Rooms.Include(r => r.Equipment).SingleAsync(r => r.Id == id);
        Assert.Equal(name, room.Name);
        Assert.Equal(laser, Assert.Single(room.Equipment).Id);
    }
}
