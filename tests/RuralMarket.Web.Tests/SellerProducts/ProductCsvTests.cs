using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.SellerProducts;

public abstract class ProductCsvTests(AppFactory app)
{
    [Fact]
    public async Task Exported_products_come_back_as_csv_and_an_edited_file_updates_them_and_adds_new_ones()
    {
        var seller = await app.SellerAsync("Spreadsheet Farm");
        var eggsId = await seller.CreateProductAsync(SellerProductSteps.ProductFields(title: "Duck eggs, \"large\"", price: "8.00", stock: "5", unit: "per half dozen"));

        using var export = await seller.Browser.GetAsync(new Uri("/Seller/Products/Export", UriKind.Relative));
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.ToString().Should().Be("text/csv; charset=utf-8");
        var csv = Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("id,slug,title,description,category,price,unit,stock,season_start,season_end,fulfilment,perishable,status");
        lines.Should().HaveCount(2);
        lines[1].Should().StartWith($"{eggsId},duck-eggs-large,\"Duck eggs, \"\"large\"\"\",");
        lines[1].Should().Contain(",8.00,per half dozen,5,,,shipping;pickup;local-delivery,no,draft");

        var edited = lines[0] + "\r\n"
            + lines[1].Replace(",8.00,per half dozen,5,", ",9.25,per half dozen,40,", StringComparison.Ordinal) + "\r\n"
            + ",,Rhubarb,\"Pink stalks,\nfresh cut\",produce,3.5,per bunch,20,4,6,pickup,yes,\r\n";
        using var import = await seller.UploadFileAsync("/Seller/Products/Import", "file", "products.csv", Encoding.UTF8.GetBytes(edited), "text/csv");

        import.StatusCode.Should().Be(HttpStatusCode.Redirect, await import.Content.ReadAsStringAsync());
        (await seller.FlashAsync(import)).Should().Be("Imported: 1 new product (as drafts), 1 updated.");
        var eggs = await app.ProductAsync(eggsId);
        eggs.Price.Amount.Should().Be(925);
        eggs.Stock.Should().Be(40);
        var rhubarb = await app.WithDbAsync(db => db.Products.AsNoTracking().SingleAsync(p => p.SellerId == seller.Shop.Id && p.Slug == "rhubarb"));
        rhubarb.Description.Should().Be("Pink stalks,\nfresh cut");
        rhubarb.Season.Should().Be(new SeasonWindow(4, 6));
        rhubarb.AllowedFulfilment.Should().Be(FulfilmentMethod.Pickup);
        rhubarb.IsPerishable.Should().BeTrue();
        rhubarb.Status.Should().Be(ProductStatus.Draft);
    }

    [Fact]
    public async Task A_file_with_bad_rows_is_reported_line_by_line_and_nothing_is_imported()
    {
        var seller = await app.SellerAsync("Messy Sheet Farm");
        var id = await seller.CreateProductAsync(SellerProductSteps.ProductFields(title: "Goat cheese", price: "6.00", stock: "3"));
        var before = await app.ProductAsync(id);
        var file = "title,category,price,unit,stock,id\r\n"
            + "Goat cheese,dairy,7.00,each,10," + id + "\r\n"
            + "Good new jam,honey-preserves,5.00,per jar,4,\r\n"
            + "Bad price,dairy,-2,each,1,\r\n"
            + "Bad stock,dairy,2.00,each,-7,\r\n"
            + "Bad category,vegetables,2.00,each,1,\r\n"
            + "Somebody else's,dairy,2.00,each,1," + Guid.NewGuid() + "\r\n"
            + "<script>alert(1)</script>,dairy,2.00,each,many,\r\n";

        using var import = await seller.UploadFileAsync("/Seller/Products/Import", "file", "products.csv", Encoding.UTF8.GetBytes(file), "text/csv");

        import.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await import.Content.ReadAsStringAsync();
        html.Should().NotContain("<script>alert(1)</script>");
        var page = await import.ReadPageAsync();
        page.QuerySelector(".import-report h2")!.TextContent.Should().Be("Nothing was imported");
        var rows = page.QuerySelectorAll(".import-report tbody tr").Select(r => (r.Children[0].TextContent, r.Children[1].TextContent)).ToList();
        rows.Select(r => r.Item1).Should().Equal("4", "5", "6", "7", "8");
        rows[0].Item2.Should().Contain("A price must be more than zero.");
        rows[1].Item2.Should().Contain("Stock cannot be negative.");
        rows[2].Item2.Should().Contain("'vegetables' is not a category");
        rows[3].Item2.Should().Contain("None of your products has the id");
        rows[4].Item2.Should().Contain("'many' is not a stock count");

        var after = await app.ProductAsync(id);
        after.Price.Should().Be(before.Price);
        after.Stock.Should().Be(3);
        after.Version.Should().Be(before.Version);
        (await app.ProductCountAsync(seller.Shop.Id)).Should().Be(1, "not even the good new row was added");
    }

    [Fact]
    public async Task A_file_that_is_not_csv_or_not_utf8_gets_a_clear_message()
    {
        var seller = await app.SellerAsync("Wrong File Farm");

        using var unclosed = await seller.UploadFileAsync("/Seller/Products/Import", "file", "p.csv", Encoding.UTF8.GetBytes("title,category,price,unit,stock\r\n\"Open quote,dairy,1,each,1\r\n"), "text/csv");
        (await unclosed.ReadPageAsync()).QuerySelector(".import-report")!.TextContent.Should().Contain("never closed");

        using var latin1 = await seller.UploadFileAsync("/Seller/Products/Import", "file", "p.csv", [0x74, 0x69, 0x74, 0x6C, 0x65, 0x0D, 0x0A, 0xE9, 0xFF], "text/csv");
        (await latin1.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain("not UTF-8");

        using var missingColumns = await seller.UploadFileAsync("/Seller/Products/Import", "file", "p.csv", Encoding.UTF8.GetBytes("name,cost\r\nJam,3\r\n"), "text/csv");
        (await missingColumns.ReadPageAsync()).QuerySelector(".import-report")!.TextContent.Should().Contain("missing the columns title, category, price, unit, stock");

        (await app.ProductCountAsync(seller.Shop.Id)).Should().Be(0);
    }
}

public sealed class SqliteProductCsvTests(SqliteApp app) : ProductCsvTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresProductCsvTests(PostgresApp app) : ProductCsvTests(app), IClassFixture<PostgresApp>;
