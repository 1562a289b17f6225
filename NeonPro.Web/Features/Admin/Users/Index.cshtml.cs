using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Htmx;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Admin.Users;

/// <summary>
/// The clinic's staff accounts: the list, and the panel above it that creates an account or manages one
/// (roles, password). Every action answers the whole section (_Users) to htmx, or redirects to the list.
/// </summary>
public class IndexModel(NeonProDbContext db, StaffAccounts accounts, ClinicClock clock, IStringLocalizer<SharedResource> T) : PageModel
{
    public const string UsersPartial = "_Users";
    public const string RolesKey = "roles";
    public const string NewPasswordKey = "newPassword";
    private const string FlashKey = "AdminUsersFlash";

    private static readonly StringComparer ByName = StringComparer.Create(CultureInfo.GetCultureInfo("pt-BR"), ignoreCase: true);

    public enum PanelKind { None, Create, Manage }

    public IReadOnlyList<StaffRow> Staff { get; private set; } = [];
    public PanelKind Panel { get; private set; }
    /// <summary>The create form, with what was typed after a refused create.</summary>
    public NewStaffInput Input { get; private set; } = new();
    /// <summary>The account the manage panel is open for.</summary>
    public StaffRow? Managed { get; private set; }
    /// <summary>The roles ticked in the manage panel (what was posted, after a refusal).</summary>
    public IReadOnlyList<string> ManagedRoles { get; private set; } = [];
    public string? Confirmation { get; private set; }
    /// <summary>Why an action on a row was refused (disable yourself, the last admin).</summary>
    public string? Problem { get; private set; }

    /// <summary>One account as the list shows it.</summary>
    public sealed record StaffRow(
        string Id, string FullName, string Email, IReadOnlyList<string> Roles, bool IsDisabled, bool IsLockedOut,
        bool IsSelf, string Status, string CreatedOn);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Confirmation = TempData[FlashKey] as string;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>"Novo usuário": the section with the create form open (the whole page without JavaScript).</summary>
    public async Task<IActionResult> OnGetCreateFormAsync(CancellationToken ct)
    {
        Panel = PanelKind.Create;
        await LoadAsync(ct);
        return this.PageOrPartial(UsersPartial);
    }

    /// <summary>The section with one account's roles and password panel open.</summary>
    public async Task<IActionResult> OnGetManageAsync(string id, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!OpenManage(id)) return NotFound();
        return this.PageOrPartial(UsersPartial);
    }

    public async Task<IActionResult> OnPostCreateAsync([Bind(Prefix = nameof(Input))] NewStaffInput input, CancellationToken ct)
    {
        Input = input;
        input.Roles = input.Roles.Where(Roles.All.Contains).Distinct().ToList();
        if (input.Roles.Count == 0) ModelState.AddModelError(Key(nameof(NewStaffInput.Roles)), T["Marque ao menos um perfil."]);

        // Identity's own rules (unique e-mail, password policy) beside the fields they concern, once the
        // fields themselves are filled in.
        var email = input.Email?.Trim() ?? "";
        var password = input.Password ?? "";
        if (email.Length > 0 && password.Length > 0)
            AddIdentityErrors(await accounts.ValidateNewAccountAsync(email, input.FullName ?? "", password));

        if (!ModelState.IsValid) return await CreateFormAgainAsync(ct);

        var outcome = await accounts.CreateAsync(email, input.FullName!, password, input.Roles);
        if (!outcome.Succeeded)
        {
            // Someone took the e-mail between the check and the save.
            AddIdentityErrors(outcome.IdentityErrors);
            return await CreateFormAgainAsync(ct);
        }
        return await DoneAsync(T["Usuário {0} criado.", outcome.User!.FullName], ct);
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct) =>
        await RowActionAsync(await accounts.DisableAsync(id, User.ActorId()),
            u => T["Usuário {0} desativado. As sessões abertas dele serão encerradas.", u.FullName], ct);

    public async Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct) =>
        await RowActionAsync(await accounts.EnableAsync(id), u => T["Usuário {0} reativado.", u.FullName], ct);

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct) =>
        await RowActionAsync(await accounts.UnlockAsync(id), u => T["Usuário {0} desbloqueado.", u.FullName], ct);

    public async Task<IActionResult> OnPostRolesAsync(string id, List<string>? roles, CancellationToken ct)
    {
        var outcome = await accounts.SetRolesAsync(id, roles ?? []);
        if (outcome.NotFound) return NotFound();
        if (outcome.Succeeded) return await DoneAsync(T["Perfis de {0} salvos.", outcome.User!.FullName], ct);

        foreach (var e in outcome.IdentityErrors) ModelState.AddModelError(RolesKey, e.Description);
        var status = outcome.IdentityErrors.Any(e => e.Code == StaffAccounts.RefusalCodes.LastAdmin)
            ? StatusCodes.Status409Conflict
            : StatusCodes.Status422UnprocessableEntity;
        return await ManageAgainAsync(id, roles ?? [], status, ct);
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string id, string? newPassword, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(newPassword))
        {
            ModelState.AddModelError(NewPasswordKey, T["Informe a nova senha."]);
            return await ManageAgainAsync(id, null, StatusCodes.Status422UnprocessableEntity, ct);
        }
        var outcome = await accounts.ResetPasswordAsync(id, newPassword);
        if (outcome.NotFound) return NotFound();
        if (outcome.Succeeded)
            return await DoneAsync(T["Senha de {0} redefinida. Informe a nova senha à pessoa por um canal seguro.", outcome.User!.FullName], ct);

        foreach (var e in outcome.IdentityErrors) ModelState.AddModelError(NewPasswordKey, e.Description);
        return await ManageAgainAsync(id, null, StatusCodes.Status422UnprocessableEntity, ct);
    }

    /// <summary>Every message the form got for one field, in order (Identity can give several for a password).</summary>
    public IReadOnlyList<string> ErrorsFor(string key) =>
        ModelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];

    public static string Key(string inputProperty) => $"{nameof(Input)}.{inputProperty}";

    private void AddIdentityErrors(IEnumerable<Microsoft.AspNetCore.Identity.IdentityError> errors)
    {
        var emailKey = Key(nameof(NewStaffInput.Email));
        var passwordKey = Key(nameof(NewStaffInput.Password));
        var emailHadErrors = ErrorsFor(emailKey).Count > 0;
        var passwordHadErrors = ErrorsFor(passwordKey).Count > 0;
        // The user name is the e-mail, so "e-mail in use" also comes as "user name taken": the e-mail's own message reads better.
        foreach (var e in errors.OrderBy(e => e.Code is "DuplicateUserName" or "InvalidUserName" ? 1 : 0))
        {
            if (StaffAccounts.IsAboutEmail(e))
            {
                if (!emailHadErrors && ErrorsFor(emailKey).Count == 0) ModelState.AddModelError(emailKey, e.Description);
            }
            else if (StaffAccounts.IsAboutPassword(e))
            {
                if (!passwordHadErrors) ModelState.AddModelError(passwordKey, e.Description);
            }
            else ModelState.AddModelError("", e.Description);
        }
    }

    private async Task<IActionResult> CreateFormAgainAsync(CancellationToken ct)
    {
        Panel = PanelKind.Create;
        await LoadAsync(ct);
        return this.InvalidForm(UsersPartial);
    }

    private async Task<IActionResult> ManageAgainAsync(string id, IReadOnlyList<string>? postedRoles, int status, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!OpenManage(id)) return NotFound();
        if (postedRoles is not null) ManagedRoles = postedRoles;
        Response.StatusCode = status;
        return this.PageOrPartial(UsersPartial);
    }

    private async Task<IActionResult> RowActionAsync(StaffAccounts.Outcome outcome, Func<StaffUser, string> message, CancellationToken ct)
    {
        if (outcome.NotFound) return NotFound();
        if (outcome.Succeeded) return await DoneAsync(message(outcome.User!), ct);

        Problem = string.Join(" ", outcome.Errors);
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return this.PageOrPartial(UsersPartial);
    }

    /// <summary>After a change: the refreshed section to htmx; otherwise back to the list (post/redirect/get).</summary>
    private async Task<IActionResult> DoneAsync(string message, CancellationToken ct)
    {
        if (!Request.WantsFragment())
        {
            TempData[FlashKey] = message;
            return RedirectToPage("Index");
        }
        Confirmation = message;
        Panel = PanelKind.None;
        await LoadAsync(ct);
        return Partial(UsersPartial, this);
    }

    private bool OpenManage(string id)
    {
        Managed = Staff.FirstOrDefault(s => s.Id == id);
        if (Managed is null) return false;
        ManagedRoles = Managed.Roles;
        Panel = PanelKind.Manage;
        return true;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var me = User.ActorId();
        var now = clock.UtcNow;
        var users = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.FullName, u.Email, u.IsDisabled, u.LockoutEnd, u.CreatedAtUtc })
            .ToListAsync(ct);
        var roles = (await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            select new { ur.UserId, r.Name }).AsNoTracking().ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name!);

        Staff = users
            .OrderBy(u => u.FullName, ByName).ThenBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
            .Select(u =>
            {
                var lockedUntil = u.LockoutEnd is { } end && end.UtcDateTime > now ? end.UtcDateTime : (DateTime?)null;
                var status = u.IsDisabled ? T["Desativado"].Value
                    : lockedUntil is { } until ? T["Bloqueado até {0}", LockTime(until, now)].Value
                    : T["Ativo"].Value;
                // Roles in the order the app lists them, not the order they were granted.
                var userRoles = Roles.All.Where(r => roles[u.Id].Contains(r)).ToList();
                return new StaffRow(u.Id, u.FullName, u.Email ?? "", userRoles, u.IsDisabled, lockedUntil is not null,
                    u.Id == me, status, clock.FormatDate(u.CreatedAtUtc));
            })
            .ToList();
    }

    /// <summary>HH:mm in the clinic's time zone; with the date when the lockout runs past today.</summary>
    private string LockTime(DateTime untilUtc, DateTime nowUtc)
    {
        var until = clock.ToClinicTime(untilUtc);
        return until.Date == clock.ToClinicTime(nowUtc).Date
            ? until.ToString("HH:mm", CultureInfo.CurrentCulture)
            : clock.FormatDateTime(untilUtc);
    }
}

/// <summary>The "Novo usuário" form as posted.</summary>
public sealed class NewStaffInput
{
    [Display(Name = "Nome completo")]
    [PersonName]
    [Required(ErrorMessage = "Informe o nome completo.")]
    [StringLength(200, ErrorMessage = "{0} deve ter no máximo {1} caracteres.")]
    public string? FullName { get; set; }

    [Display(Name = "E-mail")]
    [Required(ErrorMessage = "Informe o e-mail.")]
    [EmailAddress(ErrorMessage = "Informe um e-mail válido.")]
    [StringLength(256, ErrorMessage = "{0} deve ter no máximo {1} caracteres.")]
    public string? Email { get; set; }

    [Display(Name = "Senha inicial")]
    [Required(ErrorMessage = "Informe a senha inicial.")]
    [StringLength(128, ErrorMessage = "{0} deve ter no máximo {1} caracteres.")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "Perfis")]
    public List<string> Roles { get; set; } = [];
}
