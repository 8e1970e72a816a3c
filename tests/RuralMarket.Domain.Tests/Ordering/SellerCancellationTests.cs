using Microsoft.Extensions.Time.Testing;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Ordering;

namespace RuralMarket.Domain.Tests.Ordering;

public sealed class SellerCancellationTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(OrderStatus.Paid)]
    [InlineData(OrderStatus.Preparing)]
    public void A_seller_cancels_a_paid_order_with_a_reason_and_a_refund_is_due(OrderStatus status)
    {
        var order = Orders.In(status, FulfilmentMethod.Shipping, _clock);

        order.CancelBySeller("The frost took the crop.", "seller-1", _clock).Should().BeTrue();
        order.Status.Should().Be(OrderStatus.Cancelled);
        order.CancellationReason.Should().Be("The frost took the crop.");
    }

    [Fact]
    public void A_seller_cannot_cancel_an_order_still_waiting_for_payment()
    {
        var order = Orders.In(OrderStatus.PendingPayment, FulfilmentMethod.Shipping, _clock);

        var cancel = () => order.CancelBySeller("Changed my mind.", "seller-1", _clock);

        cancel.Should().Throw<DomainException>().WithMessage("*not paid yet*");
        order.Status.Should().Be(OrderStatus.PendingPayment);
    }
}
