using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Infrastructure.Jobs;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Home;

/// <summary>A professional whose council card or annual fee lapses within <see cref="Credentials.WarningDays"/> days (or has lapsed).</summary>
public sealed record LapsingCredential(Guid ProfessionalId, string Name, CredentialStanding Standing, DateOnly LapsesOn);

/// <summary>An open LGPD request near its 15-day deadline (or past it).</summary>
public sealed record DueRequest(Guid Id, Guid PatientId, string PatientName, DataSubjectRight Right, DateOnly DueOn, bool Overdue);

/// <summary>A job whose last run failed (a backup not made, an anchor not written).</summary>
public sealed record FailedJob(string Name, DateTime FailedAtLocal, string? Error);

/// <summary>
/// What needs a manager's or an admin's action on the home page: registrations lapsing, LGPD answers falling due, jobs
/// that failed. Stock alerts join here when the inventory area exists.
/// </summary>
public sealed record NeedsAction(IReadOnlyList<LapsingCredential> Credentials, IReadOnlyList<DueRequest> Requests, IReadOnlyList<FailedJob> FailedJobs)
{
    public bool IsEmpty => Credentials.Count == 0 && Requests.Count == 0 && FailedJobs.Count == 0;

    public static async Task<NeedsAction> LoadAsync(NeonProDbContext db, ClinicClock clock, JobCatalog jobs, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.Now);
        var horizon = today.AddDays(Domain.Professionals.Credentials.WarningDays);
        var candidates = await db.Professionals.AsNoTracking()
            .Where(p => p.IsActive && p.Council != Council.None && p.RegistrationStatus == RegistrationStatus.Active
                && ((p.CardValidUntil != null && p.CardValidUntil <= horizon) || (p.FeesPaidThrough != null && p.FeesPaidThrough <= horizon)))
            .ToListAsync(ct);
        var credentials = candidates
            .Select(p => new LapsingCredential(p.Id, p.FullName, p.StandingOn(today), Domain.Professionals.Credentials.LapsesOn(p.CardValidUntil, p.FeesPaidThrough) ?? today))
            .Where(c => c.Standing is CredentialStanding.LapsingSoon or CredentialStanding.Lapsed)
            .OrderBy(c => c.LapsesOn).ToList();

        var dueBy = today.AddDays(DataSubjectRequest.NearDeadlineDays);
        var requests = await (
            from r in db.DataSubjectRequests.AsNoTracking()
            where (r.Status == DataSubjectRequestStatus.Open || r.Status == DataSubjectRequestStatus.InProgress) && r.DueOn <= dueBy
            join p in db.Patients on r.PatientId equals p.Id
            orderby r.DueOn
            select new { r.Id, r.PatientId, Name = p.SocialName != null && p.SocialName != "" ? p.SocialName : p.FullName, r.Right, r.DueOn })
            .ToListAsync(ct);

        var failed = (await jobs.ListAsync(ct))
            .Where(j => j.LastRun is { Outcome: JobOutcome.Failed })
            .Select(j => new FailedJob(j.Description ?? j.Name, clock.ToClinicTime(j.LastRun!.FinishedAtUtc), j.LastRun.Error))
            .ToList();

        return new NeedsAction(credentials,
            [.. requests.Select(r => new DueRequest(r.Id, r.PatientId, r.Name, r.Right, r.DueOn, r.DueOn < today))], failed);
    }
}
