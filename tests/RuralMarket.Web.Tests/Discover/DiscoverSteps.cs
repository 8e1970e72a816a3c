using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Media;
using RuralMarket.Domain.Sellers;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Discover;

/// <summary>Arranges catalog states through the domain's own methods, as the seller and admin features will.</summary>
public static class DiscoverSteps
{
    public static Task SetStoryAsync(this AppFactory app, string sellerSlug, string story) =>
        app.WithDbAsync(async db =>
        {
            var seller = await db.Sellers.SingleAsync(s => s.Slug == sellerSlug);
            seller.UpdateProfile(seller.Name, story, seller.Location, app.Clock);
            return await db.SaveChangesAsync();
        });

    public static Task SuspendSellerAsync(this AppFactory app, string sellerSlug) =>
        app.WithDbAsync(async db =>
        {
            var admin = await db.Users.SingleAsync(u => u.Email == "admin@demo.ruralmarket.local");
            var seller = await db.Sellers.SingleAsync(s => s.Slug == sellerSlug);
            seller.Suspend("Complaints are being looked into.", admin.Id, app.Clock);
            return await db.SaveChangesAsync();
        });

    public static Task<int> HideProductAsync(this AppFactory app, string sellerSlug, string productSlug) =>
        app.WithProductAsync(sellerSlug, productSlug, product => product.Hide("Mislabelled.", app.Clock));

    public static Task<int> UnpublishProductAsync(this AppFactory app, string sellerSlug, string productSlug) =>
        app.WithProductAsync(sellerSlug, productSlug, product => product.Unpublish(app.Clock));

    public static Task<int> AddImageAsync(this AppFactory app, string sellerSlug, string productSlug, string storageKey, string altText) =>
        app.WithProductAsync(sellerSlug, productSlug, product => product.AddImage(storageKey, altText, app.Clock));

    /// <summary>A processed, published video by the seller that tags one of their products.</summary>
    public static Task<int> PublishVideoAsync(this AppFactory app, string sellerSlug, string productSlug, string title) =>
        app.WithDbAsync(async db =>
        {
            var sellerId = await db.Sellers.Where(s => s.Slug == sellerSlug).Select(s => s.Id).SingleAsync();
            var productId = await db.Products.Where(p => p.SellerId == sellerId && p.Slug == productSlug).Select(p => p.Id).SingleAsync();
            var video = VideoListing.Create(sellerId, title, "Filmed on the farm.", app.Clock);
            video.StartProcessing(new VideoSourceFacts(1_000_000, null, 42, 1920, 1080, "h264", "aac"));
            video.MarkReady([new VideoRendition(360, 700, "videos/test/360.m3u8")], "videos/test/master.m3u8", "videos/test/fallback.mp4", "videos/test/poster.jpg");
            video.Tag(productId, 3, null);
            video.Publish(app.Clock);
            db.Videos.Add(video);
            return await db.SaveChangesAsync();
        });

    /// <summary>Publishes <paramref name="count"/> new products for a seller, each a minute newer than the last.</summary>
    public static Task<List<string>> AddProductsAsync(this AppFactory app, string sellerSlug, string categorySlug, int count, string titlePrefix) =>
        app.WithDbAsync(async db =>
        {
            var sellerId = await db.Sellers.Where(s => s.Slug == sellerSlug).Select(s => s.Id).SingleAsync();
            var category = Category.FindBySlug(categorySlug)!;
            var titles = new List<string>();
            for (var i = 1; i <= count; i++)
            {
                app.Clock.Advance(TimeSpan.FromMinutes(1));
                var title = $"{titlePrefix} {i.ToString("000", CultureInfo.InvariantCulture)}";
                var product = Product.Create(
                    sellerId, title, "Made for a test.", category.Id, new Money(500 + i, "USD"), "each", 10,
                    FulfilmentMethod.Shipping, isPerishable: false, SeasonWindow.AllYear, app.Clock);
                product.Publish(app.Clock);
                db.Products.Add(product);
                titles.Add(title);
            }

            await db.SaveChangesAsync();
            return titles;
        });

    public static Task<int> CountListedAsync(this AppFactory app, string categorySlug) =>
        app.WithDbAsync(db =>
        {
            var categoryId = Category.FindBySlug(categorySlug)!.Id;
            return db.Products
                .Where(p => p.CategoryId == categoryId && p.Status == ProductStatus.Active && p.Moderation == ModerationState.Visible)
                .Join(db.Sellers.Where(s => s.Status == SellerStatus.Approved), p => p.SellerId, s => s.Id, (p, s) => p)
                .CountAsync();
        });

    private static Task<int> WithProductAsync(this AppFactory app, string sellerSlug, string productSlug, Action<Product> change) =>
        app.WithDbAsync(async db =>
        {
            var sellerId = await db.Sellers.Where(s => s.Slug == sellerSlug).Select(s => s.Id).SingleAsync();
            var product = await db.Products.SingleAsync(p => p.SellerId == sellerId && p.Slug == productSlug);
            change(product);
            return await db.SaveChangesAsync();
        });
}
