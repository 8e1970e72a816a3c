using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralMarket.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VideoFollowsRefundsSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_ReporterUserId_Target_TargetId",
                table: "Reports");

            migrationBuilder.AddColumn<string>(
                name: "SourceKey",
                table: "Videos",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PaymentReference",
                table: "Checkouts",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PlatformSettings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlatformSettings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Refunds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CheckoutId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RequestedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProviderRefundId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TransferReversalId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IsTest = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AmountAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    AmountCurrency = table.Column<string>(type: "TEXT", unicode: false, maxLength: 3, nullable: false),
                    ReversedFromSellerAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    ReversedFromSellerCurrency = table.Column<string>(type: "TEXT", unicode: false, maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Refunds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Refunds_Checkouts_CheckoutId",
                        column: x => x.CheckoutId,
                        principalTable: "Checkouts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Refunds_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SellerFollows",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SellerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SellerFollows", x => new { x.UserId, x.SellerId });
                    table.ForeignKey(
                        name: "FK_SellerFollows_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SellerFollows_Sellers_SellerId",
                        column: x => x.SellerId,
                        principalTable: "Sellers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VideoTagClicks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VideoId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ViewerKey = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ClickedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AttributedOrderId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VideoTagClicks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VideoTagClicks_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VideoTagClicks_Videos_VideoId",
                        column: x => x.VideoId,
                        principalTable: "Videos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OneOpenPerReporterAndTarget",
                table: "Reports",
                columns: new[] { "ReporterUserId", "Target", "TargetId" },
                unique: true,
                filter: "\"Status\" = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_CheckoutId",
                table: "Refunds",
                column: "CheckoutId");

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_IdempotencyKey",
                table: "Refunds",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_OrderId_CreatedAt",
                table: "Refunds",
                columns: new[] { "OrderId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SellerFollows_SellerId",
                table: "SellerFollows",
                column: "SellerId");

            migrationBuilder.CreateIndex(
                name: "IX_VideoTagClicks_ProductId",
                table: "VideoTagClicks",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_VideoTagClicks_VideoId_ClickedAt",
                table: "VideoTagClicks",
                columns: new[] { "VideoId", "ClickedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VideoTagClicks_ViewerKey_ProductId_ClickedAt",
                table: "VideoTagClicks",
                columns: new[] { "ViewerKey", "ProductId", "ClickedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlatformSettings");

            migrationBuilder.DropTable(
                name: "Refunds");

            migrationBuilder.DropTable(
                name: "SellerFollows");

            migrationBuilder.DropTable(
                name: "VideoTagClicks");

            migrationBuilder.DropIndex(
                name: "IX_Reports_OneOpenPerReporterAndTarget",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "SourceKey",
                table: "Videos");

            migrationBuilder.DropColumn(
                name: "PaymentReference",
                table: "Checkouts");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_ReporterUserId_Target_TargetId",
                table: "Reports",
                columns: new[] { "ReporterUserId", "Target", "TargetId" });
        }
    }
}
