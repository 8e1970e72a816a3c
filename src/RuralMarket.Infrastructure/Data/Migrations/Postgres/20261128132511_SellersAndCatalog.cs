using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace RuralMarket.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SellersAndCatalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Categories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Categories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sellers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Story = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    CommissionBasisPoints = table.Column<int>(type: "integer", nullable: false),
                    PayoutProvider = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    PayoutAccountId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ChargesEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    PayoutsEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StatusReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    DeliveryRadiusKm = table.Column<int>(type: "integer", nullable: false),
                    OffersLocalDelivery = table.Column<bool>(type: "boolean", nullable: false),
                    OffersPickup = table.Column<bool>(type: "boolean", nullable: false),
                    OffersShipping = table.Column<bool>(type: "boolean", nullable: false),
                    PickupAddress = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    PickupHours = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PickupInstructions = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FreeShippingOverAmount = table.Column<long>(type: "bigint", nullable: false),
                    FreeShippingOverCurrency = table.Column<string>(type: "character varying(3)", unicode: false, maxLength: 3, nullable: false),
                    LocalDeliveryFeeAmount = table.Column<long>(type: "bigint", nullable: false),
                    LocalDeliveryFeeCurrency = table.Column<string>(type: "character varying(3)", unicode: false, maxLength: 3, nullable: false),
                    ShippingFeeAmount = table.Column<long>(type: "bigint", nullable: false),
                    ShippingFeeCurrency = table.Column<string>(type: "character varying(3)", unicode: false, maxLength: 3, nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(2)", unicode: false, maxLength: 2, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    PostalCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Town = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sellers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sellers_AspNetUsers_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Products",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SellerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false),
                    Description = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    UnitLabel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Stock = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Moderation = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    HiddenReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AllowedFulfilment = table.Column<int>(type: "integer", maxLength: 32, nullable: false),
                    IsPerishable = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    PriceAmount = table.Column<long>(type: "bigint", nullable: false),
                    PriceCurrency = table.Column<string>(type: "character varying(3)", unicode: false, maxLength: 3, nullable: false),
                    SeasonEndMonth = table.Column<int>(type: "integer", nullable: false),
                    SeasonStartMonth = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Products", x => x.Id);
                    table.CheckConstraint("CK_Products_Stock_NotNegative", "\"Stock\" >= 0");
                    table.ForeignKey(
                        name: "FK_Products_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Products_Sellers_SellerId",
                        column: x => x.SellerId,
                        principalTable: "Sellers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SellerStatusChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    To = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SellerId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SellerStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SellerStatusChanges_Sellers_SellerId",
                        column: x => x.SellerId,
                        principalTable: "Sellers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProductImages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StorageKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    AltText = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductImages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductImages_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "Categories",
                columns: new[] { "Id", "Name", "Slug", "SortOrder" },
                values: new object[,]
                {
                    { 1, "Produce", "produce", 1 },
                    { 2, "Meat & eggs", "meat-eggs", 2 },
                    { 3, "Dairy", "dairy", 3 },
                    { 4, "Honey & preserves", "honey-preserves", 4 },
                    { 5, "Baked goods", "baked-goods", 5 },
                    { 6, "Crafts", "crafts", 6 },
                    { 7, "Home & garden", "home-garden", 7 },
                    { 8, "Plants & seeds", "plants-seeds", 8 },
                    { 9, "Farm stays & experiences", "farm-stays-experiences", 9 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Categories_Slug",
                table: "Categories",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProductImages_ProductId",
                table: "ProductImages",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_Products_CategoryId_Status_Moderation",
                table: "Products",
                columns: new[] { "CategoryId", "Status", "Moderation" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_SellerId_Slug",
                table: "Products",
                columns: new[] { "SellerId", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Products_Status_Moderation_CreatedAt",
                table: "Products",
                columns: new[] { "Status", "Moderation", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Sellers_OwnerUserId",
                table: "Sellers",
                column: "OwnerUserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sellers_Slug",
                table: "Sellers",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sellers_Status",
                table: "Sellers",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_SellerStatusChanges_SellerId",
                table: "SellerStatusChanges",
                column: "SellerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProductImages");

            migrationBuilder.DropTable(
                name: "SellerStatusChanges");

            migrationBuilder.DropTable(
                name: "Products");

            migrationBuilder.DropTable(
                name: "Categories");

            migrationBuilder.DropTable(
                name: "Sellers");
        }
    }
}
