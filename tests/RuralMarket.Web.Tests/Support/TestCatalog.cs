using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Identity;

namespace RuralMarket.Web.Tests.Support;

public sealed record TestSeller(Guid Id, string Name, string Slug, string OwnerEmail);

public sealed record TestProduct(Guid Id, string Title, string Slug, TestSeller Seller, long PriceCents)
{
    public string Price(int quantity = 1) => Usd(PriceCents * quantity);

    public static string Usd(long cents) => new Money(cents, "USD").Format();
}

/// <summary>
/// Arranges sellers and products through the domain. Each test gets its own, so tests that hide, suspend,
/// sell out or buy cannot disturb each other.
/// </summary>
public static class TestCatalog
{
    public const long ShippingFeeCents = 650;
    public const long FreeShippingOverCents = 5000;
    public const long LocalDeliveryFeeCents = 400;

    /// <summary>An approved seller (10 % commission) offering shipping ($6.50, free from $50), local delivery ($4.00 within 25 km) and pickup.</summary>
    public static async Task<TestSeller> CreateSellerAsync(this AppFactory app, string name)
    {
        var unique = $"{name} {Guid.NewGuid().ToString("N")[..6]}";
        var ownerEmail = $"owner.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(ownerEmail, Roles.Seller);
        return await app.WithDbAsync(async db =>
        {
            var owner = await db.Users.Where(u => u.Email == ownerEmail).Select(u => u.Id).SingleAsync();
            var seller = Seller.Apply(
                owner,
                unique,
                "We grow things.",
                new SellerLocation("Millbrook", "VT", "05001", "US", 43.6, -72.3),
                new FulfilmentOptions(
                    true, "12 Orchard Lane, Millbrook", "Saturdays 9–12", null,
                    true, 25, new Money(LocalDeliveryFeeCents, "USD"),
                    true, new Money(ShippingFeeCents, "USD"), new Money(FreeShippingOverCents, "USD")),
                1000,
                app.Clock);
            seller.Approve(owner, app.Clock);
            db.Sellers.Add(seller);
            await db.SaveChangesAsync();
            return new TestSeller(seller.Id, seller.Name, seller.Slug, ownerEmail);
        });
    }

    public static Task<TestProduct> CreateProductAsync(
        this AppFactory app, TestSeller seller, string title, long priceCents, int stock,
        FulfilmentMethod allowed = FulfilmentMethod.Shipping | FulfilmentMethod.Pickup | FulfilmentMethod.LocalDelivery) =>
        app.WithDbAsync(async db =>
        {
            var product = Product.Create(seller.Id, title, null, Category.All[0].Id, new Money(priceCents, "USD"), "each", stock, allowed, false, SeasonWindow.AllYear, app.Clock);
            product.Publish(app.Clock);
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return new TestProduct(product.Id, product.Title, product.Slug, seller, priceCents);
        });
}
