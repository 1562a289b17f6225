using System.Net;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Features.Patients;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Compliance;

/// <summary>Arranging patients, consents and requests for the LGPD tests, through the app's own code and pages.</summary>
public static class LgpdArrange
{
    /// <summary>A fully identified adult patient, saved through the DbContext (and so through the audit interceptor).</summary>
    public static async Task<Patient> CreatePatientAsync(this NeonProFactory app, string fullName, string cpf, string mobileE164,
        string email, string street, Action<Patient>? more = null)
    {
        var patient = new Patient
        {
            FullName = fullName,
            BirthDate = new DateOnly(1985, 3, 14),
            Sex = Sex.Female,
            Cpf = cpf,
            MobilePhone = mobileE164,
            Email = email,
            PostalCode = "01310100",
            Street = street,
            Number = "1578",
            District = "Bela Vista",
            City = "São Paulo",
            State = "SP",
            Occupation = "Arquiteta",
            CreatedAtUtc = app.UtcNow,
        };
        more?.Invoke(patient);
        PatientSearchColumns.Refresh(patient);
        await using var db = app.NewDbContext();
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        return patient;
    }

    /// <summary>Records a consent through the consent tab's real form (antiforgery token from the page).</summary>
    public static async Task<HttpResponseMessage> RecordConsentAsync(this HttpClient client, Guid patientId, ConsentPurpose purpose,
        ConsentMethod method = ConsentMethod.InPerson, bool agreed = true)
    {
        var page = $"/Patients/Consents?id={patientId}";
        var doc = await client.GetDocumentAsync($"{page}&handler=RecordForm&purpose={purpose}");
        var termId = doc.QuerySelector("input[name='Record.TermId']")?.GetAttribute("value")
                     ?? throw new InvalidOperationException("The record form shows no term.");
        List<KeyValuePair<string, string>> fields =
        [
            new("Record.Purpose", purpose.ToString()),
            new("Record.Method", method.ToString()),
            new("Record.TermId", termId),
        ];
        if (agreed) fields.Add(new("Record.Agreed", "true"));
        return await client.PostFormAsync(page, $"{page}&handler=Record", fields, htmx: true);
    }

    /// <summary>Withdraws through the withdrawal form, posting the consent's version that form was opened with (or the given one).</summary>
    public static async Task<HttpResponseMessage> WithdrawConsentAsync(this HttpClient client, Guid patientId, Guid consentId, string reason,
        string? version = null)
    {
        var page = $"/Patients/Consents?id={patientId}";
        version ??= await client.WithdrawalFormVersionAsync(patientId, consentId);
        return await client.PostFormAsync(page, $"{page}&handler=Withdraw",
            [new("consentId", consentId.ToString()), new("reason", reason), new("version", version)], htmx: true);
    }

    /// <summary>The consent's version as the withdrawal form holds it (empty once the consent is withdrawn and the form is gone).</summary>
    public static async Task<string> WithdrawalFormVersionAsync(this HttpClient client, Guid patientId, Guid consentId) =>
        (await client.GetDocumentAsync($"/Patients/Consents?id={patientId}&handler=WithdrawForm&consentId={consentId}"))
            .QuerySelector("#consent-withdraw-form input[name='version']")?.GetAttribute("value") ?? Guid.Empty.ToString();

    /// <summary>Registers a data-subject request through the register's real form; returns it from the database.</summary>
    public static async Task<DataSubjectRequest> RegisterRequestAsync(this NeonProFactory app, HttpClient manager, Guid patientId,
        DataSubjectRight right, string receivedAtLocal, bool identityVerified = true)
    {
        const string url = "/Compliance/DataSubjectRequests";
        var response = await manager.PostFormAsync(url, $"{url}?handler=Create",
        [
            new("Input.PatientId", patientId.ToString()),
            new("Input.Right", right.ToString()),
            new("Input.ReceivedAt", receivedAtLocal),
            new("Input.IdentityVerified", identityVerified ? "true" : "false"),
        ], htmx: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.NewDbContext();
        return await db.DataSubjectRequests.AsNoTracking()
            .Where(r => r.PatientId == patientId && r.Right == right)
            .OrderByDescending(r => r.Id).FirstAsync();
    }
}
