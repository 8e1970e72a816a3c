using Microsoft.Extensions.Time.Testing;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Ordering;

namespace RuralMarket.Domain.Tests.Ordering;

public sealed class BuyerCancellationTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_buyer_cancels_a_paid_order_and_a_refund_is_due()
    {
        var order = Orders.In(OrderStatus.Paid, FulfilmentMethod.Shipping, _clock);

        order.CanBuyerCancel.Should().BeTrue();
        order.CancelByBuyer("buyer-1", _clock).Should().BeTrue();
        order.Status.Should().Be(OrderStatus.Cancelled);
    }

    [Theory]
    [InlineData(OrderStatus.PendingPayment, "waiting for payment")]
    [InlineData(OrderStatus.Preparing, "already started")]
    [InlineData(OrderStatus.Shipped, "already started")]
    public void A_buyer_cannot_cancel_once_the_seller_has_started_or_before_payment(OrderStatus status, string message)
    {
        var order = Orders.In(status, FulfilmentMethod.Shipping, _clock);

        order.CanBuyerCancel.Should().BeFalse();
        var cancel = () => order.CancelByBuyer("buyer-1", _clock);
        cancel.Should().Throw<DomainException>().WithMessage($"*{message}*");
        order.Status.Should().Be(status);
    }
}
