namespace NeonPro.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>The sections of "Minha conta"; each page names its section in ViewData so the menu marks it.</summary>
public static class ManageNavPages
{
    public const string Key = "ActivePage";
    public const string Profile = "Profile";
    public const string Password = "Password";
    public const string TwoFactor = "TwoFactor";
}
