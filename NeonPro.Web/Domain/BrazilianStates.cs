namespace NeonPro.Web.Domain;

/// <summary>The 27 federative units (UF), as councils and addresses use them.</summary>
public static class BrazilianStates
{
    public static readonly IReadOnlyList<string> All =
    [
        "AC", "AL", "AM", "AP", "BA", "CE", "DF", "ES", "GO", "MA", "MG", "MS", "MT", "PA", "PB", "PE", "PI",
        "PR", "RJ", "RN", "RO", "RR", "RS", "SC", "SE", "SP", "TO",
    ];

    public static bool IsValid(string? uf) => uf is { Length: 2 } && All.Contains(uf.ToUpperInvariant());
}
