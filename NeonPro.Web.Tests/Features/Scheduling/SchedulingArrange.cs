using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Catalog;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Scheduling;

/// <summary>A small clinic to book against: one professional working Mon–Sat 08–20, a treatment, a room, patients.</summary>
public sealed record SchedulingWorld(Guid ProfessionalId, Guid TreatmentId, Guid RoomId, Guid[] PatientIds)
{
    /// <summary>Next Monday at the given clinic-local hour (São Paulo, UTC-3), as UTC.</summary>
    public static DateTime NextMondayUtc(int localHour, int minute = 0)
    {
        var today = DateTime.UtcNow.Date;
        var daysUntilMonday = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        if (daysUntilMonday == 0) daysUntilMonday = 7;
        return DateTime.SpecifyKind(today.AddDays(daysUntilMonday).AddHours(localHour + 3).AddMinutes(minute), DateTimeKind.Utc);
    }

    /// <summary>The booking form's fields as the browser posts them (no antiforgery token: PostFormAsync adds it).</summary>
    public List<KeyValuePair<string, string>> BookingFields(Guid patient, DateTime startUtc, int minutes = 60)
    {
        var local = startUtc.AddHours(-3); // São Paulo
        return
        [
            new("Input.PatientId", patient.ToString()), new("Input.ProfessionalId", ProfessionalId.ToString()),
            new("Input.TreatmentId", TreatmentId.ToString()), new("Input.RoomId", ""),
            new("Input.Date", local.ToString("yyyy-MM-dd")), new("Input.Time", local.ToString("HH:mm")),
            new("Input.DurationMinutes", minutes.ToString()), new("Input.AcknowledgeWarnings", "true"),
        ];
    }

    /// <summary>
    /// Posts the booking form count times at once through one signed-in client, as that many receptionists would:
    /// the i-th for patient i at start + 0/15/30/45 minutes, so every pair overlaps for this one professional.
    /// </summary>
    public async Task<(HttpStatusCode StatusCode, string Body)[]> PostOverlappingBookingsAsync(HttpClient client, string token, DateTime startUtc, int count) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => PostBookingAsync(client, token, PatientIds[i], startUtc.AddMinutes(i % 4 * 15))));

    /// <summary>One booking form post with a token taken earlier, as htmx sends it (for posts made side by side).</summary>
    public async Task<(HttpStatusCode StatusCode, string Body)> PostBookingAsync(HttpClient client, string token, Guid patient, DateTime startUtc)
    {
        var fields = BookingFields(patient, startUtc);
        fields.Add(new("__RequestVerificationToken", token));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Scheduling?handler=Book") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("HX-Request", "true");
        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<SchedulingWorld> CreateAsync(NeonProFactory app, int patients = 3)
    {
        return await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NeonProDbContext>();
            var professional = new Professional
            {
                FullName = "Dra. Teste Agenda", Profession = Profession.Physician, Council = Council.Crm,
                CouncilNumber = "123456", CouncilState = "SP", CardValidUntil = DateOnly.FromDateTime(DateTime.UtcNow.AddYears(1)),
            };
            foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday })
                professional.WorkingHours.Add(new WorkingHours { ProfessionalId = professional.Id, Day = day, Start = new TimeOnly(8, 0), End = new TimeOnly(20, 0) });
            var treatment = new Treatment
            {
                Name = "Limpeza de pele", Category = TreatmentCategory.Facial, DurationMinutes = 60, Price = 180m,
                AllowedProfessions = [Profession.Physician, Profession.Aesthetician],
            };
            var room = new Room { Name = $"Sala {Guid.NewGuid():N}"[..12] };
            db.AddRange(professional, treatment, room);
            var ids = new List<Guid>();
            for (var i = 0; i < patients; i++)
            {
                var p = new Patient
                {
                    FullName = $"Paciente Agenda {i}", BirthDate = new DateOnly(1990, 1, 1).AddDays(i), IsForeigner = true,
                    PassportNumber = $"X{Guid.NewGuid():N}"[..10], CreatedAtUtc = DateTime.UtcNow,
                    HealthProfile = new HealthProfile { AllergiesConfirmedAtUtc = DateTime.UtcNow, NoKnownAllergies = true },
                };
                p.SearchName = SearchText.Normalize(p.FullName);
                db.Patients.Add(p);
                ids.Add(p.Id);
            }
            await db.SaveChangesAsync();
            return new SchedulingWorld(professional.Id, treatment.Id, room.Id, [.. ids]);
        });
    }
}

/// <summary>
/// The double-booking race, run alike on SQLite and PostgreSQL: twenty receptionists post overlapping bookings of one
/// professional at the same moment; exactly one is made, the other nineteen are told why, one row is stored.
/// </summary>
public static class BookingRace
{
    public static async Task TwentyOverlappingPostsMakeExactlyOneBookingAsync(NeonProFactory app)
    {
        var w = await SchedulingWorld.CreateAsync(app, patients: 20);
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var token = (await client.GetDocumentAsync("/Scheduling")).AntiforgeryToken();

        var responses = await w.PostOverlappingBookingsAsync(client, token, SchedulingWorld.NextMondayUtc(14), 20);

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var conflicts = responses.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
        Assert.Equal(19, conflicts.Count);
        Assert.All(conflicts, c => Assert.Contains("já tem um agendamento", FormPosting.Text(c.Body)));
        await using var db = app.NewDbContext();
        Assert.Equal(1, await db.Appointments.CountAsync(a => a.ProfessionalId == w.ProfessionalId));
    }
}
