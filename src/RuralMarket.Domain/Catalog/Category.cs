namespace RuralMarket.Domain.Catalog;

/// <summary>A fixed, seeded list: ids are stable because URLs and products refer to them.</summary>
public sealed class Category
{
    public static readonly IReadOnlyList<Category> All =
    [
        new(1, "produce", "Produce", 1),
        new(2, "meat-eggs", "Meat & eggs", 2),
        new(3, "dairy", "Dairy", 3),
        new(4, "honey-preserves", "Honey & preserves", 4),
        new(5, "baked-goods", "Baked goods", 5),
        new(6, "crafts", "Crafts", 6),
        new(7, "home-garden", "Home & garden", 7),
        new(8, "plants-seeds", "Plants & seeds", 8),
        new(9, "farm-stays-experiences", "Farm stays & experiences", 9),
    ];

    private Category(int id, string slug, string name, int sortOrder)
    {
        Id = id;
        Slug = slug;
        Name = name;
        SortOrder = sortOrder;
    }

    public int Id { get; private set; }

    public string Slug { get; private set; }

    public string Name { get; private set; }

    public int SortOrder { get; private set; }

    public static bool Exists(int id) => All.Any(c => c.Id == id);

    public static Category? FindBySlug(string slug) => All.FirstOrDefault(c => c.Slug == slug);
}
