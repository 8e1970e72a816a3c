using Microsoft.Extensions.Time.Testing;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Ordering;

namespace RuralMarket.Domain.Tests.Ordering;

public class CartTests
{
    private readonly FakeTimeProvider _clock = Clocks.New();
    private readonly Guid _farm = Guid.NewGuid();
    private readonly Guid _bakery = Guid.NewGuid();
    private readonly Guid _eggs = Guid.NewGuid();
    private readonly Guid _bread = Guid.NewGuid();

    [Fact]
    public void Adding_the_same_product_again_adds_to_its_quantity()
    {
        var cart = Cart.ForBuyer("buyer-1", _clock);

        cart.AddItem(_eggs, _farm, 2, _clock);
        _clock.Advance(TimeSpan.FromMinutes(1));
        cart.AddItem(_eggs, _farm, 3, _clock);

        cart.Lines.Should().ContainSingle().Which.Should().BeEquivalentTo(new { ProductId = _eggs, SellerId = _farm, Quantity = 5, AddedAt = Clocks.Start });
        cart.UpdatedAt.Should().Be(Clocks.Start.AddMinutes(1));
        cart.TotalQuantity.Should().Be(5);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100)]
    public void Quantities_outside_1_to_99_are_refused(int quantity)
    {
        var cart = Cart.ForBuyer("buyer-1", _clock);

        var add = () => cart.AddItem(_eggs, _farm, quantity, _clock);

        add.Should().Throw<DomainException>().WithMessage("Choose a quantity from 1 to 99.");
        cart.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Adding_beyond_99_of_one_product_is_refused()
    {
        var cart = Cart.ForBuyer("buyer-1", _clock);
        cart.AddItem(_eggs, _farm, 97, _clock);

        var add = () => cart.AddItem(_eggs, _farm, 3, _clock);

        add.Should().Throw<DomainException>().WithMessage("You can have at most 99 of one product in your cart; you already have 97.");
        cart.Lines[0].Quantity.Should().Be(97);
    }

    [Fact]
    public void A_cart_holds_at_most_fifty_different_products()
    {
        var cart = Cart.ForBuyer("buyer-1", _clock);
        for (var i = 0; i < Cart.MaxLines; i++)
        {
            cart.AddItem(Guid.NewGuid(), _farm, 1, _clock);
        }

        var add = () => cart.AddItem(Guid.NewGuid(), _farm, 1, _clock);

        add.Should().Throw<DomainException>().WithMessage("A cart can hold at most 50 different products.");
    }

    [Fact]
    public void Setting_a_quantity_replaces_it_and_zero_removes_the_line()
    {
        var cart = Cart.ForBuyer("buyer-1", _clock);
        cart.AddItem(_eggs, _farm, 2, _clock);

        cart.SetQuantity(_eggs, 7, _clock);
        cart.Lines[0].Quantity.Should().Be(7);

        cart.SetQuantity(_eggs, 0, _clock);
        cart.IsEmpty.Should().BeTrue();

        FluentActions.Invoking(() => cart.SetQuantity(_eggs, 1, _clock))
            .Should().Throw<DomainException>().WithMessage("That product is no longer in your cart.");
    }

    [Fact]
    public void Removing_a_product_twice_is_harmless()
    {
        var cart = Cart.ForBuyer("buyer-1", _clock);
        cart.AddItem(_eggs, _farm, 2, _clock);
        var version = cart.Version;

        cart.Remove(_eggs, _clock).Should().BeTrue();
        cart.Remove(_eggs, _clock).Should().BeFalse();

        cart.Version.Should().Be(version + 1);
    }

    [Fact]
    public void Fulfilment_is_chosen_per_seller_and_dropped_with_the_sellers_last_product()
    {
        var cart = Cart.ForBuyer("buyer-1", _clock);
        cart.AddItem(_eggs, _farm, 1, _clock);
        cart.AddItem(_bread, _bakery, 1, _clock);

        cart.ChooseFulfilment(_farm, FulfilmentMethod.Pickup, _clock);
        cart.ChooseFulfilment(_farm, FulfilmentMethod.LocalDelivery, _clock);
        cart.ChooseFulfilment(_bakery, FulfilmentMethod.Shipping, _clock);

        cart.SellerIds.Should().BeEquivalentTo([_farm, _bakery]);
        cart.ChosenMethodFor(_farm).Should().Be(FulfilmentMethod.LocalDelivery);
        cart.SellerChoices.Should().HaveCount(2);

        cart.Remove(_eggs, _clock);
        cart.ChosenMethodFor(_farm).Should().Be(FulfilmentMethod.None);
        cart.ChosenMethodFor(_bakery).Should().Be(FulfilmentMethod.Shipping);
    }

    [Fact]
    public void Fulfilment_needs_one_method_and_a_seller_in_the_cart()
    {
        var cart = Cart.ForBuyer("buyer-1", _clock);
        cart.AddItem(_eggs, _farm, 1, _clock);

        FluentActions.Invoking(() => cart.ChooseFulfilment(_farm, FulfilmentMethod.Pickup | FulfilmentMethod.Shipping, _clock))
            .Should().Throw<DomainException>().WithMessage("Choose one way*");
        FluentActions.Invoking(() => cart.ChooseFulfilment(_bakery, FulfilmentMethod.Pickup, _clock))
            .Should().Throw<DomainException>().WithMessage("Your cart has nothing from that seller.");
        cart.SellerChoices.Should().BeEmpty();
    }

    [Fact]
    public void Merging_at_sign_in_adds_quantities_up_to_the_cap_and_keeps_the_buyers_choices()
    {
        var mine = Cart.ForBuyer("buyer-1", _clock);
        mine.AddItem(_eggs, _farm, 60, _clock);
        mine.ChooseFulfilment(_farm, FulfilmentMethod.Pickup, _clock);
        var anonymous = Cart.ForAnonymous("cookie-token", _clock);
        anonymous.AddItem(_eggs, _farm, 50, _clock);
        anonymous.AddItem(_bread, _bakery, 2, _clock);
        anonymous.ChooseFulfilment(_farm, FulfilmentMethod.Shipping, _clock);
        anonymous.ChooseFulfilment(_bakery, FulfilmentMethod.LocalDelivery, _clock);

        mine.MergeFrom(anonymous, _clock);

        mine.Lines.Select(l => (l.ProductId, l.Quantity)).Should().BeEquivalentTo([(_eggs, 99), (_bread, 2)]);
        mine.ChosenMethodFor(_farm).Should().Be(FulfilmentMethod.Pickup);
        mine.ChosenMethodFor(_bakery).Should().Be(FulfilmentMethod.LocalDelivery);
        anonymous.Lines.Should().HaveCount(2, "the caller deletes the anonymous cart");
    }

    [Fact]
    public void Merging_stops_adding_new_products_at_the_line_limit()
    {
        var mine = Cart.ForBuyer("buyer-1", _clock);
        for (var i = 0; i < Cart.MaxLines; i++)
        {
            mine.AddItem(Guid.NewGuid(), _farm, 1, _clock);
        }

        var anonymous = Cart.ForAnonymous("cookie-token", _clock);
        anonymous.AddItem(_bread, _bakery, 1, _clock);
        anonymous.ChooseFulfilment(_bakery, FulfilmentMethod.Pickup, _clock);

        mine.MergeFrom(anonymous, _clock);

        mine.Lines.Should().HaveCount(Cart.MaxLines);
        mine.SellerChoices.Should().BeEmpty();
    }

    [Fact]
    public void An_unpaid_orders_items_are_put_back_without_overriding_what_the_buyer_did_since()
    {
        var cart = Cart.ForBuyer("buyer-1", _clock);
        cart.AddItem(_eggs, _farm, 1, _clock);
        cart.ChooseFulfilment(_farm, FulfilmentMethod.Shipping, _clock);
        var jam = Guid.NewGuid();
        var fromFarm = Order.Create(
            Guid.NewGuid(), _farm, "buyer-1", 1,
            [new OrderLine(_eggs, "Eggs", new Money(450, "USD"), 6), new OrderLine(jam, "Jam", new Money(695, "USD"), 2)],
            FulfilmentMethod.Pickup, new DeliveryDetails("Ada"), new Money(0, "USD"), 1000, _clock);
        var fromBakery = Order.Create(
            Guid.NewGuid(), _bakery, "buyer-1", 2, [new OrderLine(_bread, "Bread", new Money(500, "USD"), 1)],
            FulfilmentMethod.LocalDelivery, new DeliveryDetails("Ada", "4 Mill Road", null, "Millbrook", "VT", "05001", "US"), new Money(400, "USD"), 1000, _clock);

        cart.PutBack(fromFarm, _clock);
        cart.PutBack(fromBakery, _clock);

        cart.Lines.Select(l => (l.ProductId, l.Quantity)).Should().BeEquivalentTo([(_eggs, 1), (jam, 2), (_bread, 1)]);
        cart.ChosenMethodFor(_farm).Should().Be(FulfilmentMethod.Shipping, "the buyer chose shipping since");
        cart.ChosenMethodFor(_bakery).Should().Be(FulfilmentMethod.LocalDelivery);
    }

    [Fact]
    public void A_cart_cannot_merge_into_itself()
    {
        var cart = Cart.ForBuyer("buyer-1", _clock);

        var merge = () => cart.MergeFrom(cart, _clock);

        merge.Should().Throw<DomainException>();
    }

    [Fact]
    public void An_anonymous_cart_can_be_claimed_once_by_a_buyer()
    {
        var cart = Cart.ForAnonymous("cookie-token", _clock);
        cart.AnonymousToken.Should().Be("cookie-token");
        cart.BuyerUserId.Should().BeNull();

        cart.ClaimFor("buyer-1", _clock);

        cart.BuyerUserId.Should().Be("buyer-1");
        cart.AnonymousToken.Should().BeNull();
        FluentActions.Invoking(() => cart.ClaimFor("buyer-2", _clock)).Should().Throw<DomainException>();
    }

    [Fact]
    public void Clearing_empties_lines_and_choices()
    {
        var cart = Cart.ForBuyer("buyer-1", _clock);
        cart.AddItem(_eggs, _farm, 1, _clock);
        cart.ChooseFulfilment(_farm, FulfilmentMethod.Pickup, _clock);

        cart.Clear(_clock);

        cart.IsEmpty.Should().BeTrue();
        cart.SellerChoices.Should().BeEmpty();
    }
}
