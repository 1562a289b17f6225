using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NeonPro.Web.Data.Migrations;

/// <summary>
/// Professionals (council registration, weekly hours, exceptions, scope), the clinic's closed days, the
/// treatment catalog, rooms and equipment. Hand-written, provider-neutral; see MigrationParityTests.
/// </summary>
[DbContext(typeof(NeonProDbContext))]
[Migration("20261121010000_ProfessionalsAndCatalog")]
public partial class ProfessionalsAndCatalog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ClinicClosedDays",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Name = table.Column<string>(nullable: false, maxLength: 100),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ClinicClosedDays", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Equipment",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(nullable: false, maxLength: 80),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Equipment", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Rooms",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(nullable: false, maxLength: 80),
                Description = table.Column<string>(nullable: true, maxLength: 500),
                IsActive = table.Column<bool>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Rooms", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Treatments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(nullable: false, maxLength: 120),
                Category = table.Column<string>(nullable: false, maxLength: 16, unicode: false),
                Description = table.Column<string>(nullable: true, maxLength: 2000),
                DurationMinutes = table.Column<int>(nullable: false),
                Price = table.Column<decimal>(nullable: false, precision: 10, scale: 2),
                TussCode = table.Column<string>(nullable: true, maxLength: 8, unicode: false),
                ProductType = table.Column<string>(nullable: false, maxLength: 16, unicode: false),
                AnvisaRegistration = table.Column<string>(nullable: true, maxLength: 13, unicode: false),
                // A primitive collection: a native text[] array on PostgreSQL, JSON text (TEXT, nvarchar(max)) elsewhere.
                AllowedProfessions = DatabaseProviders.FromProviderName(migrationBuilder.ActiveProvider) switch
                {
                    DatabaseProvider.Postgres => table.Column<string[]>(type: "text[]", nullable: false),
                    DatabaseProvider.Sqlite or DatabaseProvider.SqlServer => table.Column<string>(nullable: false),
                    var unknown => throw DatabaseProviders.Unknown(unknown),
                },
                MinimumAge = table.Column<int>(nullable: true),
                MaximumAge = table.Column<int>(nullable: true),
                ContraindicatedInPregnancy = table.Column<bool>(nullable: false),
                ContraindicatedInBreastfeeding = table.Column<bool>(nullable: false),
                Contraindications = table.Column<string>(nullable: true, maxLength: 2000),
                RecommendedSessions = table.Column<int>(nullable: true),
                SessionIntervalDays = table.Column<int>(nullable: true),
                PreCare = table.Column<string>(nullable: true, maxLength: 4000),
                PostCare = table.Column<string>(nullable: true, maxLength: 4000),
                PhotoRequired = table.Column<bool>(nullable: false),
                PriorConsultationRequired = table.Column<bool>(nullable: false),
                IsActive = table.Column<bool>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Treatments", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Professionals",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FullName = table.Column<string>(nullable: false, maxLength: 200),
                Profession = table.Column<string>(nullable: false, maxLength: 32, unicode: false),
                Council = table.Column<string>(nullable: false, maxLength: 16, unicode: false),
                CouncilNumber = table.Column<string>(nullable: true, maxLength: 16, unicode: false),
                CouncilState = table.Column<string>(nullable: true, maxLength: 2, unicode: false),
                CouncilRegion = table.Column<int>(nullable: true),
                CouncilCategory = table.Column<string>(nullable: true, maxLength: 8, unicode: false),
                Rqe = table.Column<string>(nullable: true, maxLength: 16, unicode: false),
                RegistrationStatus = table.Column<string>(nullable: false, maxLength: 16, unicode: false),
                LastVerifiedOn = table.Column<DateOnly>(nullable: true),
                CardValidUntil = table.Column<DateOnly>(nullable: true),
                FeesPaidThrough = table.Column<DateOnly>(nullable: true),
                Specialties = table.Column<string>(nullable: true, maxLength: 500),
                Bio = table.Column<string>(nullable: true, maxLength: 2000),
                DefaultConsultationMinutes = table.Column<int>(nullable: false),
                Color = table.Column<string>(nullable: false, maxLength: 7, unicode: false),
                IsActive = table.Column<bool>(nullable: false),
                UserId = table.Column<string>(nullable: true, maxLength: 450),
                RequiresSupervision = table.Column<bool>(nullable: false),
                SupervisorId = table.Column<Guid>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Professionals", x => x.Id);
                table.ForeignKey(
                    name: "FK_Professionals_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_Professionals_Professionals_SupervisorId",
                    column: x => x.SupervisorId,
                    principalTable: "Professionals",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "RoomEquipment",
            columns: table => new
            {
                EquipmentId = table.Column<Guid>(nullable: false),
                RoomId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RoomEquipment", x => new { x.EquipmentId, x.RoomId });
                table.ForeignKey(
                    name: "FK_RoomEquipment_Equipment_EquipmentId",
                    column: x => x.EquipmentId,
                    principalTable: "Equipment",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_RoomEquipment_Rooms_RoomId",
                    column: x => x.RoomId,
                    principalTable: "Rooms",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "TreatmentRequiredEquipment",
            columns: table => new
            {
                RequiredEquipmentId = table.Column<Guid>(nullable: false),
                TreatmentId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TreatmentRequiredEquipment", x => new { x.RequiredEquipmentId, x.TreatmentId });
                table.ForeignKey(
                    name: "FK_TreatmentRequiredEquipment_Equipment_RequiredEquipmentId",
                    column: x => x.RequiredEquipmentId,
                    principalTable: "Equipment",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_TreatmentRequiredEquipment_Treatments_TreatmentId",
                    column: x => x.TreatmentId,
                    principalTable: "Treatments",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AvailabilityExceptions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProfessionalId = table.Column<Guid>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Kind = table.Column<string>(nullable: false, maxLength: 16, unicode: false),
                Start = table.Column<TimeOnly>(nullable: true),
                End = table.Column<TimeOnly>(nullable: true),
                Reason = table.Column<string>(nullable: true, maxLength: 200),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AvailabilityExceptions", x => x.Id);
                table.ForeignKey(
                    name: "FK_AvailabilityExceptions_Professionals_ProfessionalId",
                    column: x => x.ProfessionalId,
                    principalTable: "Professionals",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ProfessionalScopes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProfessionalId = table.Column<Guid>(nullable: false),
                TreatmentId = table.Column<Guid>(nullable: false),
                Mode = table.Column<string>(nullable: false, maxLength: 16, unicode: false),
                Conditions = table.Column<string>(nullable: true, maxLength: 500),
                ValidFrom = table.Column<DateOnly>(nullable: true),
                ValidUntil = table.Column<DateOnly>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProfessionalScopes", x => x.Id);
                table.ForeignKey(
                    name: "FK_ProfessionalScopes_Professionals_ProfessionalId",
                    column: x => x.ProfessionalId,
                    principalTable: "Professionals",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_ProfessionalScopes_Treatments_TreatmentId",
                    column: x => x.TreatmentId,
                    principalTable: "Treatments",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "WorkingHours",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProfessionalId = table.Column<Guid>(nullable: false),
                Day = table.Column<string>(nullable: false, maxLength: 10, unicode: false),
                Start = table.Column<TimeOnly>(nullable: false),
                End = table.Column<TimeOnly>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WorkingHours", x => x.Id);
                table.ForeignKey(
                    name: "FK_WorkingHours_Professionals_ProfessionalId",
                    column: x => x.ProfessionalId,
                    principalTable: "Professionals",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_AvailabilityExceptions_ProfessionalId_Date",
            table: "AvailabilityExceptions",
            columns: new[] { "ProfessionalId", "Date" });

        migrationBuilder.CreateIndex(
            name: "IX_ClinicClosedDays_Date",
            table: "ClinicClosedDays",
            column: "Date",
            unique: true,
            filter: KeysAndIndexes.NoFilter);

        migrationBuilder.CreateIndex(
            name: "IX_Equipment_Name",
            table: "Equipment",
            column: "Name",
            unique: true,
            filter: KeysAndIndexes.NoFilter);

        migrationBuilder.CreateIndex(
            name: "IX_Professionals_FullName",
            table: "Professionals",
            column: "FullName");

        migrationBuilder.CreateIndex(
            name: "IX_Professionals_SupervisorId",
            table: "Professionals",
            column: "SupervisorId");

        migrationBuilder.CreateIndex(
            name: "IX_Professionals_UserId",
            table: "Professionals",
            column: "UserId",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ProfessionalScopes_ProfessionalId_TreatmentId",
            table: "ProfessionalScopes",
            columns: new[] { "ProfessionalId", "TreatmentId" });

        migrationBuilder.CreateIndex(
            name: "IX_ProfessionalScopes_TreatmentId",
            table: "ProfessionalScopes",
            column: "TreatmentId");

        migrationBuilder.CreateIndex(
            name: "IX_RoomEquipment_RoomId",
            table: "RoomEquipment",
            column: "RoomId");

        migrationBuilder.CreateIndex(
            name: "IX_Rooms_Name",
            table: "Rooms",
            column: "Name",
            unique: true,
            filter: KeysAndIndexes.NoFilter);

        migrationBuilder.CreateIndex(
            name: "IX_TreatmentRequiredEquipment_TreatmentId",
            table: "TreatmentRequiredEquipment",
            column: "TreatmentId");

        migrationBuilder.CreateIndex(
            name: "IX_Treatments_Name",
            table: "Treatments",
            column: "Name");

        migrationBuilder.CreateIndex(
            name: "IX_WorkingHours_ProfessionalId_Day",
            table: "WorkingHours",
            columns: new[] { "ProfessionalId", "Day" });

    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "WorkingHours");
        migrationBuilder.DropTable(name: "ProfessionalScopes");
        migrationBuilder.DropTable(name: "AvailabilityExceptions");
        migrationBuilder.DropTable(name: "TreatmentRequiredEquipment");
        migrationBuilder.DropTable(name: "RoomEquipment");
        migrationBuilder.DropTable(name: "Professionals");
        migrationBuilder.DropTable(name: "Treatments");
        migrationBuilder.DropTable(name: "Rooms");
        migrationBuilder.DropTable(name: "Equipment");
        migrationBuilder.DropTable(name: "ClinicClosedDays");
    }
}
