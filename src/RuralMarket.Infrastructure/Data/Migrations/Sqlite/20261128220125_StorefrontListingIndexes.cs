using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralMarket.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StorefrontListingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sellers_Status",
                table: "Sellers");

            migrationBuilder.CreateIndex(
                name: "IX_Sellers_Status_Name",
                table: "Sellers",
                columns: new[] { "Status", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_SellerId_Status_Moderation_CreatedAt",
                table: "Products",
                columns: new[] { "SellerId", "Status", "Moderation", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sellers_Status_Name",
                table: "Sellers");

            migrationBuilder.DropIndex(
                name: "IX_Products_SellerId_Status_Moderation_CreatedAt",
                table: "Products");

            migrationBuilder.CreateIndex(
                name: "IX_Sellers_Status",
                table: "Sellers",
                column: "Status");
        }
    }
}
