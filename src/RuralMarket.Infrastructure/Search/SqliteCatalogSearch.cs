using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Infrastructure.Data;

namespace RuralMarket.Infrastructure.Search;

/// <summary>
/// SQLite: the FTS5 table <c>ProductSearch</c> (porter stemming, external content on <c>Products.rowid</c>), ranked by
/// <c>bm25()</c> with titles weighted 10:1 over descriptions. The buyer's words become quoted prefix terms
/// (<see cref="FtsQuery"/>), never raw FTS5 syntax. SQLite has no trigram similarity here, so the looser try
/// shortens each word to a prefix and accepts any word: it forgives a wrong ending ("blueberies", "tomatoe"),
/// not a typo near the start of a word — PostgreSQL's trigram match forgives both.
/// </summary>
public sealed class SqliteCatalogSearch(RuralMarketDbContext db, TimeProvider clock) : CatalogSearch(db, clock)
{
    protected override IQueryable<ScoredProduct> Match(IQueryable<Product> products, string text, IReadOnlyCollection<Guid>? looselyKeeping)
    {
        // The looser FTS query (shorter prefixes, any word) already matches everything the exact one did.
        var expression = FtsQuery.From(text, loosely: looselyKeeping is not null);
        if (expression is null)
        {
            return products.Where(p => false).Select(p => new ScoredProduct { Product = p, Score = 0 });
        }

        var hits = Db.Database.SqlQuery<FtsHit>($"""
            SELECT p."Id" AS "ProductId", bm25("ProductSearch", 10.0, 1.0) AS "Rank"
            FROM "ProductSearch" JOIN "Products" AS p ON p.rowid = "ProductSearch".rowid
            WHERE "ProductSearch" MATCH {expression}
            """);
        // bm25: lower is better.
        return products.Join(hits, p => p.Id, h => h.ProductId, (p, h) => new ScoredProduct { Product = p, Score = -h.Rank });
    }
}

public sealed class FtsHit
{
    public Guid ProductId { get; init; }

    public double Rank { get; init; }
}
