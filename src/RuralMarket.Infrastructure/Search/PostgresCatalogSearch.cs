using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using RuralMarket.Domain.Catalog;
using RuralMarket.Infrastructure.Data;

namespace RuralMarket.Infrastructure.Search;

/// <summary>
/// PostgreSQL: <c>websearch_to_tsquery('english', …)</c> against the generated, GIN-indexed tsvector (title weighted
/// above description), ranked by <c>ts_rank</c>. The looser try uses pg_trgm word similarity on titles
/// (<c>q &lt;% "Title"</c>, GIN trigram index), which forgives typos anywhere in a word ("tomatoe", "blueberies"),
/// plus the few exact matches by id: OR-ing the tsvector test in instead makes the planner scan the table.
/// </summary>
public sealed class PostgresCatalogSearch(RuralMarketDbContext db, TimeProvider clock) : CatalogSearch(db, clock)
{
    private const string Config = "english";

    protected override IQueryable<ScoredProduct> Match(IQueryable<Product> products, string text, IReadOnlyCollection<Guid>? looselyKeeping)
    {
        const string Vector = PostgresRuralMarketDbContext.ProductSearchVector;
        if (looselyKeeping is null)
        {
            return products
                .Where(p => EF.Property<NpgsqlTsVector>(p, Vector).Matches(EF.Functions.WebSearchToTsQuery(Config, text)))
                .Select(p => new ScoredProduct
                {
                    Product = p,
                    Score = EF.Property<NpgsqlTsVector>(p, Vector).Rank(EF.Functions.WebSearchToTsQuery(Config, text)),
                });
        }

        return products
            .Where(p => EF.Functions.TrigramsAreWordSimilar(text, p.Title) || looselyKeeping.Contains(p.Id))
            .Select(p => new ScoredProduct
            {
                Product = p,
                Score = EF.Property<NpgsqlTsVector>(p, Vector).Rank(EF.Functions.WebSearchToTsQuery(Config, text))
                    + EF.Functions.TrigramsWordSimilarity(text, p.Title),
            });
    }
}
