using Microsoft.Extensions.Time.Testing;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Ordering;
using static RuralMarket.Domain.Tests.Ordering.Orders;

namespace RuralMarket.Domain.Tests.Ordering;

public class OrderCreationAndRefundTests
{
    private readonly FakeTimeProvider _clock = Clocks.New();

    [Fact]
    public void Creating_an_order_totals_the_lines_and_freezes_the_platform_fee()
    {
        var checkoutId = Guid.CreateVersion7();
        var sellerId = Guid.CreateVersion7();

        var order = Order.Create(
            checkoutId,
            sellerId,
            Buyer,
            42,
            [new OrderLine(Guid.CreateVersion7(), "Eggs", Usd(450), 3), new OrderLine(Guid.CreateVersion7(), "Jam", Usd(695), 1)],
            FulfilmentMethod.Shipping,
            Address,
            Usd(650),
            commissionBasisPoints: 850,
            _clock);

        order.Should().BeEquivalentTo(new
        {
            CheckoutId = checkoutId,
            SellerId = sellerId,
            BuyerUserId = Buyer,
            Status = OrderStatus.PendingPayment,
            Subtotal = Usd(2045),
            DeliveryFee = Usd(650),
            Total = Usd(2695),
            PlatformFee = Usd(174),           // 8.5% of 20.45 = 1.73825 → 1.74, on goods only
            RefundedAmount = Usd(0),
            CreatedAt = Clocks.Start,
        });
        order.Lines.Select(l => l.LineTotal).Should().Equal(Usd(1350), Usd(695));
        order.StatusHistory.Should().BeEmpty();
    }

    [Theory]
    [InlineData(5, "RM-000005")]
    [InlineData(123, "RM-000123")]
    [InlineData(999_999, "RM-999999")]
    [InlineData(1_234_567, "RM-1234567")]
    public void The_display_number_has_at_least_six_digits(long number, string expected)
    {
        New(_clock, number: number).DisplayNumber.Should().Be(expected);
    }

    [Fact]
    public void Lines_in_different_currencies_are_refused()
    {
        var create = () => Order.Create(
            Guid.NewGuid(), Guid.NewGuid(), Buyer, 1,
            [new OrderLine(Guid.NewGuid(), "Eggs", Usd(450), 1), new OrderLine(Guid.NewGuid(), "Cheese", new Money(900, "EUR"), 1)],
            FulfilmentMethod.Pickup, PickupPerson, Usd(0), 1000, _clock);

        create.Should().Throw<DomainException>().WithMessage("Cannot combine USD and EUR amounts.");
    }

    [Fact]
    public void A_delivery_fee_in_another_currency_is_refused()
    {
        var create = () => Order.Create(
            Guid.NewGuid(), Guid.NewGuid(), Buyer, 1, [new OrderLine(Guid.NewGuid(), "Eggs", Usd(450), 1)],
            FulfilmentMethod.Shipping, Address, new Money(500, "GBP"), 1000, _clock);

        create.Should().Throw<DomainException>().WithMessage("Cannot combine USD and GBP amounts.");
    }

    [Theory]
    [InlineData(FulfilmentMethod.Pickup, 100, "Pickup orders have no delivery fee.")]
    [InlineData(FulfilmentMethod.Shipping, -1, "A delivery fee cannot be negative.")]
    [InlineData(FulfilmentMethod.None, 0, "Choose one way to get this order.")]
    [InlineData(FulfilmentMethod.Shipping | FulfilmentMethod.Pickup, 0, "Choose one way to get this order.")]
    public void Fulfilment_and_fee_must_make_sense(FulfilmentMethod method, long feeCents, string message)
    {
        var create = () => Order.Create(
            Guid.NewGuid(), Guid.NewGuid(), Buyer, 1, [new OrderLine(Guid.NewGuid(), "Eggs", Usd(450), 1)],
            method, Address, Usd(feeCents), 1000, _clock);

        create.Should().Throw<DomainException>().WithMessage(message);
    }

    [Fact]
    public void An_order_needs_lines_each_product_once_and_a_positive_number()
    {
        var eggs = Guid.NewGuid();
        Order Create(IReadOnlyList<OrderLine> lines, long number = 1) => Order.Create(
            Guid.NewGuid(), Guid.NewGuid(), Buyer, number, lines, FulfilmentMethod.Pickup, PickupPerson, Usd(0), 1000, _clock);

        FluentActions.Invoking(() => Create([])).Should().Throw<DomainException>().WithMessage("An order needs at least one product.");
        FluentActions.Invoking(() => Create([new(eggs, "Eggs", Usd(1), 1), new(eggs, "Eggs", Usd(1), 2)]))
            .Should().Throw<DomainException>().WithMessage("Each product can appear only once in an order.");
        FluentActions.Invoking(() => Create([new(eggs, "Eggs", Usd(1), 1)], number: 0))
            .Should().Throw<DomainException>().WithMessage("An order number must be positive.");
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(-100, 1)]
    public void Order_lines_need_a_positive_price_and_quantity(int quantity, long priceCents)
    {
        var line = () => new OrderLine(Guid.NewGuid(), "Eggs", Usd(priceCents), quantity);

        line.Should().Throw<DomainException>();
    }

    [Fact]
    public void Shipping_needs_a_full_address_but_pickup_only_a_name()
    {
        Order Create(FulfilmentMethod method, DeliveryDetails delivery) => Order.Create(
            Guid.NewGuid(), Guid.NewGuid(), Buyer, 1, [new OrderLine(Guid.NewGuid(), "Eggs", Usd(450), 1)], method, delivery, Usd(0), 1000, _clock);

        FluentActions.Invoking(() => Create(FulfilmentMethod.Shipping, Address with { Line1 = " " }))
            .Should().Throw<DomainException>().WithMessage("The first address line is required.");
        FluentActions.Invoking(() => Create(FulfilmentMethod.Shipping, Address with { CountryCode = null }))
            .Should().Throw<DomainException>().WithMessage("A country code must be two letters*");
        FluentActions.Invoking(() => Create(FulfilmentMethod.LocalDelivery, Address with { Town = null }))
            .Should().Throw<DomainException>().WithMessage("The town is required.");
        FluentActions.Invoking(() => Create(FulfilmentMethod.Pickup, new DeliveryDetails("")))
            .Should().Throw<DomainException>().WithMessage("The recipient's name is required.");

        Create(FulfilmentMethod.Pickup, new DeliveryDetails(" Ada ")).Delivery.Should().Be(new DeliveryDetails("Ada"));
        Create(FulfilmentMethod.Shipping, Address with { CountryCode = "gb", Line2 = "" }).Delivery.Should().Be(Address with { CountryCode = "GB", Line2 = null });
    }

    [Fact]
    public void Partial_refunds_add_up_and_a_full_refund_marks_the_order_fully_refunded()
    {
        var order = Orders.In(OrderStatus.Delivered, FulfilmentMethod.Shipping, _clock);
        var total = order.Total;

        order.RecordRefund(Usd(500));
        order.RefundedAmount.Should().Be(Usd(500));
        order.IsFullyRefunded.Should().BeFalse();
        order.RefundableAmount.Should().Be(total - Usd(500));

        order.RecordRefund(total - Usd(500));
        order.RefundedAmount.Should().Be(total);
        order.IsFullyRefunded.Should().BeTrue();
        order.CanRefund.Should().BeFalse();
    }

    [Fact]
    public void A_refund_beyond_what_was_paid_is_refused()
    {
        var order = Orders.In(OrderStatus.Completed, FulfilmentMethod.Shipping, _clock);
        order.RecordRefund(Usd(100));

        var refund = () => order.RecordRefund(order.Total);

        refund.Should().Throw<DomainException>().WithMessage("At most $25.00 can still be refunded.");
        order.RefundedAmount.Should().Be(Usd(100));
    }

    [Fact]
    public void A_refund_in_another_currency_or_of_nothing_is_refused()
    {
        var order = Orders.In(OrderStatus.Paid, FulfilmentMethod.Shipping, _clock);

        FluentActions.Invoking(() => order.RecordRefund(new Money(100, "EUR")))
            .Should().Throw<DomainException>().WithMessage("Refunds for this order must be in USD.");
        FluentActions.Invoking(() => order.RecordRefund(Usd(0)))
            .Should().Throw<DomainException>().WithMessage("A refund must be more than zero.");
        FluentActions.Invoking(() => order.RecordRefund(Usd(-5)))
            .Should().Throw<DomainException>().WithMessage("A refund must be more than zero.");
    }

    [Fact]
    public void An_unpaid_order_cannot_be_refunded()
    {
        var order = Orders.New(_clock);

        var refund = () => order.RecordRefund(Usd(100));

        refund.Should().Throw<DomainException>().WithMessage("Nothing has been paid for this order*");
        order.RefundableAmount.Should().Be(Usd(0));
    }
}
