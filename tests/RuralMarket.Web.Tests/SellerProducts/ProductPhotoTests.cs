using System.Net;
using System.Net.Http.Headers;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.SellerProducts;

public abstract class ProductPhotoTests(AppFactory app)
{
    [Fact]
    public async Task An_uploaded_photo_is_turned_upright_stripped_of_its_location_and_stored_at_three_widths_for_the_storefront()
    {
        var seller = await app.SellerAsync("Photo Farm");
        var id = await seller.CreateProductAsync(SellerProductSteps.ProductFields(title: "Heirloom tomatoes"));
        // Taken with the phone turned: stored 2000×1500 landscape, EXIF says "rotate 90° clockwise to view".
        var photo = TestImages.Jpeg(2000, 1500, exifOrientation: 6, withGps: true);

        using (var upload = await seller.UploadAsync(id, null, new Photo("IMG_0001.JPG", photo)))
        {
            upload.StatusCode.Should().Be(HttpStatusCode.Redirect);
            (await seller.FlashAsync(upload)).Should().Be("Photo added.");
        }

        var image = (await app.ProductAsync(id)).Images.Should().ContainSingle().Subject;
        image.AltText.Should().Be("Heirloom tomatoes", "the alt text defaults to the title");
        app.StoredFiles(id).Should().HaveCount(3);

        await seller.PressAsync(id, "Publish");
        var product = await app.ProductAsync(id);
        using var anonymous = app.CreateBrowser();
        var page = await anonymous.GetPageAsync($"/p/{seller.Shop.Slug}/{product.Slug}");
        var img = page.QuerySelector(".gallery img")!;
        img.GetAttribute("loading").Should().Be("lazy");
        img.GetAttribute("width").Should().Be("1280");
        img.GetAttribute("height").Should().Be("1707");
        img.GetAttribute("alt").Should().Be("Heirloom tomatoes");
        var sources = img.GetAttribute("srcset")!.Split(", ").Select(s => s.Split(' ')).ToList();
        sources.Select(s => s[1]).Should().Equal("320w", "640w", "1280w");

        // The first photo is the product's card wherever it is listed: the shop and search results.
        foreach (var listing in new[] { $"/s/{seller.Shop.Slug}", "/search?q=Heirloom+tomatoes" })
        {
            var card = (await anonymous.GetPageAsync(listing)).QuerySelectorAll(".product-card")
                .Single(c => c.TextContent.Contains("Heirloom tomatoes", StringComparison.Ordinal));
            var cover = card.QuerySelector(".thumb img")!;
            cover.GetAttribute("loading").Should().Be("lazy", listing);
            cover.GetAttribute("src").Should().EndWith("/320.webp", "a phone loads the smallest copy first");
            cover.GetAttribute("srcset").Should().Be(img.GetAttribute("srcset"));
        }

        foreach (var source in sources)
        {
            using var response = await anonymous.GetAsync(new Uri(source[0], UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.Should().Be("image/webp");
            response.Headers.CacheControl!.ToString().Should().Be("public, max-age=31536000, immutable");
            using var stored = TestImages.Decode(await response.Content.ReadAsByteArrayAsync());
            var width = int.Parse(source[1].TrimEnd('w'), System.Globalization.CultureInfo.InvariantCulture);
            stored.Width.Should().Be(width);
            stored.Height.Should().BeCloseTo(width * 4 / 3, 1, "the photo is portrait once turned upright");
            stored.Metadata.ExifProfile.Should().BeNull("no EXIF (and so no GPS position) is kept");
            // The red top of the sensor image is on the right once turned clockwise.
            TestImages.IsBlue(stored[2, stored.Height / 2]).Should().BeTrue();
            TestImages.IsRed(stored[stored.Width - 3, stored.Height / 2]).Should().BeTrue();
        }
    }

    [Fact]
    public async Task A_small_photo_is_never_upscaled()
    {
        var seller = await app.SellerAsync("Tiny Farm");
        var id = await seller.CreateProductAsync();

        using (var upload = await seller.UploadAsync(id, "A jar on a shelf", new Photo("small.png", TestImages.Png(200, 100), "image/png")))
        {
            upload.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var image = (await app.ProductAsync(id)).Images.Single();
        image.AltText.Should().Be("A jar on a shelf");
        image.StorageKey.Should().EndWith("/200x100.webp");
        app.StoredFiles(id).Should().ContainSingle().Which.Should().Be(image.StorageKey);
    }

    [Fact]
    public async Task Several_photos_upload_at_once_and_can_be_reordered_and_removed_with_their_files()
    {
        var seller = await app.SellerAsync("Many Photos");
        var id = await seller.CreateProductAsync();
        using (var upload = await seller.UploadAsync(id, null,
            new Photo("a.jpg", TestImages.Jpeg(700, 500)), new Photo("b.png", TestImages.Png(300, 300), "image/png")))
        {
            (await seller.FlashAsync(upload)).Should().Be("2 photos added.");
        }

        var images = (await app.ProductAsync(id)).Images.OrderBy(i => i.SortOrder).ToList();
        images.Should().HaveCount(2);
        app.StoredFiles(id).Should().HaveCount(4, "700 px wide makes 320, 640 and 700; 300 px wide makes only 300");

        var edit = await seller.EditPageAsync(id);
        edit.QuerySelectorAll(".photo-list li").Should().HaveCount(2);
        using (var moved = await seller.SubmitFormAsync(edit, ".photo-list li:nth-child(2) form[action*='MovePhoto']"))
        {
            moved.StatusCode.Should().Be(HttpStatusCode.Redirect, "the second photo moves up");
        }

        (await app.ProductAsync(id)).Images.OrderBy(i => i.SortOrder).Select(i => i.Id).Should().Equal(images[1].Id, images[0].Id);

        edit = await seller.EditPageAsync(id);
        using (var removed = await seller.SubmitFormAsync(edit, ".photo-list li:nth-child(2) form[action*='RemovePhoto']"))
        {
            (await seller.FlashAsync(removed)).Should().Be("Photo removed.");
        }

        var left = (await app.ProductAsync(id)).Images.Should().ContainSingle().Subject;
        left.Id.Should().Be(images[1].Id);
        app.StoredFiles(id).Should().ContainSingle().Which.Should().Be(left.StorageKey, "the removed photo's files are deleted");
    }

    [Fact]
    public async Task A_text_file_named_like_a_photo_is_refused_and_nothing_of_the_upload_is_kept()
    {
        var seller = await app.SellerAsync("Fake Photo Farm");
        var id = await seller.CreateProductAsync();
        var notAPhoto = "this is not a picture at all"u8.ToArray();

        using var upload = await seller.UploadAsync(id, null,
            new Photo("good.jpg", TestImages.Jpeg(800, 600)),
            new Photo("holiday.jpg", notAPhoto));

        upload.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await upload.ReadPageAsync();
        page.QuerySelector("#photos ~ .validation-summary-errors, .validation-summary-errors")!.TextContent
            .Should().Contain("Nothing was uploaded").And.Contain("holiday.jpg").And.Contain("not a picture");
        (await app.ProductAsync(id)).Images.Should().BeEmpty("one bad file stops the whole upload");
        app.StoredFiles(id).Should().BeEmpty();
    }

    [Fact]
    public async Task An_oversized_photo_is_refused_with_the_limit()
    {
        var seller = await app.SellerAsync("Big Photo Farm");
        var id = await seller.CreateProductAsync();
        var huge = new byte[9 * 1024 * 1024];
        TestImages.Jpeg(64, 64).CopyTo(huge, 0);

        using var upload = await seller.UploadAsync(id, null, new Photo("huge.jpg", huge));

        upload.StatusCode.Should().Be(HttpStatusCode.OK);
        (await upload.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain("huge.jpg is 9 MB; photos can be at most 8 MB");
        (await app.ProductAsync(id)).Images.Should().BeEmpty();
        app.StoredFiles(id).Should().BeEmpty();
    }

    [Fact]
    public async Task Media_answers_ranges_and_404s_and_never_leaves_its_folder()
    {
        var seller = await app.SellerAsync("Range Farm");
        var id = await seller.CreateProductAsync();
        using (await seller.UploadAsync(id, null, new Photo("a.png", TestImages.Png(100, 80), "image/png")))
        {
        }

        var key = (await app.ProductAsync(id)).Images.Single().StorageKey;
        using var anonymous = app.CreateBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/media/" + key, UriKind.Relative));
        request.Headers.Range = new RangeHeaderValue(0, 9);
        using var partial = await anonymous.SendAsync(request);
        partial.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        (await partial.Content.ReadAsByteArrayAsync()).Should().HaveCount(10);

        foreach (var missing in new[] { "/media/products/nothing-here.webp", "/media/products", "/media/..%2fappsettings.json", "/media/products/%2e%2e/%2e%2e/appsettings.json", "/media/" })
        {
            using var response = await anonymous.GetAsync(new Uri(missing, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, missing);
        }
    }
}

public sealed class SqliteProductPhotoTests(SqliteApp app) : ProductPhotoTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresProductPhotoTests(PostgresApp app) : ProductPhotoTests(app), IClassFixture<PostgresApp>;
