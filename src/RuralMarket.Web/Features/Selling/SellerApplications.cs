using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Sellers;
using RuralMarket.Domain.Trust;
using RuralMarket.Infrastructure.Data;

namespace RuralMarket.Web.Features.Selling;

/// <summary>A person asks to sell, fixes a rejected application and sends it again, or edits their live shop.</summary>
public sealed class SellerApplications(RuralMarketDbContext db, TimeProvider clock, RuralMarket.Infrastructure.Settings.PlatformSettings settings)
{
    public const string TargetType = "Seller";

    /// <summary>Creates the user's one application (Pending) with the terms they accepted on record.</summary>
    public async Task<SellingOutcome> ApplyAsync(string userId, ShopParts shop, CancellationToken cancellationToken)
    {
        if (await db.Sellers.AnyAsync(s => s.OwnerUserId == userId, cancellationToken))
        {
            return SellingOutcome.AlreadyApplied;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Seller seller;
        try
        {
            seller = Seller.Apply(userId, shop.Name, shop.Story, shop.Location, shop.Fulfilment, await settings.DefaultCommissionBasisPointsAsync(cancellationToken), clock);
            await db.GiveUniqueSlugAsync(seller, shop.Name, clock, cancellationToken);
        }
        catch (DomainException e)
        {
            return SellingOutcome.Refused(e.Message);
        }

        db.Sellers.Add(seller);
        db.AuditEntries.Add(AuditEntry.Record(
            userId, "seller.applied", TargetType, seller.Id.ToString(), "Accepted the seller terms.",
            null, JsonSerializer.Serialize(new { Status = seller.Status.ToString(), TermsAcceptedAt = now }), clock));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two submits at once: the unique owner index let one through. Or another shop took the address meanwhile.
            db.ChangeTracker.Clear();
            return await db.Sellers.AnyAsync(s => s.OwnerUserId == userId, cancellationToken)
                ? SellingOutcome.AlreadyApplied
                : SellingOutcome.Refused("Another shop took that name a moment ago. Please send the form again.");
        }

        return SellingOutcome.Done("Thank you! Your application is in. We will email you when it has been reviewed.");
    }

    /// <summary>Changes an application still under review, or a rejected one and sends it for review again.</summary>
    public async Task<SellingOutcome> UpdateApplicationAsync(string userId, ShopParts shop, CancellationToken cancellationToken)
    {
        var seller = await db.Sellers.SingleOrDefaultAsync(s => s.OwnerUserId == userId, cancellationToken);
        if (seller is null || seller.Status is not (SellerStatus.Pending or SellerStatus.Rejected))
        {
            return SellingOutcome.NotFound;
        }

        var resubmitted = seller.CanResubmit;
        try
        {
            seller.UpdateProfile(shop.Name, shop.Story, shop.Location, clock);
            seller.UpdateFulfilment(shop.Fulfilment, clock);
            // Nobody has seen the shop yet, so its address can still follow its name.
            await db.GiveUniqueSlugAsync(seller, shop.Name, clock, cancellationToken);
            if (resubmitted)
            {
                seller.Resubmit(clock);
                db.AuditEntries.Add(AuditEntry.Record(
                    userId, "seller.resubmitted", TargetType, seller.Id.ToString(), null,
                    Status(SellerStatus.Rejected), Status(seller.Status), clock));
            }
        }
        catch (DomainException e)
        {
            return SellingOutcome.Refused(e.Message);
        }

        return await SaveAsync(resubmitted
            ? "Your application is back in the queue. We will email you when it has been reviewed."
            : "Your application is updated.", cancellationToken);
    }

    /// <summary>An approved (or suspended) seller changes their story, location and ways to get their goods; the address stays.</summary>
    public async Task<SellingOutcome> UpdateProfileAsync(Guid sellerId, ShopParts shop, CancellationToken cancellationToken)
    {
        var seller = await db.Sellers.SingleOrDefaultAsync(s => s.Id == sellerId, cancellationToken);
        if (seller is null)
        {
            return SellingOutcome.NotFound;
        }

        try
        {
            seller.UpdateProfile(shop.Name, shop.Story, shop.Location, clock);
            seller.UpdateFulfilment(shop.Fulfilment, clock);
        }
        catch (DomainException e)
        {
            return SellingOutcome.Refused(e.Message);
        }

        return await SaveAsync("Your shop profile is saved.", cancellationToken);
    }

    internal static string Status(SellerStatus status) => JsonSerializer.Serialize(new { Status = status.ToString() });

    private async Task<SellingOutcome> SaveAsync(string message, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SellingOutcome.Done(message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SellingOutcome.Refused("Your shop was changed somewhere else at the same moment. Nothing was saved: please check and save again.");
        }
        catch (DbUpdateException)
        {
            return SellingOutcome.Refused("Another shop took that name a moment ago. Nothing was saved: please save again.");
        }
    }
}
