using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Media;

/// <summary>
/// A viewer tapped a product tagged in a video. A purchase of that product by the same viewer within
/// <see cref="AttributionWindow"/> counts as an order attributed to the video.
/// </summary>
public sealed class VideoTagClick
{
    public static readonly TimeSpan AttributionWindow = TimeSpan.FromDays(7);

    private VideoTagClick()
    {
        ViewerKey = null!;
    }

    public Guid Id { get; private set; }

    public Guid VideoId { get; private set; }

    public Guid ProductId { get; private set; }

    /// <summary>The signed-in user's id, or an anonymous visitor's opaque key (never a raw cookie value).</summary>
    public string ViewerKey { get; private set; }

    public DateTime ClickedAt { get; private set; }

    /// <summary>Set once an order has been attributed to this click, so one click counts one order at most.</summary>
    public Guid? AttributedOrderId { get; private set; }

    public bool CanAttribute(DateTime orderPaidAt) =>
        AttributedOrderId is null && orderPaidAt >= ClickedAt && orderPaidAt - ClickedAt <= AttributionWindow;

    public static VideoTagClick Record(Guid videoId, Guid productId, string viewerKey, TimeProvider clock) => new()
    {
        Id = Guid.CreateVersion7(),
        VideoId = videoId,
        ProductId = productId,
        ViewerKey = Guard.Text(viewerKey, "A viewer key", 450),
        ClickedAt = clock.GetUtcNow().UtcDateTime,
    };

    public void AttributeTo(Guid orderId, DateTime orderPaidAt)
    {
        Guard.That(CanAttribute(orderPaidAt), "This tag click cannot be credited with that order.");
        AttributedOrderId = orderId;
    }

    /// <summary>Moves an anonymous visitor's clicks to the account they signed in to.</summary>
    public void AssignViewer(string viewerKey) => ViewerKey = Guard.Text(viewerKey, "A viewer key", 450);
}
