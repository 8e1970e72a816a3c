using System.Net;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.SellerProducts;

public abstract class ProductTenantIsolationTests(AppFactory app)
{
    [Fact]
    public async Task Another_seller_using_this_sellers_product_and_photo_ids_gets_404_everywhere_and_changes_nothing()
    {
        var owner = await app.SellerAsync("Owner Farm");
        var productId = await owner.CreateProductAsync(SellerProductSteps.ProductFields(title: "Owner's cider"));
        using (await owner.UploadAsync(productId, null, new Photo("a.jpg", TestImages.Jpeg(400, 300)), new Photo("b.jpg", TestImages.Jpeg(400, 300))))
        {
        }

        var before = await app.ProductAsync(productId);
        var imageId = before.Images.OrderBy(i => i.SortOrder).Last().Id;
        var filesBefore = app.StoredFiles(productId);
        filesBefore.Should().HaveCount(4);

        var other = await app.SellerAsync("Other Farm");
        var otherProductId = await other.CreateProductAsync(SellerProductSteps.ProductFields(title: "Other's cider"));
        using (await other.UploadAsync(otherProductId, null, new Photo("c.jpg", TestImages.Jpeg(400, 300))))
        {
        }

        var otherBefore = await app.ProductAsync(otherProductId);

        await other.EditPageAsync(productId, HttpStatusCode.NotFound);
        var attempts = new (string Url, Dictionary<string, string> Fields)[]
        {
            ($"/Seller/Products/{productId}", new(SellerProductSteps.ProductFields(title: "Stolen")) { ["Input.Version"] = before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            ($"/Seller/Products/{productId}?handler=Publish", []),
            ($"/Seller/Products/{productId}?handler=Unpublish", []),
            ($"/Seller/Products/{productId}?handler=Archive", []),
            ($"/Seller/Products/{productId}?handler=Restore", []),
            ($"/Seller/Products/{productId}?handler=RemovePhoto", new() { ["imageId"] = imageId.ToString() }),
            ($"/Seller/Products/{productId}?handler=MovePhoto", new() { ["imageId"] = imageId.ToString(), ["by"] = "-1" }),
            // The other seller's own product with this seller's photo id.
            ($"/Seller/Products/{otherProductId}?handler=RemovePhoto", new() { ["imageId"] = imageId.ToString() }),
            ($"/Seller/Products/{otherProductId}?handler=MovePhoto", new() { ["imageId"] = imageId.ToString(), ["by"] = "-1" }),
        };
        foreach (var (url, fields) in attempts)
        {
            using var response = await other.PostAsync(url, fields);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, url);
        }

        using (var upload = await other.UploadAsync(productId, null, new Photo("d.jpg", TestImages.Jpeg(400, 300))))
        {
            upload.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        var after = await app.ProductAsync(productId);
        after.Title.Should().Be("Owner's cider");
        after.Status.Should().Be(before.Status);
        after.Version.Should().Be(before.Version);
        after.Images.OrderBy(i => i.SortOrder).Select(i => i.Id).Should().Equal(before.Images.OrderBy(i => i.SortOrder).Select(i => i.Id));
        app.StoredFiles(productId).Should().Equal(filesBefore);
        (await app.ProductAsync(otherProductId)).Version.Should().Be(otherBefore.Version);

        var otherList = await other.Browser.GetPageAsync("/Seller/Products");
        otherList.QuerySelector("main")!.TextContent.Should().NotContain("Owner's cider");
        using var export = await other.Browser.GetAsync(new Uri("/Seller/Products/Export", UriKind.Relative));
        (await export.Content.ReadAsStringAsync()).Should().NotContain(productId.ToString());
    }
}

public sealed class SqliteProductTenantIsolationTests(SqliteApp app) : ProductTenantIsolationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresProductTenantIsolationTests(PostgresApp app) : ProductTenantIsolationTests(app), IClassFixture<PostgresApp>;
