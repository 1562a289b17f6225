namespace NeonPro.Web.Domain.Catalog;

/// <summary>
/// Whether a room can host a treatment: it must have every piece of equipment the treatment requires (a laser
/// treatment needs the room with the laser). Booking, the room list and the booking form's room choice all ask this.
/// </summary>
public static class EquipmentFit
{
    public static IEnumerable<Guid> Missing(IEnumerable<Guid> required, IEnumerable<Guid> inRoom)
    {
        var present = inRoom.ToHashSet();
        return required.Where(id => !present.Contains(id)).Distinct();
    }

    public static bool Fits(IEnumerable<Guid> required, IEnumerable<Guid> inRoom) => !Missing(required, inRoom).Any();
}
