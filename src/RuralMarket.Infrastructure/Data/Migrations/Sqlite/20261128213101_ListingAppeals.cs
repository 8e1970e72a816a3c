using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralMarket.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListingAppeals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing listings have no appeal: "None", the name of AppealStatus.None.
            migrationBuilder.AddColumn<string>(
                name: "Appeal",
                table: "Videos",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "AppealNote",
                table: "Videos",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AppealedAt",
                table: "Videos",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Appeal",
                table: "Products",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "AppealNote",
                table: "Products",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AppealedAt",
                table: "Products",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Videos_Moderation_Appeal",
                table: "Videos",
                columns: new[] { "Moderation", "Appeal" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Moderation_Appeal",
                table: "Products",
                columns: new[] { "Moderation", "Appeal" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Videos_Moderation_Appeal",
                table: "Videos");

            migrationBuilder.DropIndex(
                name: "IX_Products_Moderation_Appeal",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "Appeal",
                table: "Videos");

            migrationBuilder.DropColumn(
                name: "AppealNote",
                table: "Videos");

            migrationBuilder.DropColumn(
                name: "AppealedAt",
                table: "Videos");

            migrationBuilder.DropColumn(
                name: "Appeal",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "AppealNote",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "AppealedAt",
                table: "Products");
        }
    }
}
