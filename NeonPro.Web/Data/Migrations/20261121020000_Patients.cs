using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NeonPro.Web.Data.Migrations;

/// <summary>
/// Patients (registry, name tokens for search, health profile), consent terms and consents, and data-subject
/// requests (LGPD). Hand-written, provider-neutral; see MigrationParityTests.
/// </summary>
[DbContext(typeof(NeonProDbContext))]
[Migration("20261121020000_Patients")]
public partial class Patients : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ConsentTerms",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Purpose = table.Column<string>(nullable: false, maxLength: 32, unicode: false),
                Version = table.Column<string>(nullable: false, maxLength: 20, unicode: false),
                Text = table.Column<string>(nullable: false),
                Sha256 = table.Column<string>(nullable: false, maxLength: 64, unicode: false),
                EffectiveFrom = table.Column<DateOnly>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ConsentTerms", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Patients",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FullName = table.Column<string>(nullable: false, maxLength: 200),
                SocialName = table.Column<string>(nullable: true, maxLength: 200),
                BirthDate = table.Column<DateOnly>(nullable: false),
                Sex = table.Column<string>(nullable: false, maxLength: 16, unicode: false),
                Cpf = table.Column<string>(nullable: true, maxLength: 14, unicode: false),
                IsForeigner = table.Column<bool>(nullable: false),
                PassportNumber = table.Column<string>(nullable: true, maxLength: 20, unicode: false),
                PassportCountry = table.Column<string>(nullable: true, maxLength: 60),
                Cns = table.Column<string>(nullable: true, maxLength: 15, unicode: false),
                Rg = table.Column<string>(nullable: true, maxLength: 20, unicode: false),
                RgIssuer = table.Column<string>(nullable: true, maxLength: 20),
                MobilePhone = table.Column<string>(nullable: true, maxLength: 20, unicode: false),
                OtherPhone = table.Column<string>(nullable: true, maxLength: 20, unicode: false),
                Email = table.Column<string>(nullable: true, maxLength: 200),
                PreferredChannel = table.Column<string>(nullable: false, maxLength: 16, unicode: false),
                PostalCode = table.Column<string>(nullable: true, maxLength: 15, unicode: false),
                Street = table.Column<string>(nullable: true, maxLength: 200),
                Number = table.Column<string>(nullable: true, maxLength: 20),
                Complement = table.Column<string>(nullable: true, maxLength: 100),
                District = table.Column<string>(nullable: true, maxLength: 100),
                City = table.Column<string>(nullable: true, maxLength: 100),
                State = table.Column<string>(nullable: true, maxLength: 2, unicode: false),
                Occupation = table.Column<string>(nullable: true, maxLength: 100),
                EmergencyContactName = table.Column<string>(nullable: true, maxLength: 200),
                EmergencyContactRelationship = table.Column<string>(nullable: true, maxLength: 60),
                EmergencyContactPhone = table.Column<string>(nullable: true, maxLength: 20, unicode: false),
                GuardianName = table.Column<string>(nullable: true, maxLength: 200),
                GuardianRelationship = table.Column<string>(nullable: true, maxLength: 60),
                GuardianCpf = table.Column<string>(nullable: true, maxLength: 14, unicode: false),
                GuardianPhone = table.Column<string>(nullable: true, maxLength: 20, unicode: false),
                SearchName = table.Column<string>(nullable: false, maxLength: 420),
                PhoneDigitsReversed = table.Column<string>(nullable: true, maxLength: 40, unicode: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                AnonymizedAtUtc = table.Column<DateTime>(nullable: true),
                RecordBlocked = table.Column<bool>(nullable: false),
                RetentionUntil = table.Column<DateOnly>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Patients", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "DataSubjectRequests",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PatientId = table.Column<Guid>(nullable: false),
                Right = table.Column<string>(nullable: false, maxLength: 32, unicode: false),
                ReceivedAtUtc = table.Column<DateTime>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                IdentityVerified = table.Column<bool>(nullable: false),
                Status = table.Column<string>(nullable: false, maxLength: 16, unicode: false),
                Details = table.Column<string>(nullable: true, maxLength: 2000),
                AnsweredAtUtc = table.Column<DateTime>(nullable: true),
                Outcome = table.Column<string>(nullable: true, maxLength: 2000),
                RefusalReason = table.Column<string>(nullable: true, maxLength: 2000),
                HandledByUserId = table.Column<string>(nullable: true, maxLength: 450),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DataSubjectRequests", x => x.Id);
                table.ForeignKey(
                    name: "FK_DataSubjectRequests_Patients_PatientId",
                    column: x => x.PatientId,
                    principalTable: "Patients",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "HealthProfiles",
            columns: table => new
            {
                PatientId = table.Column<Guid>(nullable: false),
                Allergies = table.Column<string>(nullable: true, maxLength: 2000),
                NoKnownAllergies = table.Column<bool>(nullable: false),
                AllergiesConfirmedAtUtc = table.Column<DateTime>(nullable: true),
                CurrentMedications = table.Column<string>(nullable: true, maxLength: 2000),
                MedicationsConfirmedAtUtc = table.Column<DateTime>(nullable: true),
                MedicalConditions = table.Column<string>(nullable: true, maxLength: 2000),
                ConditionsConfirmedAtUtc = table.Column<DateTime>(nullable: true),
                PreviousAestheticProcedures = table.Column<string>(nullable: true, maxLength: 2000),
                PreviousProceduresConfirmedAtUtc = table.Column<DateTime>(nullable: true),
                Contraindications = table.Column<string>(nullable: true, maxLength: 2000),
                ContraindicationsConfirmedAtUtc = table.Column<DateTime>(nullable: true),
                Pregnant = table.Column<bool>(nullable: false),
                Breastfeeding = table.Column<bool>(nullable: false),
                PregnancyStatedOn = table.Column<DateOnly>(nullable: true),
                FitzpatrickType = table.Column<int>(nullable: true),
                FitzpatrickConfirmedAtUtc = table.Column<DateTime>(nullable: true),
                AestheticGoals = table.Column<string>(nullable: true, maxLength: 2000),
                GoalsConfirmedAtUtc = table.Column<DateTime>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_HealthProfiles", x => x.PatientId);
                table.ForeignKey(
                    name: "FK_HealthProfiles_Patients_PatientId",
                    column: x => x.PatientId,
                    principalTable: "Patients",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PatientConsents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PatientId = table.Column<Guid>(nullable: false),
                Purpose = table.Column<string>(nullable: false, maxLength: 32, unicode: false),
                TermId = table.Column<Guid>(nullable: false),
                GrantedAtUtc = table.Column<DateTime>(nullable: false),
                RecordedByUserId = table.Column<string>(nullable: true, maxLength: 450),
                RecordedByName = table.Column<string>(nullable: true, maxLength: 256),
                Method = table.Column<string>(nullable: false, maxLength: 16, unicode: false),
                WithdrawnAtUtc = table.Column<DateTime>(nullable: true),
                WithdrawnByUserId = table.Column<string>(nullable: true, maxLength: 450),
                WithdrawnByName = table.Column<string>(nullable: true, maxLength: 256),
                WithdrawalReason = table.Column<string>(nullable: true, maxLength: 500),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PatientConsents", x => x.Id);
                table.ForeignKey(
                    name: "FK_PatientConsents_ConsentTerms_TermId",
                    column: x => x.TermId,
                    principalTable: "ConsentTerms",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_PatientConsents_Patients_PatientId",
                    column: x => x.PatientId,
                    principalTable: "Patients",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "PatientNameTokens",
            columns: table => new
            {
                PatientId = table.Column<Guid>(nullable: false),
                Token = table.Column<string>(nullable: false, maxLength: 100),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PatientNameTokens", x => new { x.PatientId, x.Token });
                table.ForeignKey(
                    name: "FK_PatientNameTokens_Patients_PatientId",
                    column: x => x.PatientId,
                    principalTable: "Patients",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_ConsentTerms_Purpose_Version",
            table: "ConsentTerms",
            columns: new[] { "Purpose", "Version" },
            unique: true,
            filter: KeysAndIndexes.NoFilter);

        migrationBuilder.CreateIndex(
            name: "IX_DataSubjectRequests_PatientId",
            table: "DataSubjectRequests",
            column: "PatientId");

        migrationBuilder.CreateIndex(
            name: "IX_DataSubjectRequests_Status_DueOn",
            table: "DataSubjectRequests",
            columns: new[] { "Status", "DueOn" });

        migrationBuilder.CreateIndex(
            name: "IX_PatientConsents_PatientId_Purpose",
            table: "PatientConsents",
            columns: new[] { "PatientId", "Purpose" });

        migrationBuilder.CreateIndex(
            name: "IX_PatientConsents_TermId",
            table: "PatientConsents",
            column: "TermId");

        migrationBuilder.CreateIndex(
            name: "IX_PatientNameTokens_Token_PatientId",
            table: "PatientNameTokens",
            columns: new[] { "Token", "PatientId" });

        migrationBuilder.CreateIndex(
            name: "IX_Patients_Cpf",
            table: "Patients",
            column: "Cpf",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Patients_PhoneDigitsReversed",
            table: "Patients",
            column: "PhoneDigitsReversed");

        migrationBuilder.CreateIndex(
            name: "IX_Patients_SearchName_BirthDate",
            table: "Patients",
            columns: new[] { "SearchName", "BirthDate" });

    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "PatientNameTokens");
        migrationBuilder.DropTable(name: "PatientConsents");
        migrationBuilder.DropTable(name: "HealthProfiles");
        migrationBuilder.DropTable(name: "DataSubjectRequests");
        migrationBuilder.DropTable(name: "Patients");
        migrationBuilder.DropTable(name: "ConsentTerms");
    }
}
