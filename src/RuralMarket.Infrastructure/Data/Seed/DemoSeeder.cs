using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Identity;

namespace RuralMarket.Infrastructure.Data.Seed;

public sealed record DemoAccount(string Role, string Email, string Password);

/// <summary>Fills an empty database with the demo marketplace: sellers with stories, their products, and demo accounts.</summary>
public sealed class DemoSeeder(RuralMarketDbContext db, UserManager<AppUser> users, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    private const string DemoPassword = "Harvest-2026";
    private const int DefaultCommissionBasisPoints = 1000;

    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("Buyer", "buyer@demo.ruralmarket.local", DemoPassword),
        new("Seller", "seller@demo.ruralmarket.local", DemoPassword),
        new("Admin", "admin@demo.ruralmarket.local", DemoPassword),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Sellers.AnyAsync(cancellationToken))
        {
            return;
        }

        var admin = await EnsureUserAsync(Accounts[2].Email, "Demo Admin", Roles.Admin);
        var buyer = await EnsureUserAsync(Accounts[0].Email, "Demo Buyer", role: null);

        var month = clock.GetUtcNow().Month;
        var productCount = 0;
        for (var i = 0; i < DemoCatalog.Sellers.Count; i++)
        {
            var demo = DemoCatalog.Sellers[i];
            // The first seller belongs to the demo seller account; the others get their own owners.
            var ownerEmail = i == 0 ? Accounts[1].Email : $"{demo.Slug}@demo.ruralmarket.local";
            var owner = await EnsureUserAsync(ownerEmail, demo.Name, Roles.Seller);
            var seller = ToSeller(demo, owner.Id);
            seller.Approve(admin.Id, clock);
            db.Sellers.Add(seller);
            var products = demo.Products.Select(item => ToProduct(seller, item)).ToList();
            db.Products.AddRange(products);
            productCount += products.Count;
            if (i == 0)
            {
                await DemoOrders.AddAsync(db, seller, products, buyer.Id, buyer.Email!, clock, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded {Sellers} demo sellers and {Products} products (month {Month})", DemoCatalog.Sellers.Count, productCount, month);
    }

    private Seller ToSeller(DemoCatalog.DemoSeller demo, string ownerUserId)
    {
        const string currency = "USD";
        var seller = Seller.Apply(
            ownerUserId,
            demo.Name,
            demo.Story,
            new SellerLocation(demo.Town, demo.Region, demo.PostalCode, demo.CountryCode, demo.Latitude, demo.Longitude),
            new FulfilmentOptions(
                demo.OffersPickup, demo.PickupAddress, demo.PickupHours, demo.PickupInstructions,
                demo.OffersLocalDelivery, demo.DeliveryRadiusKm, new Money(demo.LocalDeliveryFeeCents, currency),
                demo.OffersShipping, new Money(demo.ShippingFeeCents, currency), new Money(demo.FreeShippingOverCents, currency)),
            DefaultCommissionBasisPoints,
            clock);
        seller.ChangeSlug(demo.Slug, clock);
        return seller;
    }

    private Product ToProduct(Seller seller, DemoCatalog.DemoProduct demo)
    {
        var category = Category.FindBySlug(demo.CategorySlug)
            ?? throw new InvalidOperationException($"Demo product {demo.Slug} has unknown category {demo.CategorySlug}.");
        var product = Product.Create(
            seller.Id,
            demo.Title,
            demo.Description,
            category.Id,
            new Money(demo.PriceCents, "USD"),
            demo.UnitLabel,
            demo.Stock,
            ParseFulfilment(demo.Fulfilment),
            demo.IsPerishable,
            new SeasonWindow(demo.SeasonStartMonth, demo.SeasonEndMonth),
            clock);
        product.ChangeSlug(demo.Slug, clock);
        product.Publish(clock);
        return product;
    }

    private static FulfilmentMethod ParseFulfilment(string methods) =>
        methods.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Aggregate(FulfilmentMethod.None, (all, method) => all | method switch
            {
                "shipping" => FulfilmentMethod.Shipping,
                "pickup" => FulfilmentMethod.Pickup,
                "delivery" => FulfilmentMethod.LocalDelivery,
                _ => throw new InvalidOperationException($"Unknown fulfilment '{method}'."),
            });

    private async Task<AppUser> EnsureUserAsync(string email, string displayName, string? role)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = clock.GetUtcNow().UtcDateTime };
            var result = await users.CreateAsync(user, DemoPassword);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Could not create demo user {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }
        }

        if (role is not null && !await users.IsInRoleAsync(user, role))
        {
            await users.AddToRoleAsync(user, role);
        }

        return user;
    }
}
