using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Sellers;

namespace RuralMarket.Domain.Tests.Sellers;

public class FulfilmentOptionsTests
{
    private static Money Usd(long cents) => new(cents, "USD");

    [Theory]
    [InlineData(4999, 650)]
    [InlineData(5000, 0)]
    [InlineData(12000, 0)]
    public void Shipping_is_free_from_the_threshold_up(long subtotalCents, long expectedFeeCents)
    {
        Fulfilment.Options(shippingCents: 650, freeOverCents: 5000).ShippingFeeFor(Usd(subtotalCents)).Should().Be(Usd(expectedFeeCents));
    }

    [Fact]
    public void A_zero_threshold_means_shipping_is_never_free()
    {
        Fulfilment.Options(shippingCents: 650, freeOverCents: 0).ShippingFeeFor(Usd(1_000_000)).Should().Be(Usd(650));
    }

    [Fact]
    public void Asking_a_non_shipping_seller_for_a_shipping_fee_is_refused()
    {
        var fee = () => Fulfilment.Options(shipping: false).ShippingFeeFor(Usd(100));

        fee.Should().Throw<DomainException>().WithMessage("This seller does not ship.");
    }

    [Fact]
    public void Fees_in_another_currency_than_the_subtotal_are_refused()
    {
        var fee = () => Fulfilment.Options(freeOverCents: 0).ShippingFeeFor(new Money(100, "EUR"));

        fee.Should().Throw<DomainException>().WithMessage("This seller charges in USD, not EUR.");
    }

    [Theory]
    [InlineData(FulfilmentMethod.Shipping, 650)]
    [InlineData(FulfilmentMethod.LocalDelivery, 300)]
    [InlineData(FulfilmentMethod.Pickup, 0)]
    public void The_delivery_fee_depends_on_the_method(FulfilmentMethod method, long feeCents)
    {
        Fulfilment.Options().DeliveryFeeFor(method, Usd(1000)).Should().Be(Usd(feeCents));
    }

    [Theory]
    [InlineData(FulfilmentMethod.None)]
    [InlineData(FulfilmentMethod.Shipping | FulfilmentMethod.Pickup)]
    public void A_delivery_fee_needs_exactly_one_method(FulfilmentMethod method)
    {
        var fee = () => Fulfilment.Options().DeliveryFeeFor(method, Usd(1000));

        fee.Should().Throw<DomainException>().WithMessage("Choose one way to get this order.");
    }

    [Fact]
    public void Offers_tells_which_methods_the_seller_supports()
    {
        var options = Fulfilment.Options(pickup: true, localDelivery: false, shipping: true);

        options.OfferedMethods.Should().Be(FulfilmentMethod.Pickup | FulfilmentMethod.Shipping);
        options.Offers(FulfilmentMethod.Pickup).Should().BeTrue();
        options.Offers(FulfilmentMethod.LocalDelivery).Should().BeFalse();
        options.Offers(FulfilmentMethod.Pickup | FulfilmentMethod.Shipping).Should().BeTrue();
        options.Offers(FulfilmentMethod.None).Should().BeFalse();
        FluentActions.Invoking(() => options.DeliveryFeeFor(FulfilmentMethod.LocalDelivery, Usd(1)))
            .Should().Throw<DomainException>().WithMessage("This seller does not offer that way*");
    }

    [Fact]
    public void At_least_one_method_must_be_offered()
    {
        var create = () => Fulfilment.Options(pickup: false, localDelivery: false, shipping: false);

        create.Should().Throw<DomainException>().WithMessage("Offer at least one way for buyers to get your goods.");
    }

    [Fact]
    public void Pickup_needs_an_address()
    {
        var create = () => new FulfilmentOptions(true, " ", null, null, false, 0, Usd(0), false, Usd(0), Usd(0));

        create.Should().Throw<DomainException>().WithMessage("Say where buyers pick up their orders.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public void Local_delivery_needs_a_sensible_radius(int radiusKm)
    {
        var create = () => Fulfilment.Options(localDelivery: true, radiusKm: radiusKm);

        create.Should().Throw<DomainException>().WithMessage("A delivery radius must be between*");
    }

    [Fact]
    public void Fees_must_share_a_currency_and_not_be_negative()
    {
        FluentActions.Invoking(() => new FulfilmentOptions(false, null, null, null, true, 10, new Money(1, "EUR"), true, Usd(1), Usd(0)))
            .Should().Throw<DomainException>().WithMessage("*same currency*");
        FluentActions.Invoking(() => Fulfilment.Options(shippingCents: -1))
            .Should().Throw<DomainException>().WithMessage("Fees cannot be negative.");
    }
}
