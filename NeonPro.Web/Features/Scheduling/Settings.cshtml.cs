using NeonPro.Web.Domain;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Features.Catalog;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Forms;
using NeonPro.Web.Infrastructure.Htmx;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Scheduling;

/// <summary>
/// How the scheduling grid is laid out (opening and closing time, slot size) and the late-cancellation policy.
/// One row, created on the first save; the form carries the Version it was loaded with, so two managers cannot
/// overwrite each other unseen.
/// </summary>
[Authorize(Policy = Policies.ManagerOrAdmin)]
public class SettingsModel(NeonProDbContext db, IStringLocalizer<SharedResource> T) : SettingsPageModel<SchedulingSettings>
{
    public override string FormPartial => "_SchedulingSettingsForm";

    /// <summary>Slot sizes from 5 to 60 minutes that divide an hour, so every hour starts on a slot.</summary>
    public static readonly IReadOnlyList<int> SlotSizes = [.. Enumerable.Range(5, 56).Where(m => 60 % m == 0)];

    [BindProperty] public SchedulingSettingsInput Input { get; set; } = new();
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        TakeConfirmation();
        var row = await db.SchedulingSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SchedulingSettings.SingletonId, ct);
        Input = SchedulingSettingsInput.From(row);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Validate();
        if (!ModelState.IsValid) return this.InvalidForm(FormPartial);

        return await SaveAsync(db, s => s.Id == SchedulingSettings.SingletonId, Input.Version, Input.ApplyTo,
            row => Input = SchedulingSettingsInput.From(row), T["Configurações da agenda salvas."].Value, ct);
    }

    /// <summary>Rules that span fields or need the list of slot sizes; single-field shape is on the input's attributes.</summary>
    private void Validate()
    {
        if (Input.SlotMinutes is { } slot && !SlotSizes.Contains(slot))
            ModelState.AddModelError(Key(nameof(SchedulingSettingsInput.SlotMinutes)), T["Escolha um intervalo entre 5 e 60 minutos que divida a hora em partes iguais."]);
        var slotOk = Input.SlotMinutes is { } s && SlotSizes.Contains(s);
        if (slotOk && Input.OpensAt is { } opens && !OnSlot(opens, Input.SlotMinutes!.Value))
            ModelState.AddModelError(Key(nameof(SchedulingSettingsInput.OpensAt)), T["A abertura deve cair no início de um intervalo de {0} minutos.", Input.SlotMinutes!.Value]);
        if (slotOk && Input.ClosesAt is { } closes && !OnSlot(closes, Input.SlotMinutes!.Value))
            ModelState.AddModelError(Key(nameof(SchedulingSettingsInput.ClosesAt)), T["O fechamento deve cair no início de um intervalo de {0} minutos.", Input.SlotMinutes!.Value]);
        if (Input.OpensAt is { } o && Input.ClosesAt is { } c && c <= o)
            ModelState.AddModelError(Key(nameof(SchedulingSettingsInput.ClosesAt)), T["O fechamento deve ser depois da abertura."]);
        if (Input.LateCancellationFee is { } fee && fee > SchedulingSettingsInput.MaxFee)
            ModelState.AddModelError(Key(nameof(SchedulingSettingsInput.LateCancellationFee)), T["A taxa não pode passar de {0}.", Brl.Format(SchedulingSettingsInput.MaxFee)]);
        if (Input.LateCancellationFee is < 0)
            ModelState.AddModelError(Key(nameof(SchedulingSettingsInput.LateCancellationFee)), T["A taxa não pode ser negativa."]);
    }

    // Slots are counted from the opening time; aligning both ends to the slot keeps the grid's rows on whole slots
    // and the professionals' hours (set on the hour or half hour) on row boundaries.
    private static bool OnSlot(TimeOnly time, int slotMinutes) => (time.Hour * 60 + time.Minute) % slotMinutes == 0 && time.Second == 0;

    public static string Key(string inputProperty) => $"{nameof(Input)}.{inputProperty}";
}

/// <summary>The scheduling settings form as posted and shown; the fee is read the Brazilian way ("50,00").</summary>
public sealed class SchedulingSettingsInput
{
    public const decimal MaxFee = 99_999_999.99m; // decimal(10,2)
    public const int MaxNoticeHours = 168;

    [Display(Name = "Abertura")]
    [Required(ErrorMessage = "Informe o horário de abertura.")]
    public TimeOnly? OpensAt { get; set; }

    [Display(Name = "Fechamento")]
    [Required(ErrorMessage = "Informe o horário de fechamento.")]
    public TimeOnly? ClosesAt { get; set; }

    [Display(Name = "Intervalo da grade (minutos)")]
    [Required(ErrorMessage = "Escolha o intervalo da grade.")]
    public int? SlotMinutes { get; set; }

    [Display(Name = "Antecedência mínima para cancelar (horas)")]
    [Required(ErrorMessage = "Informe a antecedência em horas.")]
    [Range(0, MaxNoticeHours, ErrorMessage = "A antecedência deve ficar entre {1} e {2} horas.")]
    public int? LateCancellationNoticeHours { get; set; }

    [Display(Name = "Taxa de cancelamento tardio (R$)")]
    [Required(ErrorMessage = "Informe a taxa em reais (0,00 para nenhuma).")]
    [ModelBinder(typeof(BrlAmountModelBinder))]
    public decimal? LateCancellationFee { get; set; }

    public Guid Version { get; set; }

    /// <summary>What the form shows: the saved row, or the defaults the grid uses while there is none.</summary>
    public static SchedulingSettingsInput From(SchedulingSettings? row)
    {
        var s = row ?? new SchedulingSettings();
        return new()
        {
            OpensAt = s.OpensAt,
            ClosesAt = s.ClosesAt,
            SlotMinutes = s.SlotMinutes,
            LateCancellationNoticeHours = s.LateCancellationNoticeHours,
            LateCancellationFee = s.LateCancellationFee,
            Version = row?.Version ?? Guid.Empty,
        };
    }

    public void ApplyTo(SchedulingSettings s)
    {
        s.OpensAt = OpensAt!.Value;
        s.ClosesAt = ClosesAt!.Value;
        s.SlotMinutes = SlotMinutes!.Value;
        s.LateCancellationNoticeHours = LateCancellationNoticeHours!.Value;
        s.LateCancellationFee = decimal.Round(LateCancellationFee!.Value, 2);
    }
}
