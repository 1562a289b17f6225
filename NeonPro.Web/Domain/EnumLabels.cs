using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace NeonPro.Web.Domain;

/// <summary>
/// The pt-BR word for an enum value, written once beside the value as its [Display(Name = ...)]: the localization
/// key every page passes through T, so a profession, a standing or a category is named alike everywhere.
/// </summary>
public static class EnumLabels
{
    private static readonly ConcurrentDictionary<Enum, string> Names = new();

    /// <summary>The value's Display name; its C# name when it has none (a new value shows up, untranslated, rather than vanishing).</summary>
    public static string Of(Enum value) => Names.GetOrAdd(value, v =>
        v.GetType().GetField(v.ToString())?.GetCustomAttribute<DisplayAttribute>()?.Name ?? v.ToString());
}
