using System.Security.Claims;
using NeonPro.Web.Infrastructure.Auth;

namespace NeonPro.Web.Features.Patients;

/// <summary>Who may open a patient's record.</summary>
public static class PatientAccess
{
    /// <summary>
    /// A blocked record (kept only because the law requires it, LGPD Art. 16 I) is open to clinical and legal roles
    /// only: professionals, managers and admins. The front desk sees that it is blocked and nothing else.
    /// </summary>
    public static bool MayOpen(ClaimsPrincipal user, bool recordBlocked) =>
        !recordBlocked || user.IsInRole(Roles.Professional) || user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Admin);
}
