using Microsoft.Extensions.Caching.Memory;
using RuralMarket.Infrastructure.Content;

namespace RuralMarket.Web.Pages.Sellers;

/// <summary>A seller's story as the shop page shows it: sanitized HTML and a plain-text summary for the meta description.</summary>
public sealed record SellerStory(string Html, string Summary);

/// <summary>
/// Sanitizing markdown costs far more than reading the row, so each story is rendered once and kept in memory,
/// keyed by the seller, their version and the text itself (an edit, however it was made, is a new key).
/// </summary>
public sealed class SellerStories(IMemoryCache cache)
{
    public const int SummaryLength = 155;

    private static readonly MemoryCacheEntryOptions Entry = new() { SlidingExpiration = TimeSpan.FromMinutes(30) };

    public SellerStory For(Guid sellerId, int version, string story) =>
        cache.GetOrCreate(new Key(sellerId, version, story), _ => new SellerStory(SafeMarkdown.ToHtml(story), SafeMarkdown.ToPlainText(story, SummaryLength)), Entry)!;

    private sealed record Key(Guid SellerId, int Version, string Story);
}
