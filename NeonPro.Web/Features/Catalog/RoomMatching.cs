using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Catalog;

namespace NeonPro.Web.Features.Catalog;

/// <summary>Which rooms a treatment can go in: scheduling asks this before offering a room.</summary>
public sealed class RoomMatching(NeonProDbContext db)
{
    /// <summary>
    /// Active rooms that have every piece of equipment the treatment requires (all active rooms when it
    /// requires none), by name, with their equipment loaded. Empty for an unknown treatment.
    /// </summary>
    public async Task<IReadOnlyList<Room>> RoomsForAsync(Guid treatmentId, CancellationToken ct = default)
    {
        var treatment = await db.Treatments.AsNoTracking()
            .Where(t => t.Id == treatmentId)
            .Select(t => new { Required = t.RequiredEquipment.Select(e => e.Id).ToList() })
            .FirstOrDefaultAsync(ct);
        if (treatment is null) return [];

        // EquipmentFit's rule, asked of the database: every required piece is among the room's.
        var required = treatment.Required;
        var count = required.Count;
        return await db.Rooms.AsNoTracking()
            .Include(r => r.Equipment)
            .Where(r => r.IsActive && r.Equipment.Count(e => required.Contains(e.Id)) == count)
            .OrderBy(r => r.Name)
            .ToListAsync(ct);
    }
}
