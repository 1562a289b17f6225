using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Features.Patients;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Compliance;

public sealed class PatientDataExportTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private async Task<Patient> ArrangeAsync(HttpClient receptionist, string fullName)
    {
        var patient = await app.CreatePatientAsync(fullName, PatientsArrange.NewCpf(), "+5521998761234", "conceicao@exemplo.test", "Rua São João",
            p => p.HealthProfile = new HealthProfile { PatientId = p.Id, Allergies = "Dipirona", AllergiesConfirmedAtUtc = DateTime.UtcNow, FitzpatrickType = 3 });
        Assert.Equal(HttpStatusCode.OK, (await receptionist.RecordConsentAsync(patient.Id, ConsentPurpose.HealthCare, ConsentMethod.SignedForm)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await receptionist.RecordConsentAsync(patient.Id, ConsentPurpose.ImageUse)).StatusCode);
        var image = await app.NewDbContext().PatientConsents.SingleAsync(c => c.PatientId == patient.Id && c.Purpose == ConsentPurpose.ImageUse);
        Assert.Equal(HttpStatusCode.OK, (await receptionist.WithdrawConsentAsync(patient.Id, image.Id, "Mudou de ideia")).StatusCode);
        return patient;
    }

    [Fact]
    public async Task A_manager_downloads_everything_held_about_a_patient_as_json_and_as_a_readable_pdf()
    {
        var (receptionist, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var (manager, managerUser) = await app.SignedInClientAsync(Roles.Manager);
        var name = $"Conceição Araújo {PatientsArrange.UniqueSurname()}";
        var patient = await ArrangeAsync(receptionist, name);
        var request = await app.RegisterRequestAsync(manager, patient.Id, DataSubjectRight.Portability,
            DateTime.UtcNow.AddHours(-3).AddMinutes(-10).ToString("yyyy-MM-ddTHH:mm"));

        var json = await manager.GetAsync($"/api/patients/{patient.Id}/export.json?request={request.Id}");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(name, json.Content.Headers.ContentDisposition?.ToString() ?? ""); // no name in the file name
        using var doc = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        Assert.Equal("neonpro.patient-data", root.GetProperty("format").GetString());
        Assert.Equal(name, root.GetProperty("patient").GetProperty("fullName").GetString());
        Assert.Equal(Cpf.Format(patient.Cpf!), root.GetProperty("patient").GetProperty("cpf").GetString());
        Assert.Equal("Rua São João", root.GetProperty("patient").GetProperty("address").GetProperty("street").GetString());
        Assert.Equal("Dipirona", root.GetProperty("healthProfile").GetProperty("allergies").GetString());
        // ISO 8601 with the clinic's offset (America/Sao_Paulo has been UTC-3 all year since 2019).
        Assert.Matches(new Regex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?-03:00$"), root.GetProperty("generatedAt").GetString());

        var consents = root.GetProperty("consents").EnumerateArray().ToList();
        Assert.Equal(["HealthCare", "ImageUse"], consents.Select(c => c.GetProperty("purpose").GetString()));
        var imageUse = consents.Single(c => c.GetProperty("purpose").GetString() == "ImageUse");
        Assert.Equal("Withdrawn", imageUse.GetProperty("status").GetString());
        Assert.Equal("Mudou de ideia", imageUse.GetProperty("withdrawalReason").GetString());
        var term = await app.NewDbContext().ConsentTerms.SingleAsync(t => t.Purpose == ConsentPurpose.ImageUse);
        Assert.Equal(term.Sha256, imageUse.GetProperty("term").GetProperty("sha256").GetString());
        Assert.Equal("1", imageUse.GetProperty("term").GetProperty("version").GetString());
        Assert.Equal(term.Text, imageUse.GetProperty("term").GetProperty("text").GetString());

        var requests = root.GetProperty("dataSubjectRequests").EnumerateArray().ToList();
        Assert.Equal("Portability", Assert.Single(requests).GetProperty("right").GetString());
        var access = root.GetProperty("accessLog").EnumerateArray().ToList();
        Assert.Contains(access, a => a.GetProperty("record").GetString() == "Patient" && a.GetProperty("action").GetString() == "Insert");
        Assert.Contains(access, a => a.GetProperty("record").GetString() == "PatientConsent" && a.GetProperty("action").GetString() == "Update");
        Assert.Contains(root.GetProperty("otherRecords").EnumerateArray(), o => o.GetProperty("category").GetString() == "clinicalRecord");

        var pdf = await manager.GetAsync($"/api/patients/{patient.Id}/export.pdf?request={request.Id}");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        var text = await PdfText.ReadAsync(bytes);
        Assert.Contains(name, text);
        Assert.Contains("Tratamento de dados de saúde", text);
        Assert.Contains("Uso de imagem (fotografias)", text);
        Assert.Contains("Mudou de ideia", text);
        Assert.Contains(term.Sha256, text.Replace(" ", ""));
        Assert.Contains("Portabilidade (art. 18, V)", text);
        Assert.Contains("Prontuário clínico", text);

        // Each download wrote its own Export access row: who, and which format.
        var exports = await app.NewDbContext().AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditAction.Export && a.EntityType == "Patient" && a.EntityId == patient.Id.ToString())
            .OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(2, exports.Count);
        Assert.All(exports, e => Assert.Equal(managerUser.Id, e.UserId));
        Assert.Contains("\"format\":\"json\"", exports[0].NewValues);
        Assert.Contains("\"format\":\"pdf\"", exports[1].NewValues);
        Assert.Contains(request.Id.ToString(), exports[1].NewValues);

        // The second download's access log lists the first download.
        var again = JsonDocument.Parse(await manager.GetStringAsync($"/api/patients/{patient.Id}/export.json"));
        Assert.Equal(2, again.RootElement.GetProperty("accessLog").EnumerateArray().Count(a => a.GetProperty("action").GetString() == "Export"));
    }

    [Fact]
    public async Task A_receptionist_cannot_download_a_patients_data()
    {
        var (receptionist, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var patient = await app.CreatePatientAsync($"Bruna {PatientsArrange.UniqueSurname()}", PatientsArrange.NewCpf(), "+5511987650002", "bruna@exemplo.test", "Rua Bela Cintra");

        foreach (var format in new[] { "json", "pdf" })
        {
            var response = await receptionist.GetAsync($"/api/patients/{patient.Id}/export.{format}");
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden
                        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("AccessDenied")),
                $"export.{format} answered {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.False(await app.NewDbContext().AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.EntityId == patient.Id.ToString()));
    }

    [Fact]
    public async Task Exporting_a_patient_not_on_file_answers_404_and_writes_nothing()
    {
        var (manager, _) = await app.SignedInClientAsync(Roles.Manager);
        var id = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/patients/{id}/export.json")).StatusCode);
        Assert.False(await app.NewDbContext().AuditEntries.AnyAsync(a => a.EntityId == id.ToString()));
    }
}
