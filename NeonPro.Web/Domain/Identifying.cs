namespace NeonPro.Web.Domain;

/// <summary>
/// Marks a property that identifies a person (name, CPF, RG, CNS, phone, e-mail, address).
/// The audit trail stores such values only as a keyed hash, so anonymizing a person later
/// leaves no readable identifier behind in the audit rows.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class IdentifyingAttribute : Attribute;

/// <summary>
/// Marks a secret (a password hash, a token, a key): the audit trail records only that it was set, changed or
/// cleared, never its value. On a class, every property but the primary key is secret, so a new table of keys
/// or tokens is safe from its first row.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class)]
public sealed class SecretAttribute : Attribute;

/// <summary>
/// An entity two people can edit at once. The version changes on every update and is checked on save,
/// so the second of two concurrent edits fails instead of silently overwriting the first.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
