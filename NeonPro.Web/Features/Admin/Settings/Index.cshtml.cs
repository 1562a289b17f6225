using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain;
using NeonPro.Web.Domain.Clinic;
using NeonPro.Web.Infrastructure.Forms;
using NeonPro.Web.Infrastructure.Htmx;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Admin.Settings;

/// <summary>
/// The clinic's identity (name, CNPJ, address, phone) and time zone. One row, created on the first save;
/// the form carries the Version it was loaded with, so two admins cannot overwrite each other unseen.
/// </summary>
public partial class IndexModel(NeonProDbContext db, ClinicClock clock, IStringLocalizer<SharedResource> T) : SettingsPageModel<ClinicSettings>
{
    public override string FormPartial => "_SettingsForm";

    /// <summary>The IANA zones Brazil uses; anything else is refused.</summary>
    public static readonly IReadOnlyList<(string Id, string Place)> TimeZones =
    [
        ("America/Sao_Paulo", "São Paulo, Brasília"),
        ("America/Manaus", "Manaus"),
        ("America/Rio_Branco", "Rio Branco"),
        ("America/Noronha", "Fernando de Noronha"),
        ("America/Belem", "Belém"),
        ("America/Fortaleza", "Fortaleza"),
        ("America/Recife", "Recife"),
        ("America/Bahia", "Salvador"),
        ("America/Cuiaba", "Cuiabá"),
        ("America/Campo_Grande", "Campo Grande"),
        ("America/Porto_Velho", "Porto Velho"),
        ("America/Boa_Vista", "Boa Vista"),
        ("America/Araguaina", "Araguaína"),
        ("America/Maceio", "Maceió"),
        ("America/Santarem", "Santarém"),
    ];

    [BindProperty] public SettingsInput Input { get; set; } = new();
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        TakeConfirmation();
        var row = await db.ClinicSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == ClinicSettings.SingletonId, ct);
        Input = row is null ? new SettingsInput() : SettingsInput.From(row);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input.Normalize();
        Validate();
        if (!ModelState.IsValid) return this.InvalidForm(FormPartial);

        return await SaveAsync(db, s => s.Id == ClinicSettings.SingletonId, Input.Version, Input.ApplyTo, row =>
        {
            clock.Invalidate();
            Input = SettingsInput.From(row);
        }, T["Configurações da clínica salvas."].Value, ct);
    }

    private void Validate()
    {
        if (Input.Cnpj is not null && !Cnpj.IsValid(Input.Cnpj))
            ModelState.AddModelError(Key(nameof(SettingsInput.Cnpj)), T["CNPJ inválido."]);
        if (Input.State is not null && !BrazilianStates.IsValid(Input.State))
            ModelState.AddModelError(Key(nameof(SettingsInput.State)), T["Escolha uma UF da lista."]);
        if (Input.PostalCode is not null && !CepDigits().IsMatch(Input.PostalCode))
            ModelState.AddModelError(Key(nameof(SettingsInput.PostalCode)), T["Informe o CEP com 8 dígitos (00000-000)."]);
        if (Input.Phone is not null && (!PhoneShape().IsMatch(Input.Phone) || Input.Phone.Count(char.IsAsciiDigit) is < 8 or > 15))
            ModelState.AddModelError(Key(nameof(SettingsInput.Phone)), T["Informe o telefone com DDD, só com números (pode ter +, espaços, parênteses e hífen)."]);
        if (!TimeZones.Any(z => z.Id == Input.TimeZoneId))
            ModelState.AddModelError(Key(nameof(SettingsInput.TimeZoneId)), T["Escolha um fuso horário da lista."]);
    }

    public static string Key(string inputProperty) => $"{nameof(Input)}.{inputProperty}";

    /// <summary>"UTC-03:00" for a zone, now (none of Brazil's zones has daylight saving since 2019).</summary>
    public static string OffsetOf(string zoneId)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone)) return "";
        var offset = zone.GetUtcOffset(DateTime.UtcNow);
        return $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset.Duration():hh\\:mm}";
    }

    [GeneratedRegex("^[0-9]{8}$")]
    private static partial Regex CepDigits();

    [GeneratedRegex(@"^\+?[0-9 ()\-]+$")]
    private static partial Regex PhoneShape();
}

/// <summary>The settings form as posted and shown: CNPJ and CEP formatted for people, normalised for the row.</summary>
public sealed class SettingsInput
{
    [Display(Name = "Nome da clínica")]
    [Required(ErrorMessage = "Informe o nome da clínica.")]
    [StringLength(200, ErrorMessage = "{0} deve ter no máximo {1} caracteres.")]
    public string? Name { get; set; }

    [Display(Name = "CNPJ")]
    [StringLength(32, ErrorMessage = "CNPJ inválido.")]
    public string? Cnpj { get; set; }

    [Display(Name = "Logradouro")]
    [StringLength(200, ErrorMessage = "{0} deve ter no máximo {1} caracteres.")]
    public string? Street { get; set; }

    [Display(Name = "Número")]
    [StringLength(20, ErrorMessage = "{0} deve ter no máximo {1} caracteres.")]
    public string? Number { get; set; }

    [Display(Name = "Complemento")]
    [StringLength(100, ErrorMessage = "{0} deve ter no máximo {1} caracteres.")]
    public string? Complement { get; set; }

    [Display(Name = "Bairro")]
    [StringLength(100, ErrorMessage = "{0} deve ter no máximo {1} caracteres.")]
    public string? District { get; set; }

    [Display(Name = "Cidade")]
    [StringLength(100, ErrorMessage = "{0} deve ter no máximo {1} caracteres.")]
    public string? City { get; set; }

    [Display(Name = "UF")]
    public string? State { get; set; }

    [Display(Name = "CEP")]
    [StringLength(12, ErrorMessage = "Informe o CEP com 8 dígitos (00000-000).")]
    public string? PostalCode { get; set; }

    [Display(Name = "Telefone")]
    [StringLength(20, ErrorMessage = "{0} deve ter no máximo {1} caracteres.")]
    public string? Phone { get; set; }

    [Display(Name = "Fuso horário")]
    public string? TimeZoneId { get; set; } = ClinicSettings.DefaultTimeZone;

    public Guid Version { get; set; }

    public static SettingsInput From(ClinicSettings s) => new()
    {
        Name = s.Name,
        Cnpj = Domain.Cnpj.TryParse(s.Cnpj, out var cnpj) ? cnpj.Formatted : s.Cnpj,
        Street = s.Street,
        Number = s.Number,
        Complement = s.Complement,
        District = s.District,
        City = s.City,
        State = s.State,
        PostalCode = s.PostalCode is { Length: 8 } cep ? $"{cep[..5]}-{cep[5..]}" : s.PostalCode,
        Phone = s.Phone,
        TimeZoneId = s.TimeZoneId,
        Version = s.Version,
    };

    /// <summary>Trims, turns blanks into nothing and takes the CEP's punctuation out before validation.</summary>
    public void Normalize()
    {
        Name = Blank(Name);
        Cnpj = Blank(Cnpj);
        Street = Blank(Street);
        Number = Blank(Number);
        Complement = Blank(Complement);
        District = Blank(District);
        City = Blank(City);
        State = Blank(State)?.ToUpperInvariant();
        PostalCode = Blank(PostalCode?.Replace("-", "").Replace(".", "").Replace(" ", ""));
        Phone = Blank(Phone);
        TimeZoneId = Blank(TimeZoneId);
    }

    public void ApplyTo(ClinicSettings s)
    {
        s.Name = Name!;
        s.Cnpj = Cnpj is null ? null : Domain.Cnpj.TryParse(Cnpj, out var cnpj) ? cnpj.Value : throw new InvalidOperationException("CNPJ not validated.");
        s.Street = Street;
        s.Number = Number;
        s.Complement = Complement;
        s.District = District;
        s.City = City;
        s.State = State;
        s.PostalCode = PostalCode;
        s.Phone = Phone;
        s.TimeZoneId = TimeZoneId!;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
