using Microsoft.Extensions.Time.Testing;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Tests.Catalog;

public class ProductTests
{
    private readonly FakeTimeProvider _clock = Clocks.New();

    public enum ProductAction
    {
        Publish,
        Unpublish,
        Archive,
        Unarchive,
    }

    private static readonly Dictionary<(ProductStatus, ProductAction), ProductStatus> Legal = new()
    {
        [(ProductStatus.Draft, ProductAction.Publish)] = ProductStatus.Active,
        [(ProductStatus.Draft, ProductAction.Archive)] = ProductStatus.Archived,
        [(ProductStatus.Active, ProductAction.Unpublish)] = ProductStatus.Draft,
        [(ProductStatus.Active, ProductAction.Archive)] = ProductStatus.Archived,
        [(ProductStatus.Archived, ProductAction.Unarchive)] = ProductStatus.Draft,
    };

    public static TheoryData<ProductStatus, ProductAction> EveryStatusAndAction()
    {
        var data = new TheoryData<ProductStatus, ProductAction>();
        foreach (var status in Enum.GetValues<ProductStatus>())
        {
            foreach (var action in Enum.GetValues<ProductAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Fact]
    public void A_new_product_is_a_visible_draft_with_a_slug_from_its_title()
    {
        var product = NewProduct(title: "Free-range Eggs (Dozen)");

        product.Status.Should().Be(ProductStatus.Draft);
        product.Moderation.Should().Be(ModerationState.Visible);
        product.Slug.Should().Be("free-range-eggs-dozen");
        product.Id.Should().NotBeEmpty();
        product.CreatedAt.Should().Be(Clocks.Start);
        product.UpdatedAt.Should().Be(Clocks.Start);
        product.IsBuyable.Should().BeFalse("drafts are not for sale");
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndAction))]
    public void Status_moves_follow_the_product_lifecycle(ProductStatus from, ProductAction action)
    {
        var product = ProductIn(from);
        var version = product.Version;
        var allowed = CanDo(product, action);

        var act = () => Do(product, action);

        if (Legal.TryGetValue((from, action), out var to))
        {
            allowed.Should().BeTrue();
            act();
            product.Status.Should().Be(to);
            product.Version.Should().Be(version + 1);
        }
        else
        {
            allowed.Should().BeFalse();
            act.Should().Throw<DomainException>();
            product.Status.Should().Be(from);
            product.Version.Should().Be(version);
        }
    }

    [Fact]
    public void Publishing_an_archived_product_says_to_restore_it_first()
    {
        var product = ProductIn(ProductStatus.Archived);

        var publish = () => product.Publish(_clock);

        publish.Should().Throw<DomainException>().WithMessage("Restore this archived product to a draft before publishing it.");
    }

    [Fact]
    public void A_product_is_buyable_only_when_active_visible_and_in_stock()
    {
        var product = ProductIn(ProductStatus.Active);
        product.IsBuyable.Should().BeTrue();

        product.SetStock(0, _clock);
        product.IsBuyable.Should().BeFalse();

        product.SetStock(3, _clock);
        product.Hide("Photos show a different product", _clock);
        product.IsBuyable.Should().BeFalse();

        product.Restore(_clock);
        product.IsBuyable.Should().BeTrue();
    }

    [Fact]
    public void Hiding_needs_a_reason_and_restoring_clears_it()
    {
        var product = NewProduct();

        FluentActions.Invoking(() => product.Hide("  ", _clock)).Should().Throw<DomainException>().WithMessage("A reason*required*");

        product.Hide("Counterfeit brand", _clock);
        product.Moderation.Should().Be(ModerationState.Hidden);
        product.HiddenReason.Should().Be("Counterfeit brand");

        product.Restore(_clock);
        product.Moderation.Should().Be(ModerationState.Visible);
        product.HiddenReason.Should().BeNull();
    }

    [Fact]
    public void Hiding_a_hidden_product_or_restoring_a_visible_one_is_refused()
    {
        var product = NewProduct();

        FluentActions.Invoking(() => product.Restore(_clock)).Should().Throw<DomainException>().WithMessage("This product is not hidden.");
        product.Hide("Spam", _clock);
        FluentActions.Invoking(() => product.Hide("Again", _clock)).Should().Throw<DomainException>().WithMessage("This product is already hidden.");
        product.HiddenReason.Should().Be("Spam");
    }

    [Fact]
    public void A_hidden_product_can_be_appealed_once_per_takedown()
    {
        var product = NewProduct();
        FluentActions.Invoking(() => product.AppealTakedown("Fixed it", _clock)).Should().Throw<DomainException>().WithMessage("Only a product a moderator has hidden*");

        product.Hide("Photos show a different product", _clock);
        FluentActions.Invoking(() => product.AppealTakedown("   ", _clock)).Should().Throw<DomainException>().WithMessage("A note for the moderator is required.");
        FluentActions.Invoking(() => product.AppealTakedown(new string('x', Appeals.MaxNoteLength + 1), _clock)).Should().Throw<DomainException>();
        product.Appeal.Should().Be(AppealStatus.None);

        product.AppealTakedown("  New photos of our own eggs  ", _clock);
        product.Appeal.Should().Be(AppealStatus.Pending);
        product.AppealNote.Should().Be("New photos of our own eggs");
        product.AppealedAt.Should().Be(_clock.GetUtcNow().UtcDateTime);
        product.Moderation.Should().Be(ModerationState.Hidden, "an appeal does not restore anything by itself");
        FluentActions.Invoking(() => product.AppealTakedown("Again", _clock)).Should().Throw<DomainException>().WithMessage("You have already asked for a review*");

        FluentActions.Invoking(() => product.RefuseAppeal(" ", _clock)).Should().Throw<DomainException>().WithMessage("A reason for keeping it hidden is required.");
        product.RefuseAppeal("The photos are still stock images", _clock);
        product.Appeal.Should().Be(AppealStatus.Refused);
        product.HiddenReason.Should().Be("The photos are still stock images");
        product.Moderation.Should().Be(ModerationState.Hidden);
        FluentActions.Invoking(() => product.AppealTakedown("Please", _clock)).Should().Throw<DomainException>().WithMessage("You have already appealed once*");
        FluentActions.Invoking(() => product.RefuseAppeal("Again", _clock)).Should().Throw<DomainException>().WithMessage("There is no appeal waiting*");
    }

    [Fact]
    public void Restoring_or_hiding_again_starts_a_fresh_appeal()
    {
        var product = NewProduct();
        product.Hide("Misleading title", _clock);
        product.AppealTakedown("Changed the title", _clock);

        product.Restore(_clock);
        product.Appeal.Should().Be(AppealStatus.None);
        product.AppealNote.Should().BeNull();
        product.AppealedAt.Should().BeNull();

        product.Hide("Misleading again", _clock);
        product.AppealTakedown("Changed it back", _clock);
        product.Appeal.Should().Be(AppealStatus.Pending);
    }

    [Fact]
    public void Stock_can_be_set_and_adjusted_but_never_goes_negative()
    {
        var product = NewProduct(stock: 5);

        product.AdjustStock(-5, _clock);
        product.Stock.Should().Be(0);
        product.AdjustStock(12, _clock);
        product.Stock.Should().Be(12);

        FluentActions.Invoking(() => product.AdjustStock(-13, _clock)).Should().Throw<DomainException>().WithMessage("Only 12 in stock*");
        FluentActions.Invoking(() => product.SetStock(-1, _clock)).Should().Throw<DomainException>();
        product.Stock.Should().Be(12);
    }

    [Fact]
    public void A_product_cannot_be_created_with_negative_stock()
    {
        var create = () => NewProduct(stock: -1);

        create.Should().Throw<DomainException>().WithMessage("Stock cannot be negative.");
    }

    [Fact]
    public void Every_change_bumps_the_version_and_the_update_time()
    {
        var product = NewProduct();
        var version = product.Version;
        _clock.Advance(TimeSpan.FromMinutes(5));

        product.SetStock(9, _clock);

        product.Version.Should().Be(version + 1);
        product.UpdatedAt.Should().Be(Clocks.Start.AddMinutes(5));
        product.CreatedAt.Should().Be(Clocks.Start);
    }

    [Theory]
    [InlineData(0, 500, FulfilmentMethod.Pickup, "Choose one of the listed categories.")]
    [InlineData(10, 500, FulfilmentMethod.Pickup, "Choose one of the listed categories.")]
    [InlineData(2, 0, FulfilmentMethod.Pickup, "A price must be more than zero.")]
    [InlineData(2, -5, FulfilmentMethod.Pickup, "A price must be more than zero.")]
    [InlineData(2, 500, FulfilmentMethod.None, "Choose at least one way*")]
    [InlineData(2, 500, (FulfilmentMethod)8, "Choose at least one way*")]
    public void Invalid_product_details_are_refused(int categoryId, long priceCents, FulfilmentMethod methods, string message)
    {
        var create = () => Product.Create(
            Guid.NewGuid(), "Eggs", null, categoryId, new Money(priceCents, "USD"), "per dozen", 1, methods, true, SeasonWindow.AllYear, _clock);

        create.Should().Throw<DomainException>().WithMessage(message);
    }

    [Fact]
    public void A_title_is_required_and_limited_in_length()
    {
        FluentActions.Invoking(() => NewProduct(title: " ")).Should().Throw<DomainException>().WithMessage("A title is required.");
        FluentActions.Invoking(() => NewProduct(title: new string('a', 121))).Should().Throw<DomainException>().WithMessage("A title must be at most 120 characters.");
    }

    [Fact]
    public void Updating_details_keeps_the_slug_so_links_keep_working()
    {
        var product = NewProduct(title: "Eggs");

        product.Update("Duck eggs", "Big ones", 2, new Money(800, "USD"), "per half dozen", FulfilmentMethod.Shipping | FulfilmentMethod.Pickup, false, new SeasonWindow(3, 9), _clock);

        product.Title.Should().Be("Duck eggs");
        product.Slug.Should().Be("eggs");
        product.AllowedFulfilment.Should().Be(FulfilmentMethod.Shipping | FulfilmentMethod.Pickup);
        product.IsInSeason(10).Should().BeFalse();
        product.IsInSeason(3).Should().BeTrue();

        product.ChangeSlug("Duck Eggs 2", _clock);
        product.Slug.Should().Be("duck-eggs-2");
    }

    [Fact]
    public void Images_keep_their_order_through_adds_removes_and_reorders()
    {
        var product = NewProduct();
        var a = product.AddImage("img/a.jpg", "Eggs in a basket", _clock);
        var b = product.AddImage("img/b.jpg", "Hens in the yard", _clock);
        var c = product.AddImage("img/c.jpg", "The farm gate", _clock);

        product.ReorderImages([c.Id, a.Id, b.Id], _clock);
        product.Images.OrderBy(i => i.SortOrder).Select(i => i.StorageKey).Should().Equal("img/c.jpg", "img/a.jpg", "img/b.jpg");

        product.RemoveImage(c.Id, _clock);
        product.Images.OrderBy(i => i.SortOrder).Select(i => (i.StorageKey, i.SortOrder)).Should().Equal(("img/a.jpg", 0), ("img/b.jpg", 1));
    }

    [Fact]
    public void A_reorder_that_misses_or_repeats_an_image_changes_nothing()
    {
        var product = NewProduct();
        var a = product.AddImage("img/a.jpg", "A", _clock);
        var b = product.AddImage("img/b.jpg", "B", _clock);

        FluentActions.Invoking(() => product.ReorderImages([b.Id], _clock)).Should().Throw<DomainException>();
        FluentActions.Invoking(() => product.ReorderImages([b.Id, b.Id], _clock)).Should().Throw<DomainException>();
        FluentActions.Invoking(() => product.ReorderImages([b.Id, Guid.NewGuid()], _clock)).Should().Throw<DomainException>();

        product.Images.Select(i => (i.Id, i.SortOrder)).Should().Equal((a.Id, 0), (b.Id, 1));
    }

    [Fact]
    public void Images_need_alt_text_and_are_limited_to_ten()
    {
        var product = NewProduct();

        FluentActions.Invoking(() => product.AddImage("img/x.jpg", "", _clock)).Should().Throw<DomainException>().WithMessage("A description of the image is required.");
        for (var i = 0; i < Product.MaxImages; i++)
        {
            product.AddImage($"img/{i}.jpg", $"Picture {i}", _clock);
        }

        FluentActions.Invoking(() => product.AddImage("img/11.jpg", "One too many", _clock)).Should().Throw<DomainException>().WithMessage("*at most 10 images*");
        FluentActions.Invoking(() => product.RemoveImage(Guid.NewGuid(), _clock)).Should().Throw<DomainException>().WithMessage("That image is not on this product.");
    }

    private Product NewProduct(string title = "Free-range eggs", int stock = 10) =>
        Product.Create(
            Guid.CreateVersion7(),
            title,
            "Laid this morning.",
            2,
            new Money(450, "USD"),
            "per dozen",
            stock,
            FulfilmentMethod.Pickup,
            isPerishable: true,
            SeasonWindow.AllYear,
            _clock);

    private Product ProductIn(ProductStatus status)
    {
        var product = NewProduct();
        if (status == ProductStatus.Active)
        {
            product.Publish(_clock);
        }
        else if (status == ProductStatus.Archived)
        {
            product.Archive(_clock);
        }

        return product;
    }

    private void Do(Product product, ProductAction action)
    {
        switch (action)
        {
            case ProductAction.Publish: product.Publish(_clock); break;
            case ProductAction.Unpublish: product.Unpublish(_clock); break;
            case ProductAction.Archive: product.Archive(_clock); break;
            case ProductAction.Unarchive: product.Unarchive(_clock); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    private static bool CanDo(Product product, ProductAction action) => action switch
    {
        ProductAction.Publish => product.CanPublish,
        ProductAction.Unpublish => product.CanUnpublish,
        ProductAction.Archive => product.CanArchive,
        ProductAction.Unarchive => product.CanUnarchive,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
