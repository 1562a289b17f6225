using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NeonPro.Web.Data.Migrations;

/// <summary>Appointments, their status history, and the scheduling settings. Hand-written; see MigrationParityTests.</summary>
[DbContext(typeof(NeonProDbContext))]
[Migration("20261121040000_Scheduling")]
public partial class Scheduling : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SchedulingSettings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                SlotMinutes = table.Column<int>(nullable: false),
                OpensAt = table.Column<TimeOnly>(nullable: false),
                ClosesAt = table.Column<TimeOnly>(nullable: false),
                LateCancellationNoticeHours = table.Column<int>(nullable: false),
                LateCancellationFee = table.Column<decimal>(nullable: false, precision: 10, scale: 2),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SchedulingSettings", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Appointments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PatientId = table.Column<Guid>(nullable: false),
                ProfessionalId = table.Column<Guid>(nullable: false),
                TreatmentId = table.Column<Guid>(nullable: false),
                RoomId = table.Column<Guid>(nullable: true),
                StartUtc = table.Column<DateTime>(nullable: false),
                EndUtc = table.Column<DateTime>(nullable: false),
                Status = table.Column<string>(nullable: false, maxLength: 16, unicode: false),
                Notes = table.Column<string>(nullable: true, maxLength: 1000),
                SupervisorId = table.Column<Guid>(nullable: true),
                RescheduledFromId = table.Column<Guid>(nullable: true),
                MoveCount = table.Column<int>(nullable: false),
                CancelledAtUtc = table.Column<DateTime>(nullable: true),
                CancelledByName = table.Column<string>(nullable: true, maxLength: 256),
                CancellationReason = table.Column<string>(nullable: true, maxLength: 500),
                CancellationFee = table.Column<decimal>(nullable: true, precision: 10, scale: 2),
                AcknowledgedWarnings = table.Column<string>(nullable: true, maxLength: 1000),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                CreatedByName = table.Column<string>(nullable: true, maxLength: 256),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
                UpdatedByName = table.Column<string>(nullable: true, maxLength: 256),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Appointments", x => x.Id);
                table.ForeignKey(
                    name: "FK_Appointments_Appointments_RescheduledFromId",
                    column: x => x.RescheduledFromId,
                    principalTable: "Appointments",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Appointments_Patients_PatientId",
                    column: x => x.PatientId,
                    principalTable: "Patients",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Appointments_Professionals_ProfessionalId",
                    column: x => x.ProfessionalId,
                    principalTable: "Professionals",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Appointments_Professionals_SupervisorId",
                    column: x => x.SupervisorId,
                    principalTable: "Professionals",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Appointments_Rooms_RoomId",
                    column: x => x.RoomId,
                    principalTable: "Rooms",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Appointments_Treatments_TreatmentId",
                    column: x => x.TreatmentId,
                    principalTable: "Treatments",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AppointmentStatusChanges",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AppointmentId = table.Column<Guid>(nullable: false),
                From = table.Column<string>(nullable: true, maxLength: 16, unicode: false),
                To = table.Column<string>(nullable: false, maxLength: 16, unicode: false),
                AtUtc = table.Column<DateTime>(nullable: false),
                ByUserId = table.Column<string>(nullable: true, maxLength: 450),
                ByName = table.Column<string>(nullable: true, maxLength: 256),
                Note = table.Column<string>(nullable: true, maxLength: 500),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AppointmentStatusChanges", x => x.Id);
                table.ForeignKey(
                    name: "FK_AppointmentStatusChanges_Appointments_AppointmentId",
                    column: x => x.AppointmentId,
                    principalTable: "Appointments",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_Appointments_PatientId_StartUtc",
            table: "Appointments",
            columns: new[] { "PatientId", "StartUtc" });

        migrationBuilder.CreateIndex(
            name: "IX_Appointments_ProfessionalId_StartUtc",
            table: "Appointments",
            columns: new[] { "ProfessionalId", "StartUtc" });

        migrationBuilder.CreateIndex(
            name: "IX_Appointments_RescheduledFromId",
            table: "Appointments",
            column: "RescheduledFromId");

        migrationBuilder.CreateIndex(
            name: "IX_Appointments_RoomId_StartUtc",
            table: "Appointments",
            columns: new[] { "RoomId", "StartUtc" });

        migrationBuilder.CreateIndex(
            name: "IX_Appointments_StartUtc",
            table: "Appointments",
            column: "StartUtc");

        migrationBuilder.CreateIndex(
            name: "IX_Appointments_SupervisorId",
            table: "Appointments",
            column: "SupervisorId");

        migrationBuilder.CreateIndex(
            name: "IX_Appointments_TreatmentId",
            table: "Appointments",
            column: "TreatmentId");

        migrationBuilder.CreateIndex(
            name: "IX_AppointmentStatusChanges_AppointmentId_AtUtc",
            table: "AppointmentStatusChanges",
            columns: new[] { "AppointmentId", "AtUtc" });

    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "AppointmentStatusChanges");
        migrationBuilder.DropTable(name: "Appointments");
        migrationBuilder.DropTable(name: "SchedulingSettings");
    }
}
