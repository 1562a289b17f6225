namespace NeonPro.Web.Data;

/// <summary>
/// An ASP.NET Core data-protection key ring entry, kept in the database so sign-in cookies and
/// antiforgery tokens survive restarts and are shared by every app node.
/// (Microsoft.AspNetCore.DataProtection.EntityFrameworkCore does not restore here, so we own the store.)
/// </summary>
public class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";
}
