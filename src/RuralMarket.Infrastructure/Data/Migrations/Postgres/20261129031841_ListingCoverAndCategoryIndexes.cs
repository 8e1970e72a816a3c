using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralMarket.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListingCoverAndCategoryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VideoProductTags_ProductId",
                table: "VideoProductTags");

            migrationBuilder.DropIndex(
                name: "IX_Products_CategoryId_Status_Moderation",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_ProductImages_ProductId",
                table: "ProductImages");

            migrationBuilder.CreateIndex(
                name: "IX_VideoProductTags_ProductId_VideoId",
                table: "VideoProductTags",
                columns: new[] { "ProductId", "VideoId" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_CategoryId_Status_Moderation_CreatedAt",
                table: "Products",
                columns: new[] { "CategoryId", "Status", "Moderation", "CreatedAt" })
                .Annotation("Npgsql:IndexInclude", new[] { "SellerId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductImages_ProductId_SortOrder",
                table: "ProductImages",
                columns: new[] { "ProductId", "SortOrder" })
                .Annotation("Npgsql:IndexInclude", new[] { "StorageKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VideoProductTags_ProductId_VideoId",
                table: "VideoProductTags");

            migrationBuilder.DropIndex(
                name: "IX_Products_CategoryId_Status_Moderation_CreatedAt",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_ProductImages_ProductId_SortOrder",
                table: "ProductImages");

            migrationBuilder.CreateIndex(
                name: "IX_VideoProductTags_ProductId",
                table: "VideoProductTags",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_Products_CategoryId_Status_Moderation",
                table: "Products",
                columns: new[] { "CategoryId", "Status", "Moderation" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductImages_ProductId",
                table: "ProductImages",
                column: "ProductId");
        }
    }
}
