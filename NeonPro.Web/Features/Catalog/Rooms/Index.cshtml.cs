using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Catalog;
using NeonPro.Web.Infrastructure.Forms;
using NeonPro.Web.Infrastructure.Htmx;

namespace NeonPro.Web.Features.Catalog.Rooms;

/// <summary>
/// Rooms with their equipment (edited per row), which active treatments fit in each, and the equipment list
/// itself. Equipment still used by a room or a treatment cannot be deleted.
/// </summary>
public class IndexModel(NeonProDbContext db, IStringLocalizer<SharedResource> T) : PageModel, IEditForm
{
    // The versioned form here is one room's card: a stale save answers with that card, as typed (StaleEditFilter).
    string IEditForm.FormPartial => RoomPartial;
    object IEditForm.FormModel => _editedRoom!;
    Task IEditForm.PrepareFormAsync(CancellationToken ct) => ShowEditedRoomAsync(_editedRoom!, ct);
    private RoomView? _editedRoom;

    public const string RoomsPartial = "_Rooms";
    public const string RoomPartial = "_Room";
    public const string EquipmentPartial = "_Equipment";
    /// <summary>Raised after the equipment list changes, so the rooms (their checkboxes) reload.</summary>
    public const string EquipmentChanged = "equipment-changed";
    /// <summary>Raised after a room is added or saved, so the equipment usage counts reload.</summary>
    public const string RoomsChanged = "rooms-changed";

    private static readonly StringComparer ByName = StringComparer.Create(CultureInfo.GetCultureInfo("pt-BR"), ignoreCase: true);

    public IReadOnlyList<RoomView> Rooms { get; private set; } = [];
    public IReadOnlyList<EquipmentRow> Equipment { get; private set; } = [];
    /// <summary>The add-room form, with what was typed and its messages after a refused add.</summary>
    public RoomView NewRoom { get; private set; } = new();
    public string? NewEquipmentName { get; private set; }

    /// <summary>The ModelState key of an equipment row's name ("new-equipment.name" for the add form).</summary>
    public static string EquipmentField(Guid? id) => (id is { } e ? $"equipment-{e}" : "new-equipment") + ".name";

    public sealed record EquipmentRow(Guid Id, string Name, int RoomCount, int TreatmentCount);
    public sealed record FittingTreatment(string Name, bool NeedsEquipment);

    /// <summary>One room as its card shows it, in display or edit mode.</summary>
    public sealed class RoomView
    {
        public Guid Id { get; set; }
        public string Name { get; set; } = "";
        public string? Description { get; set; }
        public bool IsActive { get; set; } = true;
        public Guid Version { get; set; }
        public List<Guid> EquipmentIds { get; set; } = [];
        public List<string> EquipmentNames { get; set; } = [];
        public List<FittingTreatment> Fitting { get; set; } = [];
        public bool Editing { get; set; }
        public IReadOnlyList<EquipmentRow> AllEquipment { get; set; } = [];

        /// <summary>The card's id in the page ("new-room" for the add form); its fields' ModelState keys start with it.</summary>
        public string FormId => Id == Guid.Empty ? "new-room" : $"room-{Id}";
        public string Field(string name) => $"{FormId}.{name}";
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The rooms list alone (reloaded after the equipment list changes).</summary>
    public async Task<IActionResult> OnGetRoomsAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return this.PageOrPartial(RoomsPartial);
    }

    /// <summary>The equipment list alone (reloaded after a room changes, for its usage counts).</summary>
    public async Task<IActionResult> OnGetEquipmentAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return this.PageOrPartial(EquipmentPartial);
    }

    /// <summary>One room card, for display (cancel) or with its edit form.</summary>
    public async Task<IActionResult> OnGetRoomAsync(Guid id, bool edit, CancellationToken ct)
    {
        await LoadAsync(ct);
        var room = Rooms.FirstOrDefault(r => r.Id == id);
        if (room is null) return NotFound();
        room.Editing = edit;
        return this.PageOrPartial(RoomPartial, room);
    }

    public async Task<IActionResult> OnPostAddRoomAsync(string? name, string? description, List<Guid>? equipmentIds, CancellationToken ct)
    {
        var form = new RoomView { Name = name?.Trim() ?? "", Description = Blank(description), EquipmentIds = equipmentIds ?? [] };
        await ValidateRoomAsync(form, null, ct);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            form.AllEquipment = Equipment;
            NewRoom = form;
            return this.InvalidForm(RoomsPartial);
        }

        var room = new Room { Name = form.Name, Description = form.Description };
        room.Equipment.AddRange(await db.Equipment.Where(e => form.EquipmentIds.Contains(e.Id)).ToListAsync(ct));
        db.Rooms.Add(room);
        await db.SaveChangesAsync(ct);

        Response.HxToast(T["Sala cadastrada: {0}.", room.Name]).HxTrigger(RoomsChanged);
        await LoadAsync(ct);
        return this.PageOrPartial(RoomsPartial);
    }

    public async Task<IActionResult> OnPostSaveRoomAsync(Guid id, string? name, string? description, bool isActive,
        List<Guid>? equipmentIds, Guid version, CancellationToken ct)
    {
        var form = new RoomView
        {
            Id = id, Name = name?.Trim() ?? "", Description = Blank(description), IsActive = isActive,
            EquipmentIds = equipmentIds ?? [], Version = version, Editing = true,
        };
        var room = await db.Rooms.Include(r => r.Equipment).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (room is null) return NotFound();
        await ValidateRoomAsync(form, id, ct);
        if (!ModelState.IsValid)
        {
            await ShowEditedRoomAsync(form, ct);
            return this.InvalidForm(RoomPartial, form);
        }
        _editedRoom = form;
        db.ExpectVersion(room, version);
        room.Version = Guid.NewGuid(); // also when only the equipment changed (a join-table edit leaves the row untouched)
        room.Name = form.Name;
        room.Description = form.Description;
        room.IsActive = form.IsActive;
        room.Equipment.RemoveAll(e => !form.EquipmentIds.Contains(e.Id));
        var missing = form.EquipmentIds.Where(w => room.Equipment.All(e => e.Id != w)).ToList();
        if (missing.Count > 0) room.Equipment.AddRange(await db.Equipment.Where(e => missing.Contains(e.Id)).ToListAsync(ct));
        await db.SaveChangesAsync(ct);

        Response.HxToast(T["Sala salva: {0}.", room.Name]).HxTrigger(RoomsChanged);
        await LoadAsync(ct);
        return this.PageOrPartial(RoomPartial, Rooms.First(r => r.Id == id));
    }

    public async Task<IActionResult> OnPostAddEquipmentAsync(string? name, CancellationToken ct)
    {
        var trimmed = name?.Trim() ?? "";
        if (await EquipmentNameProblemAsync(trimmed, null, ct) is { } problem)
        {
            ModelState.AddModelError(EquipmentField(null), problem);
            NewEquipmentName = name;
            await LoadAsync(ct);
            return this.InvalidForm(EquipmentPartial);
        }
        db.Equipment.Add(new Equipment { Name = trimmed });
        await db.SaveChangesAsync(ct);
        return await EquipmentChangedAsync(T["Equipamento {0} cadastrado.", trimmed], ct);
    }

    public async Task<IActionResult> OnPostRenameEquipmentAsync(Guid id, string? name, CancellationToken ct)
    {
        var equipment = await db.Equipment.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (equipment is null) return NotFound();
        var trimmed = name?.Trim() ?? "";
        if (await EquipmentNameProblemAsync(trimmed, id, ct) is { } problem)
        {
            ModelState.AddModelError(EquipmentField(id), problem);
            await LoadAsync(ct);
            return this.InvalidForm(EquipmentPartial);
        }
        equipment.Name = trimmed;
        await db.SaveChangesAsync(ct);
        return await EquipmentChangedAsync(T["Equipamento renomeado para {0}.", trimmed], ct);
    }

    /// <summary>Only unused equipment can go: a room or treatment that lists it would silently lose a requirement.</summary>
    public async Task<IActionResult> OnPostDeleteEquipmentAsync(Guid id, CancellationToken ct)
    {
        var equipment = await db.Equipment.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (equipment is null) return NotFound();
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.Equipment.Any(e => e.Id == id)).Select(r => r.Name).ToListAsync(ct);
        var treatments = await db.Treatments.AsNoTracking().Where(t => t.RequiredEquipment.Any(e => e.Id == id)).Select(t => t.Name).ToListAsync(ct);
        if (rooms.Count + treatments.Count > 0)
        {
            var uses = new List<string>();
            if (rooms.Count > 0) uses.Add(T["salas: {0}", string.Join(", ", rooms.Order(ByName))]);
            if (treatments.Count > 0) uses.Add(T["tratamentos: {0}", string.Join(", ", treatments.Order(ByName))]);
            ModelState.AddModelError(EquipmentField(id), T["{0} não pode ser excluído porque está em uso ({1}). Retire-o dessas salas e tratamentos antes.",
                equipment.Name, string.Join("; ", uses)]);
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return this.PageOrPartial(EquipmentPartial);
        }
        db.Equipment.Remove(equipment);
        await db.SaveChangesAsync(ct);
        return await EquipmentChangedAsync(T["Equipamento {0} excluído.", equipment.Name], ct);
    }

    private async Task<IActionResult> EquipmentChangedAsync(string message, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!Request.WantsFragment()) return Page();
        Response.HxToast(message).HxTrigger(EquipmentChanged);
        return Partial(EquipmentPartial, this);
    }

    /// <summary>The page again with this room's card as typed, in edit mode (after a refused or stale save).</summary>
    private async Task ShowEditedRoomAsync(RoomView form, CancellationToken ct)
    {
        await LoadAsync(ct);
        form.AllEquipment = Equipment;
        Rooms = Rooms.Select(r => r.Id == form.Id ? form : r).ToList();
    }

    private async Task ValidateRoomAsync(RoomView form, Guid? id, CancellationToken ct)
    {
        if (form.Name.Length == 0) ModelState.AddModelError(form.Field("name"), T["Informe o nome da sala."]);
        else if (form.Name.Length > 80) ModelState.AddModelError(form.Field("name"), T["{0}: no máximo {1} caracteres.", T["Nome da sala"], 80]);
        else if (await db.Rooms.AnyAsync(r => r.Name.ToLower() == form.Name.ToLower() && r.Id != id, ct))
            ModelState.AddModelError(form.Field("name"), T["Já existe uma sala com este nome."]);
        if (form.Description?.Length > 500) ModelState.AddModelError(form.Field("description"), T["{0}: no máximo {1} caracteres.", T["Descrição"], 500]);
        var wanted = form.EquipmentIds.Distinct().ToList();
        form.EquipmentIds = wanted;
        if (wanted.Count > 0 && await db.Equipment.CountAsync(e => wanted.Contains(e.Id), ct) != wanted.Count)
            ModelState.AddModelError(form.Field("equipmentIds"), T["Um dos equipamentos marcados não existe mais. Recarregue a página."]);
    }

    private async Task<string?> EquipmentNameProblemAsync(string name, Guid? id, CancellationToken ct)
    {
        if (name.Length == 0) return T["Informe o nome do equipamento."];
        if (name.Length > 80) return T["{0}: no máximo {1} caracteres.", T["Nome do equipamento"], 80];
        if (await db.Equipment.AnyAsync(e => e.Name.ToLower() == name.ToLower() && e.Id != id, ct))
            return T["Já existe um equipamento com este nome."];
        return null;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Equipment = (await db.Equipment.AsNoTracking()
                .Select(e => new EquipmentRow(e.Id, e.Name,
                    db.Rooms.Count(r => r.Equipment.Any(x => x.Id == e.Id)),
                    db.Treatments.Count(t => t.RequiredEquipment.Any(x => x.Id == e.Id))))
                .ToListAsync(ct))
            .OrderBy(e => e.Name, ByName).ToList();

        var rooms = await db.Rooms.AsNoTracking().Include(r => r.Equipment).ToListAsync(ct);
        var treatments = await db.Treatments.AsNoTracking().Include(t => t.RequiredEquipment).Where(t => t.IsActive).ToListAsync(ct);
        Rooms = rooms.OrderBy(r => r.Name, ByName).Select(r => new RoomView
        {
            Id = r.Id,
            Name = r.Name,
            Description = r.Description,
            IsActive = r.IsActive,
            Version = r.Version,
            EquipmentIds = r.Equipment.Select(e => e.Id).ToList(),
            EquipmentNames = r.Equipment.Select(e => e.Name).Order(ByName).ToList(),
            Fitting = treatments.Where(t => t.FitsIn(r))
                .OrderByDescending(t => t.RequiredEquipment.Count > 0).ThenBy(t => t.Name, ByName)
                .Select(t => new FittingTreatment(t.Name, t.RequiredEquipment.Count > 0)).ToList(),
            AllEquipment = Equipment,
        }).ToList();
        NewRoom.AllEquipment = Equipment;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
