using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Domain.Clinic;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Features.Admin;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Features.Scheduling;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Data;

/// <summary>The audit trail as the database sees it: written with every change, in its transaction, sealed into one chain.</summary>
public sealed class AuditInterceptorTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private async Task<long> LastSequenceAsync()
    {
        await using var db = app.NewDbContext();
        return await db.AuditEntries.MaxAsync(a => (long?)a.Sequence) ?? 0;
    }

    private async Task<List<AuditEntry>> RowsAfterAsync(long sequence)
    {
        await using var db = app.NewDbContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Sequence > sequence).OrderBy(a => a.Sequence).ToListAsync();
    }

    private static JsonObject Json(string? text) => Assert.IsType<JsonObject>(JsonNode.Parse(text!));

    /// <summary>Every text column of every audit row, read straight from the file, plus the JSON values decoded
    /// (the serializer escapes accents, so a leaked "Joana Prado" could hide as "Jo\u00E3o" in the raw text).</summary>
    private async Task<string> EverythingTheAuditHoldsAsync()
    {
        var all = new StringBuilder();
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM AuditEntries";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (reader.IsDBNull(i)) continue;
                var text = Convert.ToString(reader.GetValue(i))!;
                all.Append(text).Append('\n');
                if (text.StartsWith('{') && JsonNode.Parse(text) is JsonObject obj)
                    foreach (var (key, value) in obj) all.Append(key).Append('=').Append(value?.ToString()).Append('\n');
            }
        }
        return all.ToString();
    }

    private async Task RemoveClinicSettingsAsync()
    {
        await using var db = app.NewDbContext();
        if (await db.ClinicSettings.FindAsync(ClinicSettings.SingletonId) is { } existing)
        {
            db.ClinicSettings.Remove(existing);
            await db.SaveChangesAsync();
        }
    }

    private async Task PutClinicSettingsAsync(string name)
    {
        await RemoveClinicSettingsAsync();
        await using var db = app.NewDbContext();
        db.ClinicSettings.Add(new ClinicSettings { Name = name });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Inserting_updating_and_deleting_clinic_settings_writes_one_row_each_with_old_and_new_values()
    {
        await RemoveClinicSettingsAsync();
        var before = await LastSequenceAsync();

        await using (var db = app.NewDbContext())
        {
            db.ClinicSettings.Add(new ClinicSettings { Name = "Clínica Aurora", City = "Campinas" });
            await db.SaveChangesAsync();
        }
        await using (var db = app.NewDbContext())
        {
            var settings = await db.ClinicSettings.SingleAsync();
            settings.Name = "Clínica Aurora Centro";
            await db.SaveChangesAsync();
        }
        await using (var db = app.NewDbContext())
        {
            db.ClinicSettings.Remove(await db.ClinicSettings.SingleAsync());
            await db.SaveChangesAsync();
        }

        var rows = await RowsAfterAsync(before);
        Assert.Equal([AuditAction.Insert, AuditAction.Update, AuditAction.Delete], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal(("ClinicSettings", "1"), (r.EntityType, r.EntityId)));

        var (insert, update, delete) = (rows[0], rows[1], rows[2]);
        Assert.Null(insert.OldValues);
        Assert.Equal("Clínica Aurora", (string?)Json(insert.NewValues)["Name"]);
        Assert.Equal("Campinas", (string?)Json(insert.NewValues)["City"]);

        Assert.Equal("Clínica Aurora", (string?)Json(update.OldValues)["Name"]);
        Assert.Equal("Clínica Aurora Centro", (string?)Json(update.NewValues)["Name"]);
        Assert.False(Json(update.NewValues).ContainsKey("City"), "an update lists only what changed");

        Assert.Equal("Clínica Aurora Centro", (string?)Json(delete.OldValues)["Name"]);
        Assert.Null(delete.NewValues);
        Assert.All(rows, r => Assert.Null(r.UserId)); // no request: nobody signed in did it
    }

    [Fact]
    public async Task A_save_that_fails_on_a_concurrency_conflict_leaves_no_audit_row_and_no_lock()
    {
        await PutClinicSettingsAsync("Clínica Base");
        await using var first = app.NewDbContext();
        await using var second = app.NewDbContext();
        var mine = await first.ClinicSettings.SingleAsync();
        var theirs = await second.ClinicSettings.SingleAsync();

        mine.Name = "Primeira edição";
        await first.SaveChangesAsync();
        var afterFirst = await LastSequenceAsync();

        theirs.Name = "Segunda edição";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        Assert.Empty(await RowsAfterAsync(afterFirst));
        await using (var check = app.NewDbContext())
            Assert.Equal("Primeira edição", (await check.ClinicSettings.SingleAsync()).Name);

        // The failed save let go of the write lock: another writer gets through at once, not after the busy timeout.
        var clock = Stopwatch.StartNew();
        await using (var other = app.NewDbContext())
        {
            other.ClinicClosedDays.Add(new ClinicClosedDay { Date = new DateOnly(2120, 1, 1).AddDays(Random.Shared.Next(3000)), Name = "Recesso" });
            await other.SaveChangesAsync();
        }
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the next writer waited {clock.Elapsed}");

        // The same context can resolve the conflict and save; the failed attempt's description is not written with it.
        var beforeRetry = await LastSequenceAsync();
        await second.Entry(theirs).ReloadAsync();
        theirs.Name = "Segunda edição";
        await second.SaveChangesAsync();
        var retry = Assert.Single(await RowsAfterAsync(beforeRetry));
        Assert.Equal(AuditAction.Update, retry.Action);
        Assert.Equal("Primeira edição", (string?)Json(retry.OldValues)["Name"]);
        Assert.Equal("Segunda edição", (string?)Json(retry.NewValues)["Name"]);
    }

    [Fact]
    public async Task Audit_rows_roll_back_with_the_callers_transaction()
    {
        var before = await LastSequenceAsync();
        var day = new DateOnly(2110, 1, 1).AddDays(Random.Shared.Next(3000));
        await using (var db = app.NewDbContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.ClinicClosedDays.Add(new ClinicClosedDay { Date = day, Name = "Nunca gravado" });
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }

        Assert.Empty(await RowsAfterAsync(before));
        await using var check = app.NewDbContext();
        Assert.False(await check.ClinicClosedDays.AnyAsync(d => d.Date == day));
    }

    [Fact]
    public async Task Staff_identifiers_reach_the_audit_only_as_keyed_hashes_and_secrets_not_at_all()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var email = $"joana.prado.{suffix}@clinica.test";
        var fullName = $"Joana Prado Brandão {suffix}";
        var renamed = $"Joana Prado Sobral {suffix}";
        var hasher = app.Services.GetRequiredService<AuditHasher>();
        var before = await LastSequenceAsync();
        var passwordHashes = new List<string>();

        var userId = await app.WithScopeAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<StaffAccounts>();
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            var created = await accounts.CreateAsync(email, fullName, NeonProFactory.TestPassword, [Roles.Receptionist]);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors));
            var user = created.User!;
            passwordHashes.Add(user.PasswordHash!);

            Assert.True((await accounts.ResetPasswordAsync(user, "another long passphrase 42")).Succeeded);
            passwordHashes.Add(user.PasswordHash!);
            user.FullName = renamed;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
            Assert.True((await users.DeleteAsync(user)).Succeeded);
            return user.Id;
        });

        var rows = (await RowsAfterAsync(before)).Where(r => r.EntityType == nameof(StaffUser) && r.EntityId == userId).ToList();
        var insert = Assert.Single(rows, r => r.Action == AuditAction.Insert);
        Assert.Equal(hasher.Hash(email), (string?)Json(insert.NewValues)["Email"]);
        Assert.Equal(hasher.Hash(fullName), (string?)Json(insert.NewValues)["FullName"]);
        Assert.Equal(hasher.Hash(email.ToUpperInvariant()), (string?)Json(insert.NewValues)["NormalizedEmail"]);
        var rename = Assert.Single(rows, r => r.Action == AuditAction.Update && r.NewValues?.Contains("FullName") == true);
        Assert.Equal(hasher.Hash(fullName), (string?)Json(rename.OldValues)["FullName"]);
        Assert.Equal(hasher.Hash(renamed), (string?)Json(rename.NewValues)["FullName"]);
        var delete = Assert.Single(rows, r => r.Action == AuditAction.Delete);
        Assert.Equal(hasher.Hash(email), (string?)Json(delete.OldValues)["Email"]);

        var everything = await EverythingTheAuditHoldsAsync();
        Assert.Contains(hasher.Hash(email), everything);
        Assert.DoesNotContain(email, everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(fullName, everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(renamed, everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Brandão", everything, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, passwordHashes.Distinct().Count());
        foreach (var secret in passwordHashes) Assert.DoesNotContain(secret, everything);
        // The secrets themselves are only marked as set.
        Assert.Equal(Secret, (string?)Json(insert.NewValues)["PasswordHash"]);
        Assert.Equal(Secret, (string?)Json(insert.NewValues)["SecurityStamp"]);
        // A rename leaves the password alone, so its row does not mention it.
        Assert.False(Json(rename.NewValues).ContainsKey("PasswordHash"));
    }

    /// <summary>What the audit shows in place of a secret value.</summary>
    private const string Secret = "***";

    [Fact]
    public async Task Identity_tokens_login_keys_and_the_key_ring_reach_the_audit_only_as_a_mark_that_they_changed()
    {
        var before = await LastSequenceAsync();
        var token = $"token-{Guid.NewGuid():N}";
        var renewed = $"renewed-{Guid.NewGuid():N}";
        var providerKey = $"provider-key-{Guid.NewGuid():N}";
        var keyXml = $"<key><masterKey>{Guid.NewGuid():N}</masterKey></key>";
        var user = await app.CreateStaffAsync(Roles.Receptionist);

        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            var u = (await users.FindByIdAsync(user.Id))!;
            Assert.True((await users.SetAuthenticationTokenAsync(u, "Test", "ApiToken", token)).Succeeded);
            Assert.True((await users.SetAuthenticationTokenAsync(u, "Test", "ApiToken", renewed)).Succeeded);
            Assert.True((await users.RemoveAuthenticationTokenAsync(u, "Test", "ApiToken")).Succeeded);
            Assert.True((await users.AddLoginAsync(u, new UserLoginInfo("Google", providerKey, "Google"))).Succeeded);
        });
        await using (var db = app.NewDbContext())
        {
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "key-test", Xml = keyXml });
            await db.SaveChangesAsync();
        }

        var rows = await RowsAfterAsync(before);
        var tokens = rows.Where(r => r.EntityType == "IdentityUserToken<string>").ToList();
        Assert.Equal([AuditAction.Insert, AuditAction.Update, AuditAction.Delete], tokens.Select(r => r.Action));
        Assert.All(tokens, r => Assert.Equal($"{user.Id},Test,ApiToken", r.EntityId));
        Assert.Equal(Secret, (string?)Json(tokens[0].NewValues)["Value"]);
        Assert.Equal(Secret, (string?)Json(tokens[1].OldValues)["Value"]);
        Assert.Equal(Secret, (string?)Json(tokens[1].NewValues)["Value"]);
        Assert.Equal(Secret, (string?)Json(tokens[2].OldValues)["Value"]);
        var login = Assert.Single(rows, r => r.EntityType == "IdentityUserLogin<string>");
        Assert.Equal(Secret, (string?)Json(login.NewValues)["ProviderKey"]);
        Assert.Equal("Google", (string?)Json(login.NewValues)["LoginProvider"]);
        var ring = Assert.Single(rows, r => r.EntityType == nameof(DataProtectionKey));
        Assert.Equal(Secret, (string?)Json(ring.NewValues)["Xml"]);
        Assert.Equal("key-test", (string?)Json(ring.NewValues)["FriendlyName"]);

        var everything = await EverythingTheAuditHoldsAsync();
        foreach (var secret in new[] { token, renewed, providerKey, keyXml, "masterKey" })
            Assert.DoesNotContain(secret, everything, StringComparison.OrdinalIgnoreCase);
    }


    [Fact]
    public async Task Every_column_of_identitys_token_table_but_its_key_is_secret_by_default()
    {
        await using var db = app.NewDbContext();
        var tokenType = db.Model.FindEntityType(typeof(IdentityUserToken<string>))!;
        var secret = tokenType.GetProperties().Where(AuditInterceptor.IsSecret).Select(p => p.Name).ToList();
        var open = tokenType.GetProperties().Where(p => !AuditInterceptor.IsSecret(p)).Select(p => p.Name).Order().ToList();
        Assert.Contains("Value", secret);
        Assert.Equal(["LoginProvider", "Name", "UserId"], open);
    }

    [Fact]
    public async Task Free_text_that_may_name_a_person_reaches_the_audit_only_as_a_keyed_hash()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (occupation, newOccupation) = ($"Professora na Escola Quixabeira {suffix}", $"Diretora da Escola Quixabeira {suffix}");
        var notes = $"Vem com a filha Ana Quixabeira {suffix}";
        var reason = $"A filha Ana Quixabeira {suffix} ligou desmarcando";
        var hasher = app.Services.GetRequiredService<AuditHasher>();
        var world = await SchedulingWorld.CreateAsync(app, patients: 1);
        var patientId = world.PatientIds[0];
        var before = await LastSequenceAsync();

        var appointmentId = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NeonProDbContext>();
            var patient = await db.Patients.SingleAsync(p => p.Id == patientId);
            patient.Occupation = occupation;
            await db.SaveChangesAsync();
            patient.Occupation = newOccupation;
            var start = SchedulingWorld.NextMondayUtc(10);
            var appointment = new Appointment
            {
                PatientId = patientId, ProfessionalId = world.ProfessionalId, TreatmentId = world.TreatmentId,
                StartUtc = start, EndUtc = start.AddHours(1), Notes = notes,
            };
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync();
            appointment.Cancel(DateTime.UtcNow, null, null, reason, fee: 0);
            await db.SaveChangesAsync();
            return appointment.Id;
        });

        var rows = await RowsAfterAsync(before);
        var patientRows = rows.Where(r => r is { EntityType: nameof(Patient), Action: AuditAction.Update } && r.EntityId == patientId.ToString()).ToList();
        Assert.Equal(2, patientRows.Count);
        Assert.Equal(hasher.Hash(occupation), (string?)Json(patientRows[0].NewValues)["Occupation"]);
        Assert.Equal(hasher.Hash(occupation), (string?)Json(patientRows[1].OldValues)["Occupation"]);
        Assert.Equal(hasher.Hash(newOccupation), (string?)Json(patientRows[1].NewValues)["Occupation"]);
        var booked = Assert.Single(rows, r => r is { EntityType: nameof(Appointment), Action: AuditAction.Insert } && r.EntityId == appointmentId.ToString());
        Assert.Equal(hasher.Hash(notes), (string?)Json(booked.NewValues)["Notes"]);
        var cancelled = Assert.Single(rows, r => r is { EntityType: nameof(Appointment), Action: AuditAction.Update } && r.EntityId == appointmentId.ToString());
        Assert.Equal(hasher.Hash(reason), (string?)Json(cancelled.NewValues)["CancellationReason"]);
        Assert.Equal("Cancelled", (string?)Json(cancelled.NewValues)["Status"]); // what names no one stays readable
        var step = Assert.Single(rows, r => r is { EntityType: nameof(AppointmentStatusChange), Action: AuditAction.Insert });
        Assert.Equal(hasher.Hash(reason), (string?)Json(step.NewValues)["Note"]);

        var everything = await EverythingTheAuditHoldsAsync();
        Assert.DoesNotContain("Quixabeira", everything, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Appending_to_the_chain_gives_contiguous_sequences_each_linked_to_the_one_before()
    {
        await using (var db = app.NewDbContext())
        {
            // One save with several changes, and the synchronous SaveChanges too.
            var first = new DateOnly(2080, 1, 1).AddDays(Random.Shared.Next(3000));
            for (var i = 0; i < 3; i++)
                db.ClinicClosedDays.Add(new ClinicClosedDay { Date = first.AddDays(i), Name = $"Recesso {i}" });
            db.SaveChanges();
        }

        await using var check = app.NewDbContext();
        var rows = await check.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync();
        Assert.True(rows.Count >= 3);
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => (long)i), rows.Select(r => r.Sequence));
        Assert.Equal(AuditChain.Genesis, rows[0].PreviousHash);
        for (var i = 1; i < rows.Count; i++) Assert.Equal(rows[i - 1].Hash, rows[i].PreviousHash);
        Assert.All(rows, r => Assert.Equal(AuditChain.ComputeHash(r), r.Hash));
        Assert.Null(AuditChain.FindFirstBreak(rows));
    }

    [Fact]
    public async Task Ten_concurrent_saves_from_separate_contexts_keep_one_contiguous_intact_chain()
    {
        var before = await LastSequenceAsync();
        var firstDay = new DateOnly(2200, 1, 1).AddDays(Random.Shared.Next(3000) * 10);
        using var start = new ManualResetEventSlim();
        var saves = Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<NeonProDbContext>();
            db.ClinicClosedDays.Add(new ClinicClosedDay { Date = firstDay.AddDays(i), Name = $"Ponte {i}" });
            start.Wait();
            await db.SaveChangesAsync();
        })).ToList();
        start.Set();
        await Task.WhenAll(saves);

        var rows = await RowsAfterAsync(before);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => before + i), rows.Select(r => r.Sequence));
        Assert.All(rows, r => Assert.Equal((AuditAction.Insert, nameof(ClinicClosedDay)), (r.Action, r.EntityType)));
        var (checkedRows, broken) = await app.WithScopeAsync(sp => sp.GetRequiredService<AuditLog>().VerifyAsync());
        Assert.Null(broken);
        Assert.Equal(before + 10, checkedRows);
    }

    [Fact]
    public async Task Audit_rows_cannot_be_changed_through_the_app()
    {
        await using (var db = app.NewDbContext())
        {
            db.ClinicClosedDays.Add(new ClinicClosedDay { Date = new DateOnly(2060, 1, 1).AddDays(Random.Shared.Next(3000)), Name = "Recesso" });
            await db.SaveChangesAsync();
        }
        await using var edit = app.NewDbContext();
        var row = await edit.AuditEntries.OrderByDescending(a => a.Sequence).FirstAsync();
        var original = row.NewValues;
        row.NewValues = """{"Name":"Forjado"}""";
        await Assert.ThrowsAsync<InvalidOperationException>(() => edit.SaveChangesAsync());

        await using var check = app.NewDbContext();
        Assert.Equal(original, (await check.AuditEntries.SingleAsync(a => a.Id == row.Id)).NewValues);
    }
}
