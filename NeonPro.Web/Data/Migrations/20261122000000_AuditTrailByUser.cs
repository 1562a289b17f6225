using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NeonPro.Web.Data.Migrations;

/// <summary>
/// A person's audit rows by sequence, for the "opened recently by you" list: the UserId index alone made it read and
/// sort all of a busy receptionist's rows. Hand-written; see MigrationParityTests.
/// </summary>
[DbContext(typeof(NeonProDbContext))]
[Migration("20261122000000_AuditTrailByUser")]
public partial class AuditTrailByUser : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_AuditEntries_UserId", table: "AuditEntries");
        migrationBuilder.CreateIndex(
            name: "IX_AuditEntries_UserId_Sequence",
            table: "AuditEntries",
            columns: new[] { "UserId", "Sequence" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_AuditEntries_UserId_Sequence", table: "AuditEntries");
        migrationBuilder.CreateIndex(name: "IX_AuditEntries_UserId", table: "AuditEntries", column: "UserId");
    }
}
