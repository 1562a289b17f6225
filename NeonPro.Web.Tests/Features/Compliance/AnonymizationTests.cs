using System.Net;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Domain;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Features.Compliance;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Features.Patients;
using NeonPro.Web.Tests.Features.Scheduling;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Compliance;

public sealed class AnonymizationTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private static readonly Random Random = new();

    private static string NewMobile()
    {
        lock (Random) return "+55119" + Random.Next(10_000_000, 99_999_999);
    }

    private static string AnonymizePage(Guid requestId) => $"/Compliance/DataSubjectRequests/Anonymize?id={requestId}";

    /// <summary>Posts the confirmation as the page's form does: with the request's version the page was loaded with.</summary>
    private static async Task<HttpResponseMessage> PostAnonymizeAsync(HttpClient client, Guid requestId, bool confirm, Guid? version = null)
    {
        var loaded = version ?? await LoadedVersionAsync(client, requestId);
        return await client.PostFormAsync(AnonymizePage(requestId), AnonymizePage(requestId) + "&handler=Anonymize",
            confirm ? [new("confirm", "true"), new("version", loaded.ToString())] : [new("version", loaded.ToString())]);
    }

    /// <summary>The version in the page's form; a page without the form (request answered) posts an empty one.</summary>
    private static async Task<Guid> LoadedVersionAsync(HttpClient client, Guid requestId) =>
        (await client.GetDocumentAsync(AnonymizePage(requestId))).QuerySelector("input[name='version']")?.GetAttribute("value") is { } v
            ? Guid.Parse(v) : Guid.Empty;

    [Fact]
    public async Task Confirming_on_a_request_changed_since_the_page_was_loaded_answers_409_naming_who_and_erases_nothing()
    {
        var (manager, _) = await app.SignedInClientAsync(Roles.Manager);
        var (colleague, other) = await app.SignedInClientAsync(Roles.Manager);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NeonProDbContext>();
            var user = await db.Users.SingleAsync(u => u.Id == other.Id);
            user.FullName = "Gabriela Gestora";
            await db.SaveChangesAsync();
        });
        var name = $"Paula {PatientsArrange.UniqueSurname()}";
        var patient = await app.CreatePatientAsync(name, PatientsArrange.NewCpf(), NewMobile(), "paula@exemplo.test", "Rua Augusta");
        var request = await app.RegisterRequestAsync(manager, patient.Id, DataSubjectRight.AnonymizationOrDeletion,
            DateTime.UtcNow.AddHours(-4).ToString("yyyy-MM-ddTHH:mm"));
        var loaded = await LoadedVersionAsync(manager, request.Id);

        // While the manager reads the confirmation page, a colleague takes the request up.
        var details = $"/Compliance/DataSubjectRequests/Details?id={request.Id}";
        Assert.Equal(HttpStatusCode.OK, (await colleague.PostFormAsync(details, details + "&handler=Start",
            [new("version", loaded.ToString())], htmx: true)).StatusCode);

        var stale = await PostAnonymizeAsync(manager, request.Id, confirm: true, version: loaded);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Matches(@"Alterado por Gabriela Gestora às \d{2}:\d{2}; recarregue\.", FormPosting.Text(await stale.Content.ReadAsStringAsync()));
        Assert.Equal(name, (await app.NewDbContext().Patients.AsNoTracking().SingleAsync(p => p.Id == patient.Id)).FullName);
    }

    [Fact]
    public async Task After_anonymization_no_identifier_of_the_patient_is_left_in_any_text_column_and_the_clinical_record_is_kept_blocked()
    {
        var (manager, _) = await app.SignedInClientAsync(Roles.Manager);
        var (receptionist, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var surname = PatientsArrange.UniqueSurname();
        var fullName = $"Joana Quixabeira {surname}";
        var socialName = $"Jô {surname}";
        var cpf = PatientsArrange.NewCpf();
        var guardianCpf = PatientsArrange.NewCpf();
        var (mobile, otherPhone, guardianPhone, emergencyPhone, newMobile) = (NewMobile(), NewMobile(), NewMobile(), NewMobile(), NewMobile());
        var (email, newEmail) = ($"joana.{surname}@exemplo.test", $"jo.{surname}@novo.test");
        var (street, newStreet) = ($"Travessa {surname}", $"Alameda {surname}");
        var (guardianName, emergencyName) = ($"Marta Responsável {surname}", $"Caio Emergência {surname}");
        var rg = "RG" + NewMobile()[5..];
        var occupation = $"Professora na Escola Quixabeira {surname}";

        var patient = await app.CreatePatientAsync(fullName, cpf, mobile, email, street, p =>
        {
            p.SocialName = socialName;
            p.OtherPhone = otherPhone;
            p.Rg = rg;
            p.Cns = "700000000000005";
            p.GuardianName = guardianName;
            p.GuardianRelationship = "Mãe";
            p.GuardianCpf = guardianCpf;
            p.GuardianPhone = guardianPhone;
            p.EmergencyContactName = emergencyName;
            p.EmergencyContactRelationship = "Irmão";
            p.EmergencyContactPhone = emergencyPhone;
            p.Occupation = occupation; // free text that can name a person or an employer
            p.HealthProfile = new HealthProfile
            {
                PatientId = p.Id, Allergies = "Lidocaína", AllergiesConfirmedAtUtc = DateTime.UtcNow,
                Contraindications = "Anticoagulante", ContraindicationsConfirmedAtUtc = DateTime.UtcNow,
            };
        });

        // One update, so the audit holds old and new values of identifying fields.
        await using (var db = app.NewDbContext())
        {
            var p = await db.Patients.Include(x => x.NameTokens).SingleAsync(x => x.Id == patient.Id);
            p.Email = newEmail;
            p.MobilePhone = newMobile;
            p.Street = newStreet;
            NeonPro.Web.Features.Patients.PatientSearchColumns.Refresh(p);
            await db.SaveChangesAsync();
        }
        foreach (var purpose in new[] { ConsentPurpose.HealthCare, ConsentPurpose.Marketing, ConsentPurpose.ImageUse })
            Assert.Equal(HttpStatusCode.OK, (await receptionist.RecordConsentAsync(patient.Id, purpose)).StatusCode);
        await receptionist.GetAsync($"/Patients/Chart?id={patient.Id}"); // an access row, as the front desk opens the chart
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/patients/{patient.Id}/export.json")).StatusCode);
        Assert.Contains(patient.Id.ToString(), await receptionist.GetStringAsync($"/Patients?handler=Search&q={surname}"));

        var request = await app.RegisterRequestAsync(manager, patient.Id, DataSubjectRight.AnonymizationOrDeletion,
            DateTime.UtcNow.AddHours(-4).ToString("yyyy-MM-ddTHH:mm"));

        var preview = FormPosting.Text(await (await manager.GetAsync(AnonymizePage(request.Id))).Content.ReadAsStringAsync());
        Assert.Contains("O que será anonimizado", preview);
        Assert.Contains("O que será mantido e por quê", preview);

        var unconfirmed = await PostAnonymizeAsync(manager, request.Id, confirm: false);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        Assert.Equal(fullName, (await app.NewDbContext().Patients.AsNoTracking().SingleAsync(p => p.Id == patient.Id)).FullName);

        // Every former identifier, as typed and as stored.
        string[] former =
        [
            fullName, socialName, surname, "quixabeira", cpf, Cpf.Format(cpf), guardianCpf, Cpf.Format(guardianCpf),
            mobile, mobile[3..], newMobile, newMobile[3..], otherPhone, otherPhone[3..], guardianPhone[3..], emergencyPhone[3..],
            email, newEmail, street, newStreet, guardianName, emergencyName, rg, "700000000000005", occupation,
        ];

        var done = await PostAnonymizeAsync(manager, request.Id, confirm: true);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        // Right after the answer, before any job runs or any connection closes: a copy of the database files taken now
        // (the main file, its write-ahead log and its index) holds no former identifier, neither in live rows nor in
        // free pages nor in old page versions in the log. SQLite stores text as UTF-8; UTF-16 is checked as well.
        var leftovers = new List<string>();
        foreach (var file in Directory.GetFiles(app.DataFolder, "neonpro.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var value in former.SelectMany(v => new[] { v, v.ToLowerInvariant() }).Distinct())
            foreach (var encoding in new[] { System.Text.Encoding.UTF8, System.Text.Encoding.Unicode })
                if (bytes.AsSpan().IndexOf(encoding.GetBytes(value)) >= 0) leftovers.Add($"{Path.GetFileName(file)} holds '{value}' ({encoding.WebName})");
        }
        Assert.Empty(leftovers);

        var page = FormPosting.Text(await done.Content.ReadAsStringAsync());
        Assert.Contains("Paciente anonimizado", page);
        Assert.Contains("O que foi anonimizado", page);
        Assert.Contains("O que foi mantido e por quê", page);
        Assert.Contains("Lei 13.787/2018", page);
        Assert.Contains("CFM 1.821/2007", page);
        Assert.Contains("art. 16, I", page);
        Assert.DoesNotContain(surname, page);

        // Every column of every table, the audit trail's JSON included, searched for every former identifier.
        await using (var connection = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly;Pooling=False"))
        {
            await connection.OpenAsync();
            var columns = new List<(string Table, string Column)>();
            await using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = "SELECT m.name, c.name FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table'";
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1)));
            }
            Assert.Contains(columns, c => c is { Table: "AuditEntries", Column: "OldValues" });
            Assert.Contains(columns, c => c is { Table: "AuditEntries", Column: "EntityId" });
            Assert.True(columns.Count > 100, $"only {columns.Count} columns found");

            var found = new List<string>();
            foreach (var (table, column) in columns)
            {
                foreach (var value in former)
                {
                    await using var cmd = connection.CreateCommand();
                    cmd.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE CAST(\"{column}\" AS TEXT) LIKE $v";
                    cmd.Parameters.AddWithValue("$v", $"%{value}%");
                    if ((long)(await cmd.ExecuteScalarAsync())! > 0) found.Add($"{table}.{column} holds '{value}'");
                }
            }
            Assert.Empty(found);
        }

        // The clinical record is retained, blocked, for 20 years from its last entry.
        await using var after = app.NewDbContext();
        var kept = await after.Patients.AsNoTracking().Include(p => p.HealthProfile).Include(p => p.NameTokens).SingleAsync(p => p.Id == patient.Id);
        Assert.True(kept.RecordBlocked);
        Assert.NotNull(kept.AnonymizedAtUtc);
        Assert.Equal(RecordRetention.AnonymizedMarker, kept.FullName);
        Assert.Equal(RecordRetention.AnonymizedMarker, kept.SearchName);
        Assert.Empty(kept.NameTokens);
        Assert.Equal(new DateOnly(1985, 3, 14), kept.BirthDate);
        Assert.Equal("Lidocaína", kept.HealthProfile!.Allergies);
        Assert.Equal("Anticoagulante", kept.HealthProfile.Contraindications);
        var clinicToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "America/Sao_Paulo"));
        Assert.Equal(clinicToday.AddYears(20), kept.RetentionUntil);

        // Consents stay as proof, all withdrawn for the anonymization.
        var consents = await after.PatientConsents.AsNoTracking().Where(c => c.PatientId == patient.Id).ToListAsync();
        Assert.Equal(3, consents.Count);
        Assert.All(consents, c => Assert.Equal(Anonymization.ConsentWithdrawalReason, c.WithdrawalReason));
        Assert.False(ConsentRules.MayReceiveMarketing(consents, DateTime.UtcNow));

        var answered = await after.DataSubjectRequests.AsNoTracking().SingleAsync(r => r.Id == request.Id);
        Assert.Equal(DataSubjectRequestStatus.Completed, answered.Status);
        Assert.StartsWith("Paciente anonimizado em", answered.Outcome);

        // The front desk no longer finds the patient, by name or by CPF.
        Assert.DoesNotContain(patient.Id.ToString(), await receptionist.GetStringAsync($"/Patients?handler=Search&q={surname}"));
        Assert.DoesNotContain(patient.Id.ToString(), await receptionist.GetStringAsync($"/Patients?handler=Search&q={cpf}"));

        // The blocked record is closed to the front desk, consents included; a manager still reads them.
        var blocked = await receptionist.GetAsync($"/Patients/Consents?id={patient.Id}&handler=Tab");
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.Contains("AccessDenied", blocked.Headers.Location!.OriginalString);
        Assert.Contains("Paciente anonimizado", FormPosting.Text(await manager.GetStringAsync($"/Patients/Consents?id={patient.Id}&handler=Tab")));

        // A second anonymization is refused: the request is answered and the patient already anonymized.
        var again = await PostAnonymizeAsync(manager, request.Id, confirm: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
    }

    [Fact]
    public async Task Anonymization_cancels_the_visits_still_ahead_without_a_fee_and_frees_their_times()
    {
        var w = await SchedulingWorld.CreateAsync(app, patients: 2);
        var (patientId, otherPatientId) = (w.PatientIds[0], w.PatientIds[1]);
        var (receptionist, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var (manager, _) = await app.SignedInClientAsync(Roles.Manager);
        var nextMonday = SchedulingWorld.NextMondayUtc(9);
        const string note = "Vem com a irmã, Lúcia Quixabeira";
        foreach (var start in new[] { nextMonday, nextMonday.AddDays(7) })
            Assert.Equal(HttpStatusCode.OK, (await receptionist.PostFormAsync("/Scheduling", "/Scheduling?handler=Book",
                [.. w.BookingFields(patientId, start), new("Input.Notes", note)], htmx: true)).StatusCode);
        // A visit already done: part of the clinical record, which anonymization keeps.
        var pastId = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NeonProDbContext>();
            var past = new Appointment
            {
                PatientId = patientId, ProfessionalId = w.ProfessionalId, TreatmentId = w.TreatmentId,
                StartUtc = nextMonday.AddDays(-28), EndUtc = nextMonday.AddDays(-28).AddHours(1), Status = AppointmentStatus.Completed,
                Notes = note,
            };
            db.Appointments.Add(past);
            await db.SaveChangesAsync();
            return past.Id;
        });
        var request = await app.RegisterRequestAsync(manager, patientId, DataSubjectRight.AnonymizationOrDeletion,
            DateTime.UtcNow.AddHours(-4).ToString("yyyy-MM-ddTHH:mm"));
        Assert.Contains("Agendamentos futuros (2): cancelados pela clínica, sem taxa", FormPosting.Text(await manager.GetStringAsync(AnonymizePage(request.Id))));

        var done = await PostAnonymizeAsync(manager, request.Id, confirm: true);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("2 agendamento(s) futuro(s) cancelado(s)", FormPosting.Text(await done.Content.ReadAsStringAsync()));

        await using var check = app.NewDbContext();
        var appointments = await check.Appointments.AsNoTracking().Include(a => a.History).Where(a => a.PatientId == patientId).ToListAsync();
        Assert.Equal(AppointmentStatus.Completed, appointments.Single(a => a.Id == pastId).Status);
        // The visits stay; the free text typed about them, which can name the patient's family, does not.
        Assert.All(appointments, a => Assert.Null(a.Notes));
        var cancelled = appointments.Where(a => a.Id != pastId).ToList();
        Assert.Equal(2, cancelled.Count);
        Assert.All(cancelled, a =>
        {
            Assert.Equal(AppointmentStatus.Cancelled, a.Status);
            Assert.Equal(Anonymization.AppointmentCancellationReason, a.CancellationReason);
            Assert.Null(a.CancellationFee);
            var step = a.History.OrderBy(h => h.AtUtc).Last();
            Assert.Equal((AppointmentStatus.Scheduled, AppointmentStatus.Cancelled), (step.From, step.To));
        });
        // The professional's hour is free again for someone else.
        var rebooked = await receptionist.PostFormAsync("/Scheduling", "/Scheduling?handler=Book", w.BookingFields(otherPatientId, nextMonday), htmx: true);
        Assert.Equal(HttpStatusCode.OK, rebooked.StatusCode);
    }

    [Fact]
    public async Task Anonymization_waits_for_the_identity_of_the_data_subject_to_be_verified()
    {
        var (manager, _) = await app.SignedInClientAsync(Roles.Manager);
        var name = $"Otávio {PatientsArrange.UniqueSurname()}";
        var patient = await app.CreatePatientAsync(name, PatientsArrange.NewCpf(), NewMobile(), "otavio@exemplo.test", "Rua Haddock Lobo");
        var request = await app.RegisterRequestAsync(manager, patient.Id, DataSubjectRight.AnonymizationOrDeletion,
            DateTime.UtcNow.AddHours(-4).ToString("yyyy-MM-ddTHH:mm"), identityVerified: false);

        var page = FormPosting.Text(await manager.GetStringAsync(AnonymizePage(request.Id)));
        Assert.Contains("Verifique a identidade do titular antes de anonimizar.", page);
        var refused = await PostAnonymizeAsync(manager, request.Id, confirm: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(name, (await app.NewDbContext().Patients.AsNoTracking().SingleAsync(p => p.Id == patient.Id)).FullName);
    }

    [Fact]
    public async Task Only_a_request_for_anonymization_can_anonymize()
    {
        var (manager, _) = await app.SignedInClientAsync(Roles.Manager);
        var name = $"Renata {PatientsArrange.UniqueSurname()}";
        var patient = await app.CreatePatientAsync(name, PatientsArrange.NewCpf(), NewMobile(), "renata@exemplo.test", "Rua Oscar Freire");
        var request = await app.RegisterRequestAsync(manager, patient.Id, DataSubjectRight.ConfirmationAndAccess,
            DateTime.UtcNow.AddHours(-4).ToString("yyyy-MM-ddTHH:mm"));

        var refused = await PostAnonymizeAsync(manager, request.Id, confirm: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Esta solicitação não é de anonimização.", FormPosting.Text(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(name, (await app.NewDbContext().Patients.AsNoTracking().SingleAsync(p => p.Id == patient.Id)).FullName);
    }

    [Fact]
    public void Erase_leaves_no_identifying_field_of_the_patient_holding_a_former_value()
    {
        var patient = new Patient();
        var identifying = typeof(Patient).GetProperties().Where(p => p.GetCustomAttribute<IdentifyingAttribute>() is not null).ToList();
        Assert.Contains(identifying, p => p.Name == nameof(Patient.GuardianCpf)); // the attribute is read, not an empty list
        foreach (var property in identifying) property.SetValue(patient, "valor antigo " + property.Name);
        patient.NameTokens.Add(new NameToken { Token = "antigo" });

        Anonymization.Erase(patient);

        foreach (var property in identifying)
        {
            var value = (string?)property.GetValue(patient);
            Assert.True(value is null || value == RecordRetention.AnonymizedMarker, $"{property.Name} still holds '{value}'");
        }
        Assert.Empty(patient.NameTokens);
    }
}
