using System.ComponentModel.DataAnnotations;

namespace NeonPro.Web.Domain;

/// <summary>
/// The rule every person's name (patient, guardian, contact, professional, staff) follows: no bidirectional
/// control characters. U+202E and its kin are invisible, yet they make "Ana Souza" display reversed or out of
/// order in lists, receipts and the audit trail, so a name holding one could pass for someone else's.
/// </summary>
public static class PersonName
{
    /// <summary>Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the marks U+200E, U+200F, U+061C.</summary>
    public static bool IsDirectionalControl(char c) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    public static bool HasDirectionalControls(string? name) => name is not null && name.Any(IsDirectionalControl);
}

/// <summary>
/// Refuses a name holding bidirectional control characters, with a message next to the field. Refused rather than
/// silently stripped: the person sees that what was pasted is not what it looks like.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PersonNameAttribute : ValidationAttribute
{
    public PersonNameAttribute() => ErrorMessage = "O nome contém caracteres invisíveis que mudam a direção do texto; digite-o de novo.";

    public override bool IsValid(object? value) => value is not string s || !PersonName.HasDirectionalControls(s);
}
