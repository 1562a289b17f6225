using Bogus;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Catalog;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Infrastructure.Cli;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Professionals;

/// <summary>
/// Demo professionals across every council, with weekly hours and a few exceptions. One card lapses within
/// 30 days and one registration is suspended, so the amber and red badges show. Runs after the catalog (Order 10).
/// </summary>
public sealed class ProfessionalsDemoSeeder(NeonProDbContext db, ClinicClock clock) : IDemoSeeder
{
    public int Order => 20;

    public const string DemoProfessionalEmail = "profissional@demo.neonpro.local";

    private sealed record Seed(Profession Profession, Council Council, string Number, string? State, int? Region, string? Category,
        string Specialties, string Color, bool Saturday = false, string? Rqe = null);

    private static readonly Seed[] SmallSet =
    [
        new(Profession.Physician, Council.Crm, "123456", "SP", null, null, "Dermatologia", "#6f42c1", Saturday: true, Rqe: "45678"),
        new(Profession.Nurse, Council.Coren, "654321", "SP", null, "ENF", "Enfermagem estética", "#20c997"),
        new(Profession.Biomedic, Council.Crbm, "12345", null, 1, null, "Biomedicina estética", "#0d6efd"),
        new(Profession.Pharmacist, Council.Crf, "54321", "SP", null, null, "Farmácia estética", "#fd7e14"),
        new(Profession.Dentist, Council.Cro, "23456", "SP", null, null, "Harmonização orofacial", "#d63384", Saturday: true),
        new(Profession.Physiotherapist, Council.Crefito, "34567", null, 3, "F", "Fisioterapia dermatofuncional", "#198754"),
    ];

    private static readonly Seed[] LargeExtra =
    [
        new(Profession.Physician, Council.Crm, "234567", "RJ", null, null, "Cirurgia plástica", "#6610f2", Rqe: "12345"),
        new(Profession.Aesthetician, Council.None, "", null, null, null, "Limpeza de pele, drenagem", "#ffc107", Saturday: true),
        new(Profession.Aesthetician, Council.None, "", null, null, null, "Massagem modeladora", "#e83e8c"),
        new(Profession.Nurse, Council.Coren, "765432", "MG", null, "TE", "Técnica de enfermagem", "#0dcaf0"),
        new(Profession.Biomedic, Council.Crbm, "45678", null, 2, null, "Estética facial", "#3d8bfd"),
        new(Profession.Physiotherapist, Council.Crefito, "56789", null, 2, "F", "Pós-operatório", "#146c43"),
    ];

    public async Task SeedAsync(DemoSize size, DemoSeedReport report, CancellationToken ct)
    {
        if (await db.Professionals.AnyAsync(ct)) return;

        var today = DateOnly.FromDateTime(clock.Now);
        var faker = new Faker("pt_BR") { Random = new Randomizer(2026) };
        var seeds = size == DemoSize.Large ? [.. SmallSet, .. LargeExtra] : SmallSet;
        var professionals = new List<Professional>();
        foreach (var s in seeds)
        {
            var female = faker.Random.Bool();
            var gender = female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male;
            var name = $"{faker.Name.FirstName(gender)} {faker.Name.LastName()} {faker.Name.LastName()}";
            var title = s.Profession is Profession.Physician or Profession.Dentist ? (female ? "Dra. " : "Dr. ") : "";
            var p = new Professional
            {
                FullName = title + name,
                Profession = s.Profession,
                Council = s.Council,
                CouncilNumber = s.Council == Council.None ? null : s.Number,
                CouncilState = s.State,
                CouncilRegion = s.Region,
                CouncilCategory = s.Category,
                Rqe = s.Rqe,
                LastVerifiedOn = s.Council == Council.None ? null : today.AddDays(-faker.Random.Int(5, 90)),
                CardValidUntil = s.Council == Council.None ? null : today.AddDays(faker.Random.Int(200, 700)),
                FeesPaidThrough = s.Council == Council.None ? null : new DateOnly(today.Year + 1, 12, 31),
                Specialties = s.Specialties,
                Bio = faker.Lorem.Sentence(12),
                DefaultConsultationMinutes = s.Profession == Profession.Physician ? 40 : 30,
                Color = s.Color,
                WorkingHours = size == DemoSize.Large ? BusyClinicHours() : WeeklyHours(s.Saturday),
            };
            var problems = Councils.Validate(p.Profession, p.Registration);
            if (problems.Count > 0) throw new InvalidOperationException($"Demo registration {p.Registration.Display} is invalid: {problems[0].Message}");
            professionals.Add(p);
        }

        // The pharmacist's card lapses within 30 days (amber) and the physiotherapist is suspended (red).
        professionals.First(p => p.Profession == Profession.Pharmacist).CardValidUntil = today.AddDays(12);
        professionals.First(p => p.Profession == Profession.Physiotherapist).RegistrationStatus = RegistrationStatus.Suspended;

        // A nursing technician works under a physician's supervision.
        var technician = professionals.FirstOrDefault(p => p.CouncilCategory == "TE");
        if (technician is not null)
        {
            technician.RequiresSupervision = true;
            technician.Supervisor = professionals.First(p => p.Profession == Profession.Physician);
        }

        // A week of exceptions next week: a day off, blocked hours, extra hours.
        var nextMonday = today.AddDays(7 - (((int)today.DayOfWeek + 6) % 7));
        professionals[0].AvailabilityExceptions.Add(new() { Date = nextMonday.AddDays(2), Kind = AvailabilityExceptionKind.TimeOff, Reason = "Congresso de dermatologia" });
        professionals[1].AvailabilityExceptions.Add(new() { Date = nextMonday, Kind = AvailabilityExceptionKind.Blocked, Start = new(14, 0), End = new(16, 0), Reason = "Treinamento" });
        professionals[2].AvailabilityExceptions.Add(new() { Date = nextMonday.AddDays(3), Kind = AvailabilityExceptionKind.ExtraHours, Start = new(18, 0), End = new(20, 0), Reason = "Mutirão de atendimentos" });

        // "My agenda" for the demo professional account.
        var physician = professionals.First(p => p.Profession == Profession.Physician);
        physician.UserId = await db.Users.Where(u => u.NormalizedEmail == DemoProfessionalEmail.ToUpperInvariant())
            .Select(u => u.Id).FirstOrDefaultAsync(ct);

        // One explicit scope entry, if the catalog has an injectable the nurse's profession may perform.
        var nurse = professionals.First(p => p.Profession == Profession.Nurse);
        var injectables = await db.Treatments.AsNoTracking()
            .Where(t => t.IsActive && t.Category == TreatmentCategory.Injectable)
            .Select(t => new { t.Id, t.AllowedProfessions })
            .ToListAsync(ct);
        var injectable = injectables.FirstOrDefault(t => t.AllowedProfessions.Contains(Profession.Nurse)) ?? injectables.FirstOrDefault();
        if (injectable is not null)
            nurse.Scopes.Add(new ProfessionalScope
            {
                TreatmentId = injectable.Id,
                Mode = ScopeMode.Supervised,
                Conditions = "Somente com médico presente na clínica",
                ValidFrom = today.AddDays(-30),
                ValidUntil = today.AddDays(335),
            });

        db.Professionals.AddRange(professionals);
        await db.SaveChangesAsync(ct);
        report.Add($"professionals: {professionals.Count} with weekly hours" + (physician.UserId is null ? "" : $"; {DemoProfessionalEmail} linked to {physician.FullName}"));
    }

    /// <summary>
    /// The large (benchmark) set models a busy clinic open 07:00–21:00 Monday to Saturday: issue 4 asks for 1,000,000
    /// appointments over about five years for 12 professionals, which ordinary 8-hour days cannot hold without overlaps.
    /// </summary>
    private static List<WorkingHours> BusyClinicHours() =>
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday }
            .Select(day => new WorkingHours { Day = day, Start = new(7, 0), End = new(21, 0) }).ToList();

    /// <summary>Mon–Fri 09:00–12:00 and 13:00–18:00; Saturday mornings for some.</summary>
    private static List<WorkingHours> WeeklyHours(bool saturday)
    {
        var hours = new List<WorkingHours>();
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
        {
            hours.Add(new WorkingHours { Day = day, Start = new(9, 0), End = new(12, 0) });
            hours.Add(new WorkingHours { Day = day, Start = new(13, 0), End = new(18, 0) });
        }
        if (saturday) hours.Add(new WorkingHours { Day = DayOfWeek.Saturday, Start = new(8, 0), End = new(12, 0) });
        return hours;
    }
}
