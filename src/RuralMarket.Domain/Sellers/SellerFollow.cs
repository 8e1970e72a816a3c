using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Sellers;

/// <summary>A buyer follows a seller: their videos come first in the "following" feed.</summary>
public sealed class SellerFollow
{
    private SellerFollow()
    {
        UserId = null!;
    }

    public string UserId { get; private set; }

    public Guid SellerId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static SellerFollow Start(string userId, Guid sellerId, TimeProvider clock) => new()
    {
        UserId = Guard.Text(userId, "The follower's user id", 450),
        SellerId = sellerId,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
    };
}
