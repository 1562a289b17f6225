namespace NeonPro.Web;

/// <summary>
/// Anchor type for the app's one resource set. Keys are the pt-BR text (the default culture), so a page
/// reads naturally; Resources/SharedResource.en.resx carries the English.
/// </summary>
public sealed class SharedResource;
