using System.ComponentModel.DataAnnotations;

namespace NeonPro.Web.Domain.Professionals;

public enum Profession
{
    [Display(Name = "Médico(a)")]
    Physician,
    [Display(Name = "Enfermeiro(a)")]
    Nurse,
    [Display(Name = "Biomédico(a)")]
    Biomedic,
    [Display(Name = "Farmacêutico(a)")]
    Pharmacist,
    [Display(Name = "Cirurgião(ã)-dentista")]
    Dentist,
    [Display(Name = "Fisioterapeuta")]
    Physiotherapist,
    [Display(Name = "Esteticista")]
    Aesthetician,
}

/// <summary>The professional councils (conselhos) whose registration NeonPro tracks.</summary>
public enum Council
{
    [Display(Name = "Sem conselho")]
    None,
    [Display(Name = "CRM")]
    Crm,
    [Display(Name = "COREN")]
    Coren,
    [Display(Name = "CRBM")]
    Crbm,
    [Display(Name = "CRF")]
    Crf,
    [Display(Name = "CRO")]
    Cro,
    [Display(Name = "CREFITO")]
    Crefito,
}

/// <summary>How a council registers its members: by state (UF) or by numbered region.</summary>
public enum CouncilTerritory { None, State, Region }

/// <summary>A council registration as written on the card: council, number, UF or region, category.</summary>
public sealed record CouncilRegistration(Council Council, string? Number, string? State, int? Region, string? Category)
{
    /// <summary>How the clinic's documents show it: CRM/SP 123456, COREN-SP-123456-ENF, CRBM-1 12345, CREFITO-3/12345-F.</summary>
    public string Display => Council switch
    {
        Council.Crm => $"CRM/{State} {Number}",
        Council.Cro => $"CRO-{State} {Number}",
        Council.Crf => $"CRF-{State} {Number}",
        Council.Coren => $"COREN-{State}-{Number}-{Category}",
        Council.Crbm => $"CRBM-{Region} {Number}",
        Council.Crefito => $"CREFITO-{Region}/{Number}-{Category}",
        _ => "",
    };
}

/// <summary>
/// The council rules of shared/DOMAIN.md: which council a profession answers to, whether it registers by UF
/// or by region, and what a registration number looks like.
/// </summary>
public static class Councils
{
    /// <summary>COREN categories: only ENF (nurse) may perform aesthetic injectables; TE, AE are technicians/auxiliaries.</summary>
    public static readonly IReadOnlyList<string> CorenCategories = ["ENF", "TE", "AE", "OBST", "PAR"];

    /// <summary>CREFITO categories: F physiotherapist, TO occupational therapist.</summary>
    public static readonly IReadOnlyList<string> CrefitoCategories = ["F", "TO"];

    /// <summary>CRBM has six regional councils (the region map of states is configuration).</summary>
    public const int CrbmRegions = 6;

    /// <summary>CREFITO regional councils are numbered 1 to 21 (some numbers unused).</summary>
    public const int CrefitoRegions = 21;

    public static Council For(Profession profession) => profession switch
    {
        Profession.Physician => Council.Crm,
        Profession.Nurse => Council.Coren,
        Profession.Biomedic => Council.Crbm,
        Profession.Pharmacist => Council.Crf,
        Profession.Dentist => Council.Cro,
        Profession.Physiotherapist => Council.Crefito,
        _ => Council.None,
    };

    public static CouncilTerritory TerritoryOf(Council council) => council switch
    {
        Council.None => CouncilTerritory.None,
        Council.Crbm or Council.Crefito => CouncilTerritory.Region,
        _ => CouncilTerritory.State,
    };

    public static string Acronym(Council council) => council switch
    {
        Council.None => "",
        _ => council.ToString().ToUpperInvariant(),
    };

    /// <summary>
    /// Checks a registration for the given profession. Returns the problems found, each tagged with the field it
    /// belongs to (Number, State, Region, Category, Council) and a pt-BR message; empty when valid.
    /// </summary>
    public static IReadOnlyList<CouncilProblem> Validate(Profession profession, CouncilRegistration r)
    {
        var problems = new List<CouncilProblem>();
        var expected = For(profession);
        if (r.Council != expected)
        {
            problems.Add(expected == Council.None
                ? new(CouncilField.Council, "Esteticista não tem conselho profissional: deixe o conselho em branco.")
                : new(CouncilField.Council, "Esta profissão se registra no {0}.", Acronym(expected)));
            return problems;
        }
        if (expected == Council.None) return problems;

        var number = r.Number?.Trim() ?? "";
        var maxDigits = r.Council is Council.Crm or Council.Coren ? 7 : 6;
        if (number.Length == 0)
            problems.Add(new(CouncilField.Number, "Informe o número de registro no conselho."));
        else if (!number.All(char.IsAsciiDigit))
            problems.Add(new(CouncilField.Number, "O número do conselho deve ter apenas dígitos."));
        else if (number.Length > maxDigits || number.TrimStart('0').Length == 0)
            problems.Add(new(CouncilField.Number, "O número do conselho deve ter de 1 a {0} dígitos.", maxDigits));

        switch (TerritoryOf(r.Council))
        {
            case CouncilTerritory.State when !BrazilianStates.IsValid(r.State):
                problems.Add(new(CouncilField.State, "Informe a UF do conselho."));
                break;
            case CouncilTerritory.Region:
                var max = r.Council == Council.Crbm ? CrbmRegions : CrefitoRegions;
                if (r.Region is not { } region || region < 1 || region > max)
                    problems.Add(new(CouncilField.Region, "Informe a região do conselho (1 a {0}); este conselho registra por região, não por UF.", max));
                break;
        }

        if (r.Council == Council.Coren && !CorenCategories.Contains(r.Category?.ToUpperInvariant() ?? ""))
            problems.Add(new(CouncilField.Category, "Informe a categoria do COREN (ENF, TE, AE, OBST ou PAR)."));
        if (r.Council == Council.Crefito && !CrefitoCategories.Contains(r.Category?.ToUpperInvariant() ?? ""))
            problems.Add(new(CouncilField.Category, "Informe a categoria do CREFITO (F ou TO)."));
        return problems;
    }
}

public enum CouncilField { Council, Number, State, Region, Category }

/// <summary>A problem with a registration: Message is a pt-BR format string (also the localization key), Args fill it.</summary>
public sealed record CouncilProblem(CouncilField Field, string Message, params object[] Args);
