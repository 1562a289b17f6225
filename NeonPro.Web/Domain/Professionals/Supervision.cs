namespace NeonPro.Web.Domain.Professionals;

/// <summary>
/// Who may supervise whom. A chain of supervision must end in someone who answers for it: if A supervises B and B
/// supervises A, nobody independent is responsible, so a supervisor who is (directly or through others) supervised
/// by the professional is refused.
/// </summary>
public static class Supervision
{
    /// <summary>
    /// Whether making <paramref name="supervisor"/> the supervisor of <paramref name="professional"/> closes a loop,
    /// given who supervises whom today (<paramref name="supervisorOf"/>; the professional's own entry is ignored,
    /// since it is the one being changed).
    /// </summary>
    public static bool WouldLoop(Guid professional, Guid supervisor, IReadOnlyDictionary<Guid, Guid?> supervisorOf)
    {
        var seen = new HashSet<Guid>();
        for (Guid? current = supervisor; current is { } id; current = supervisorOf.GetValueOrDefault(id))
        {
            if (id == professional) return true;
            // A loop elsewhere in the data (not through this professional) must not hang the check.
            if (!seen.Add(id)) return false;
        }
        return false;
    }
}
