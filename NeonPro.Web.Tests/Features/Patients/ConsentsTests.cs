using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Features.Patients;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Features.Compliance;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Patients;

/// <summary>"Vigente desde" / "Retirado em" and the term in force are about the clinic's day: on a held clock.</summary>
public sealed class ConsentsTests(FakeClockFactory app) : IClassFixture<FakeClockFactory>
{
    private Task<Patient> NewPatientAsync() =>
        app.CreatePatientAsync($"Lívia {PatientsArrange.UniqueSurname()}", PatientsArrange.NewCpf(), "+5511987650001", "livia@exemplo.test", "Rua Augusta");

    private string ClinicToday() => app.ClinicToday.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The chart header's alerts, in pt-BR as a request of the clinic's default culture would get them.</summary>
    private async Task<IReadOnlyList<ConsentAlert>> AlertsAsync(Guid patientId)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("pt-BR");
        return await app.WithScopeAsync(sp => sp.GetRequiredService<ConsentStatus>().AlertsAsync(patientId));
    }

    [Fact]
    public async Task Image_use_consent_is_recorded_through_the_form_and_withdrawn_with_a_reason_keeping_its_history()
    {
        var (client, user) = await app.SignedInClientAsync(Roles.Receptionist);
        var patient = await NewPatientAsync();

        var tab = await client.GetAsync($"/Patients/Consents?id={patient.Id}&handler=Tab");
        Assert.Equal(HttpStatusCode.OK, tab.StatusCode);
        var tabHtml = await tab.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"consents-tab\"", tabHtml.Trim());
        Assert.Contains("Nunca registrado", FormPosting.Text(tabHtml));

        var recorded = await client.RecordConsentAsync(patient.Id, ConsentPurpose.ImageUse, ConsentMethod.SignedForm);
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Contains("consents-changed", recorded.Headers.GetValues("HX-Trigger").Single());
        var consent = await app.NewDbContext().PatientConsents.Include(c => c.Term).SingleAsync(c => c.PatientId == patient.Id);
        Assert.Equal(ConsentPurpose.ImageUse, consent.Purpose);
        Assert.Equal(ConsentMethod.SignedForm, consent.Method);
        Assert.Equal("1", consent.Term!.Version);
        Assert.Equal(ConsentPurpose.ImageUse, consent.Term.Purpose);
        Assert.Equal(user.Id, consent.RecordedByUserId);
        Assert.Equal("Teste Receptionist", consent.RecordedByName);
        Assert.Null(consent.WithdrawnAtUtc);
        var recordedText = FormPosting.Text(await recorded.Content.ReadAsStringAsync());
        Assert.Contains("Vigente desde " + ClinicToday(), recordedText);
        Assert.DoesNotContain(await AlertsAsync(patient.Id), a => a.Purpose == ConsentPurpose.ImageUse);

        var noReason = await client.WithdrawConsentAsync(patient.Id, consent.Id, "   ");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("Informe o motivo da retirada.", FormPosting.Text(await noReason.Content.ReadAsStringAsync()));
        var unchanged = await app.NewDbContext().PatientConsents.AsNoTracking().SingleAsync(c => c.Id == consent.Id);
        Assert.Null(unchanged.WithdrawnAtUtc);
        Assert.Equal(consent.Version, unchanged.Version);

        var withdrawn = await client.WithdrawConsentAsync(patient.Id, consent.Id, "Não quer mais ser fotografada");
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var after = await app.NewDbContext().PatientConsents.AsNoTracking().SingleAsync(c => c.Id == consent.Id);
        Assert.Equal(consent.GrantedAtUtc, after.GrantedAtUtc);
        Assert.NotNull(after.WithdrawnAtUtc);
        Assert.True(after.WithdrawnAtUtc >= after.GrantedAtUtc);
        Assert.Equal("Não quer mais ser fotografada", after.WithdrawalReason);
        Assert.Equal(user.Id, after.WithdrawnByUserId);

        var today = ClinicToday();
        var page = FormPosting.Text(await withdrawn.Content.ReadAsStringAsync());
        Assert.Contains("Retirado em " + today, page);
        Assert.Contains("Não quer mais ser fotografada", page); // the history keeps the withdrawn consent and its reason

        var alert = Assert.Single(await AlertsAsync(patient.Id), a => a.Purpose == ConsentPurpose.ImageUse);
        Assert.Equal(ConsentAlertKind.Withdrawn, alert.Kind);
        Assert.Equal(after.WithdrawnAtUtc, alert.WithdrawnAtUtc);
        Assert.Equal($"Consentimento retirado: Uso de imagem (fotografias), em {today}.", alert.Message);
    }

    [Fact]
    public async Task Withdrawing_an_already_withdrawn_consent_is_refused()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var patient = await NewPatientAsync();
        await client.RecordConsentAsync(patient.Id, ConsentPurpose.Research);
        var consent = await app.NewDbContext().PatientConsents.SingleAsync(c => c.PatientId == patient.Id);
        Assert.Equal(HttpStatusCode.OK, (await client.WithdrawConsentAsync(patient.Id, consent.Id, "Primeira retirada")).StatusCode);

        var again = await client.WithdrawConsentAsync(patient.Id, consent.Id, "Segunda retirada");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("Este consentimento já foi retirado.", FormPosting.Text(await again.Content.ReadAsStringAsync()));
        Assert.Equal("Primeira retirada", (await app.NewDbContext().PatientConsents.SingleAsync(c => c.Id == consent.Id)).WithdrawalReason);
    }

    [Fact]
    public async Task A_withdrawal_from_a_form_of_an_older_version_answers_409_with_who_changed_it_keeps_the_reason_and_withdraws_nothing()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var patient = await NewPatientAsync();
        await client.RecordConsentAsync(patient.Id, ConsentPurpose.Marketing);
        var consent = await app.NewDbContext().PatientConsents.AsNoTracking().SingleAsync(c => c.PatientId == patient.Id);

        var stale = await client.WithdrawConsentAsync(patient.Id, consent.Id, "Pediu por telefone", version: Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"consents-tab\"", html.Trim());
        // No one else saved it in between here, so the last change named is the recording itself.
        Assert.Matches(@"Alterado por Teste Receptionist às \d{2}:\d{2}; recarregue\.", FormPosting.Text(html));
        Assert.Equal("Pediu por telefone", FormPosting.Parse(html).QuerySelector("#withdraw-reason")!.TextContent.Trim());
        Assert.Null((await app.NewDbContext().PatientConsents.AsNoTracking().SingleAsync(c => c.Id == consent.Id)).WithdrawnAtUtc);
    }

    [Fact]
    public async Task A_consent_is_not_recorded_unless_the_patient_agreed_to_the_term_and_a_method_is_given()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var patient = await NewPatientAsync();

        var notAgreed = await client.RecordConsentAsync(patient.Id, ConsentPurpose.Marketing, agreed: false);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAgreed.StatusCode);
        Assert.Contains("Confirme que o paciente leu e concordou com o termo.", FormPosting.Text(await notAgreed.Content.ReadAsStringAsync()));

        var page = $"/Patients/Consents?id={patient.Id}";
        var noMethod = await client.PostFormAsync(page, $"{page}&handler=Record", [new("Record.Purpose", "Marketing"), new("Record.Agreed", "true")], htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noMethod.StatusCode);
        Assert.Contains("Escolha a forma do consentimento.", FormPosting.Text(await noMethod.Content.ReadAsStringAsync()));

        Assert.False(await app.NewDbContext().PatientConsents.AnyAsync(c => c.PatientId == patient.Id));
    }

    [Fact]
    public async Task The_record_form_shows_the_term_in_force_with_its_version_under_accessible_labels()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var patient = await NewPatientAsync();

        var form = await client.GetDocumentAsync($"/Patients/Consents?id={patient.Id}&handler=RecordForm&purpose=ImageUse");
        Assert.Equal("Finalidade", form.QuerySelector("label[for=consent-purpose]")?.TextContent.Trim());
        Assert.Equal("Forma", form.QuerySelector("label[for=consent-method]")?.TextContent.Trim());
        Assert.Equal("O paciente leu e concordou com o termo (versão 1)", form.QuerySelector("label[for=consent-agreed]")?.TextContent.Trim());
        var methods = form.QuerySelectorAll("#consent-method option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Equal(["Presencial", "Termo assinado", "Digital"], methods.Skip(1));

        var term = await client.GetAsync($"/Patients/Consents?id={patient.Id}&handler=Term&Record.Purpose=Marketing");
        var termText = FormPosting.Text(await term.Content.ReadAsStringAsync());
        Assert.Contains("comunicações de marketing", termText);
    }

    [Fact]
    public async Task A_second_consent_to_the_same_term_is_refused_while_the_first_is_current()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var patient = await NewPatientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.RecordConsentAsync(patient.Id, ConsentPurpose.HealthCare)).StatusCode);

        var second = await client.RecordConsentAsync(patient.Id, ConsentPurpose.HealthCare);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Contains("Já existe consentimento vigente para esta finalidade (termo versão 1).", FormPosting.Text(await second.Content.ReadAsStringAsync()));
        Assert.Equal(1, await app.NewDbContext().PatientConsents.CountAsync(c => c.PatientId == patient.Id));
    }

    [Fact]
    public async Task Marketing_may_reach_a_patient_only_while_a_marketing_consent_is_current()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var patient = await NewPatientAsync();
        async Task<bool> MayReceiveMarketing() => ConsentRules.MayReceiveMarketing(
            await app.NewDbContext().PatientConsents.AsNoTracking().Where(c => c.PatientId == patient.Id).ToListAsync(), app.UtcNow);

        Assert.False(await MayReceiveMarketing());
        await client.RecordConsentAsync(patient.Id, ConsentPurpose.ImageUse);
        Assert.False(await MayReceiveMarketing()); // another purpose's consent does not count

        await client.RecordConsentAsync(patient.Id, ConsentPurpose.Marketing, ConsentMethod.Digital);
        Assert.True(await MayReceiveMarketing());
        Assert.DoesNotContain(await AlertsAsync(patient.Id), a => a.Purpose == ConsentPurpose.Marketing);

        var marketing = await app.NewDbContext().PatientConsents.SingleAsync(c => c.PatientId == patient.Id && c.Purpose == ConsentPurpose.Marketing);
        await client.WithdrawConsentAsync(patient.Id, marketing.Id, "Pediu para não receber promoções");
        Assert.False(await MayReceiveMarketing());
        Assert.Contains(await AlertsAsync(patient.Id), a => a.Purpose == ConsentPurpose.Marketing && a.Kind == ConsentAlertKind.Withdrawn);
    }

    [Fact]
    public async Task A_patient_without_a_health_data_consent_gets_an_alert_until_one_is_recorded()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var patient = await NewPatientAsync();
        var missing = Assert.Single(await AlertsAsync(patient.Id));
        Assert.Equal(ConsentAlertKind.HealthCareMissing, missing.Kind);
        Assert.Equal("Sem consentimento para tratamento de dados de saúde.", missing.Message);

        await client.RecordConsentAsync(patient.Id, ConsentPurpose.HealthCare);
        Assert.Empty(await AlertsAsync(patient.Id));
    }

    [Fact]
    public async Task Every_purpose_has_a_first_term_whose_hash_is_the_sha256_of_its_text()
    {
        _ = app.Services; // starts the host, whose start-up adds the missing terms
        var terms = await app.NewDbContext().ConsentTerms.AsNoTracking().ToListAsync();
        Assert.Equal(Enum.GetValues<ConsentPurpose>().Order(), terms.Select(t => t.Purpose).Distinct().Order());
        foreach (var term in terms)
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(term.Text))), term.Sha256);
            Assert.True(term.Text.Length > 100);
        }

        // Running the start-up again (another node, a restart) adds nothing.
        await using var db = app.NewDbContext();
        Assert.Equal(0, await ConsentTermCatalog.AddMissingAsync(db));
    }

    [Fact]
    public async Task Export_buttons_show_on_the_consent_tab_for_managers_only()
    {
        var patient = await NewPatientAsync();
        var (receptionist, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var (manager, _) = await app.SignedInClientAsync(Roles.Manager);

        var asReceptionist = await receptionist.GetStringAsync($"/Patients/Consents?id={patient.Id}&handler=Tab");
        var asManager = await manager.GetStringAsync($"/Patients/Consents?id={patient.Id}&handler=Tab");
        Assert.DoesNotContain("export.json", asReceptionist);
        Assert.Contains($"/api/patients/{patient.Id}/export.json", asManager);
        Assert.Contains($"/api/patients/{patient.Id}/export.pdf", asManager);
    }
}

/// <summary>A new version of a term (its own database: the other consent tests expect version 1 to be in force).</summary>
public sealed class ConsentTermVersionTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    [Fact]
    public async Task Agreeing_to_a_new_term_version_replaces_the_consent_to_the_old_one_and_a_stale_form_is_refused()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var patient = await app.CreatePatientAsync($"Sofia {PatientsArrange.UniqueSurname()}", PatientsArrange.NewCpf(), "+5511987650005", "sofia@exemplo.test", "Rua Oscar Freire");
        Assert.Equal(HttpStatusCode.OK, (await client.RecordConsentAsync(patient.Id, ConsentPurpose.ImageUse)).StatusCode);
        var first = await app.NewDbContext().PatientConsents.SingleAsync(c => c.PatientId == patient.Id);

        // The form was opened while version 1 was in force...
        var page = $"/Patients/Consents?id={patient.Id}";
        var staleForm = await client.GetDocumentAsync($"{page}&handler=RecordForm&purpose=ImageUse");
        var staleTermId = staleForm.QuerySelector("input[name='Record.TermId']")!.GetAttribute("value")!;

        // ...then the clinic publishes version 2.
        const string text = "Autorizo fotografias das áreas tratadas para o prontuário e, de forma anonimizada, para ensino. Versão revisada.";
        await using (var db = app.NewDbContext())
        {
            db.ConsentTerms.Add(new ConsentTerm
            {
                Purpose = ConsentPurpose.ImageUse, Version = "2", Text = text, Sha256 = ConsentTermCatalog.Sha256Of(text),
                EffectiveFrom = app.ClinicToday.AddDays(-1),
            });
            await db.SaveChangesAsync();
        }
        Assert.Contains("Nova versão 2 em vigor", FormPosting.Text(await client.GetStringAsync($"{page}&handler=Tab")));

        var stale = await client.PostFormAsync(page, $"{page}&handler=Record",
            [new("Record.Purpose", "ImageUse"), new("Record.Method", "InPerson"), new("Record.TermId", staleTermId), new("Record.Agreed", "true")], htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        Assert.Contains("O termo foi atualizado para a versão 2: leia a nova versão com o paciente.", FormPosting.Text(await stale.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.OK, (await client.RecordConsentAsync(patient.Id, ConsentPurpose.ImageUse)).StatusCode);
        var consents = await app.NewDbContext().PatientConsents.Include(c => c.Term).Where(c => c.PatientId == patient.Id).ToListAsync();
        Assert.Equal(2, consents.Count);
        var old = consents.Single(c => c.Id == first.Id);
        Assert.NotNull(old.WithdrawnAtUtc);
        Assert.Equal("Substituído pelo consentimento ao termo versão 2.", old.WithdrawalReason);
        var current = consents.Single(c => c.Id != first.Id);
        Assert.Equal("2", current.Term!.Version);
        Assert.True(current.IsCurrentAt(app.UtcNow));
        Assert.True(ConsentRules.HasCurrent(consents, ConsentPurpose.ImageUse, app.UtcNow));
    }
}
