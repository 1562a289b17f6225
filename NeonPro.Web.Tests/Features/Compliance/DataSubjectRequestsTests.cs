using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Features.Patients;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Compliance;

/// <summary>The 15-day deadline and "vencido há N dias" count calendar days: on a held clock, not the machine's.</summary>
public sealed class DataSubjectRequestsTests(FakeClockFactory app) : IClassFixture<FakeClockFactory>
{
    private const string Url = "/Compliance/DataSubjectRequests";

    private DateTime ClinicNow => app.ClinicNow;

    private Task<Patient> NewPatientAsync(string first = "Helena") =>
        app.CreatePatientAsync($"{first} {PatientsArrange.UniqueSurname()}", PatientsArrange.NewCpf(), "+5531987650003", "helena@exemplo.test", "Rua da Bahia");

    private static string Details(Guid id) => $"{Url}/Details?id={id}";

    /// <summary>Posts one of the request's forms as the page does: with the version the page was loaded with.</summary>
    private static async Task<HttpResponseMessage> PostDetailsAsync(HttpClient client, Guid id, string handler,
        KeyValuePair<string, string>[] fields, string? version = null)
    {
        version ??= (await client.GetDocumentAsync(Details(id))).QuerySelector("input[name='version']")!.GetAttribute("value")!;
        return await client.PostFormAsync(Details(id), $"{Details(id)}&handler={handler}", [.. fields, new("version", version)], htmx: true);
    }

    [Fact]
    public async Task A_request_is_due_15_days_after_the_day_it_was_received()
    {
        var (manager, _) = await app.SignedInClientAsync(Roles.Manager);
        var patient = await NewPatientAsync();
        var received = ClinicNow.AddMinutes(-30);

        var request = await app.RegisterRequestAsync(manager, patient.Id, DataSubjectRight.ConfirmationAndAccess, received.ToString("yyyy-MM-ddTHH:mm"));

        Assert.Equal(DateOnly.FromDateTime(received).AddDays(15), request.DueOn);
        Assert.Equal(DataSubjectRequestStatus.Open, request.Status);
        Assert.True(request.IdentityVerified);
        Assert.Equal(received.AddHours(3).ToString("yyyy-MM-ddTHH:mm"), request.ReceivedAtUtc.ToString("yyyy-MM-ddTHH:mm")); // stored in UTC
        var row = FormPosting.Parse(await manager.GetStringAsync(Url)).GetElementById($"dsr-{request.Id}")!;
        Assert.Contains(DateOnly.FromDateTime(received).AddDays(15).ToString("dd/MM/yyyy"), row.TextContent);
        Assert.DoesNotContain("table-danger", row.ClassName ?? "");
    }

    [Fact]
    public async Task An_overdue_request_is_highlighted_with_the_days_it_is_late()
    {
        var (manager, _) = await app.SignedInClientAsync(Roles.Manager);
        var patient = await NewPatientAsync("Beatriz");
        var request = await app.RegisterRequestAsync(manager, patient.Id, DataSubjectRight.Portability,
            ClinicNow.AddDays(-20).ToString("yyyy-MM-ddTHH:mm"));
        Assert.True(request.IsOverdueOn(DateOnly.FromDateTime(ClinicNow)));

        var row = FormPosting.Parse(await manager.GetStringAsync(Url)).GetElementById($"dsr-{request.Id}")!;
        Assert.Contains("table-danger", row.ClassName);
        Assert.Contains("Vencido há 5 dias", row.TextContent);
        Assert.Contains("Vencido há 5 dias", FormPosting.Text(await manager.GetStringAsync(Details(request.Id))));
    }

    [Fact]
    public async Task A_refusal_without_its_reason_is_refused_and_with_one_answers_the_request()
    {
        var (manager, user) = await app.SignedInClientAsync(Roles.Manager);
        var patient = await NewPatientAsync("Cecília");
        var request = await app.RegisterRequestAsync(manager, patient.Id, DataSubjectRight.AnonymizationOrDeletion,
            ClinicNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm"));

        var noReason = await PostDetailsAsync(manager, request.Id, "Refuse", [new("reason", " ")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("Informe o motivo da recusa (art. 18 §4).", FormPosting.Text(await noReason.Content.ReadAsStringAsync()));
        Assert.Equal(DataSubjectRequestStatus.Open, (await app.NewDbContext().DataSubjectRequests.SingleAsync(r => r.Id == request.Id)).Status);

        var refused = await PostDetailsAsync(manager, request.Id, "Refuse", [new("reason", "Titular não comprovou a identidade após duas solicitações.")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var saved = await app.NewDbContext().DataSubjectRequests.SingleAsync(r => r.Id == request.Id);
        Assert.Equal(DataSubjectRequestStatus.Refused, saved.Status);
        Assert.Equal("Titular não comprovou a identidade após duas solicitações.", saved.RefusalReason);
        Assert.Equal(user.Id, saved.HandledByUserId);
        Assert.NotNull(saved.AnsweredAtUtc);

        // An answered request is no longer pending: it leaves the default list and shows under its status.
        Assert.Null(FormPosting.Parse(await manager.GetStringAsync(Url)).GetElementById($"dsr-{request.Id}"));
        Assert.NotNull(FormPosting.Parse(await manager.GetStringAsync($"{Url}?filter=Refused")).GetElementById($"dsr-{request.Id}"));
    }

    [Fact]
    public async Task Completing_needs_a_verified_identity_and_an_outcome()
    {
        var (manager, _) = await app.SignedInClientAsync(Roles.Manager);
        var patient = await NewPatientAsync("Diana");
        var request = await app.RegisterRequestAsync(manager, patient.Id, DataSubjectRight.Correction,
            ClinicNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm"), identityVerified: false);

        var unverified = await PostDetailsAsync(manager, request.Id, "Complete", [new("outcome", "Telefone corrigido.")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unverified.StatusCode);
        Assert.Contains("Confirme a identidade do titular antes de concluir.", FormPosting.Text(await unverified.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.OK, (await PostDetailsAsync(manager, request.Id, "VerifyIdentity", [])).StatusCode);
        var empty = await PostDetailsAsync(manager, request.Id, "Complete", [new("outcome", "")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("Descreva a resposta dada ao titular.", FormPosting.Text(await empty.Content.ReadAsStringAsync()));

        var completed = await PostDetailsAsync(manager, request.Id, "Complete", [new("outcome", "Telefone corrigido.")]);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var saved = await app.NewDbContext().DataSubjectRequests.SingleAsync(r => r.Id == request.Id);
        Assert.Equal(DataSubjectRequestStatus.Completed, saved.Status);
        Assert.Equal("Telefone corrigido.", saved.Outcome);
    }

    [Fact]
    public async Task Answering_a_request_someone_else_changed_meanwhile_answers_409_naming_them_and_keeps_what_was_typed()
    {
        var (manager, _) = await app.SignedInClientAsync(Roles.Manager);
        var (colleague, other) = await app.SignedInClientAsync(Roles.Manager);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NeonProDbContext>();
            (await db.Users.SingleAsync(u => u.Id == other.Id)).FullName = "Marina Gestora";
            await db.SaveChangesAsync();
        });
        var patient = await NewPatientAsync("Gisele");
        var request = await app.RegisterRequestAsync(manager, patient.Id, DataSubjectRight.Correction,
            ClinicNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm"));
        var loaded = (await manager.GetDocumentAsync(Details(request.Id))).QuerySelector("input[name='version']")!.GetAttribute("value")!;

        Assert.Equal(HttpStatusCode.OK, (await PostDetailsAsync(colleague, request.Id, "Start", [])).StatusCode);
        var stale = await PostDetailsAsync(manager, request.Id, "Complete", [new("outcome", "Endereço corrigido no cadastro.")], loaded);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Matches(@"Alterado por Marina Gestora às \d{2}:\d{2}; recarregue\.", FormPosting.Text(html));
        Assert.Equal("Endereço corrigido no cadastro.", FormPosting.Parse(html).QuerySelector("#dsr-answer-outcome")!.TextContent.Trim());
        var saved = await app.NewDbContext().DataSubjectRequests.SingleAsync(r => r.Id == request.Id);
        Assert.Equal((DataSubjectRequestStatus.InProgress, (string?)null), (saved.Status, saved.Outcome));
    }

    [Fact]
    public async Task A_request_needs_a_patient_a_right_and_a_receipt_date_not_in_the_future()
    {
        var (manager, _) = await app.SignedInClientAsync(Roles.Manager);
        var patient = await NewPatientAsync("Eva");
        var before = await app.NewDbContext().DataSubjectRequests.CountAsync();

        var empty = await manager.PostFormAsync(Url, $"{Url}?handler=Create", [new("Input.ReceivedAt", "")], htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var text = FormPosting.Text(await empty.Content.ReadAsStringAsync());
        Assert.Contains("Escolha o paciente.", text);
        Assert.Contains("Escolha o direito solicitado.", text);
        Assert.Contains("Informe quando a solicitação foi recebida.", text);

        var future = await manager.PostFormAsync(Url, $"{Url}?handler=Create",
        [
            new("Input.PatientId", patient.Id.ToString()), new("Input.Right", "Portability"),
            new("Input.ReceivedAt", ClinicNow.AddDays(2).ToString("yyyy-MM-ddTHH:mm")),
        ], htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        Assert.Contains("A data de recebimento não pode estar no futuro.", FormPosting.Text(await future.Content.ReadAsStringAsync()));
        Assert.Equal(before, await app.NewDbContext().DataSubjectRequests.CountAsync());
    }

    [Fact]
    public async Task Each_right_links_to_the_action_that_answers_it()
    {
        var (manager, _) = await app.SignedInClientAsync(Roles.Manager);
        var patient = await NewPatientAsync("Fernanda");
        var at = ClinicNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm");

        var access = await app.RegisterRequestAsync(manager, patient.Id, DataSubjectRight.ConfirmationAndAccess, at);
        var accessPage = await manager.GetStringAsync(Details(access.Id));
        Assert.Contains($"/api/patients/{patient.Id}/export.pdf?request={access.Id}", accessPage);
        Assert.Contains($"/api/patients/{patient.Id}/export.json?request={access.Id}", accessPage);

        var anonymize = await app.RegisterRequestAsync(manager, patient.Id, DataSubjectRight.AnonymizationOrDeletion, at);
        Assert.Contains($"/Compliance/DataSubjectRequests/Anonymize?id={anonymize.Id}", await manager.GetStringAsync(Details(anonymize.Id)));

        var revoke = await app.RegisterRequestAsync(manager, patient.Id, DataSubjectRight.ConsentRevocation, at);
        Assert.Contains($"/Patients/Consents?id={patient.Id}", await manager.GetStringAsync(Details(revoke.Id)));
    }

    [Fact]
    public async Task The_patient_picker_finds_a_patient_by_cpf_or_an_unaccented_name_fragment()
    {
        var (manager, _) = await app.SignedInClientAsync(Roles.Manager);
        var surname = PatientsArrange.UniqueSurname();
        var patient = await app.CreatePatientAsync($"Úrsula Guimarães {surname}", PatientsArrange.NewCpf(), "+5531987650004", "ursula@exemplo.test", "Rua Pernambuco");

        var byName = await manager.GetStringAsync($"{Url}?handler=PatientOptions&q=ursula+{surname[..8]}");
        Assert.Contains($"value=\"{patient.Id}\"", byName);
        var byCpf = await manager.GetStringAsync($"{Url}?handler=PatientOptions&q={patient.Cpf}");
        Assert.Contains($"value=\"{patient.Id}\"", byCpf);
    }

    [Fact]
    public async Task The_front_desk_cannot_open_the_request_register()
    {
        var (receptionist, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var response = await receptionist.GetAsync(Url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location!.OriginalString);
    }
}
