using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralMarket.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PaymentInboxCountersSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Counters",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Counters", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "PaymentEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AppliedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentEvents", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "Counters",
                columns: new[] { "Name", "Value" },
                values: new object[] { "OrderNumber", 100L });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentEvents_Provider_EventId",
                table: "PaymentEvents",
                columns: new[] { "Provider", "EventId" },
                unique: true);

            // Full-text search on SQLite: an FTS5 index over product titles and descriptions, kept in step by triggers.
            // A later migration that rebuilds the Products table must recreate these triggers and rebuild the index.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ProductSearch" USING fts5("Title", "Description", content='Products', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Products_Search_Insert" AFTER INSERT ON "Products" BEGIN
                    INSERT INTO "ProductSearch"(rowid, "Title", "Description") VALUES (new.rowid, new."Title", new."Description");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Products_Search_Delete" AFTER DELETE ON "Products" BEGIN
                    INSERT INTO "ProductSearch"("ProductSearch", rowid, "Title", "Description") VALUES ('delete', old.rowid, old."Title", old."Description");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Products_Search_Update" AFTER UPDATE OF "Title", "Description" ON "Products" BEGIN
                    INSERT INTO "ProductSearch"("ProductSearch", rowid, "Title", "Description") VALUES ('delete', old.rowid, old."Title", old."Description");
                    INSERT INTO "ProductSearch"(rowid, "Title", "Description") VALUES (new.rowid, new."Title", new."Description");
                END;
                """);
            migrationBuilder.Sql("""INSERT INTO "ProductSearch"("ProductSearch") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Products_Search_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Products_Search_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Products_Search_Insert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ProductSearch";""");
            migrationBuilder.DropTable(
                name: "Counters");

            migrationBuilder.DropTable(
                name: "PaymentEvents");
        }
    }
}
