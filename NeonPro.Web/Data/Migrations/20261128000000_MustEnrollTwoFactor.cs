using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NeonPro.Web.Data.Migrations;

/// <summary>
/// The flag that keeps a person on the authenticator set-up page after their leaked key and recovery codes were
/// withdrawn (LeakedSecondFactorReset). Existing accounts get false. Hand-written; see MigrationParityTests.
/// </summary>
[DbContext(typeof(NeonProDbContext))]
[Migration("20261128000000_MustEnrollTwoFactor")]
public partial class MustEnrollTwoFactor : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(
            name: "MustEnrollTwoFactor",
            table: "AspNetUsers",
            nullable: false,
            defaultValue: false);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "MustEnrollTwoFactor", table: "AspNetUsers");
    }
}
