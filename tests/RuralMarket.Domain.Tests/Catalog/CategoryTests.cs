using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Tests.Catalog;

public class CategoryTests
{
    [Fact]
    public void The_nine_seeded_categories_have_stable_ids_in_order()
    {
        Category.All.Select(c => (c.Id, c.Name)).Should().Equal(
            (1, "Produce"),
            (2, "Meat & eggs"),
            (3, "Dairy"),
            (4, "Honey & preserves"),
            (5, "Baked goods"),
            (6, "Crafts"),
            (7, "Home & garden"),
            (8, "Plants & seeds"),
            (9, "Farm stays & experiences"));
        Category.All.Select(c => c.SortOrder).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void Category_slugs_are_the_slugs_of_their_names()
    {
        Category.All.Should().OnlyContain(c => c.Slug == Slug.From(c.Name));
        Category.FindBySlug("meat-eggs")!.Id.Should().Be(2);
        Category.FindBySlug("nonsense").Should().BeNull();
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(9, true)]
    [InlineData(10, false)]
    public void Only_seeded_category_ids_exist(int id, bool exists)
    {
        Category.Exists(id).Should().Be(exists);
    }
}
