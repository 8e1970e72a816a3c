using RuralMarket.Infrastructure.Search;

namespace RuralMarket.Infrastructure.Tests.Search;

public sealed class FtsQueryTests
{
    [Theory]
    [InlineData("tomato", "\"tomato\"*")]
    [InlineData("  Raw  MILK ", "\"raw\"* \"milk\"*")]
    [InlineData("\"tomato* OR (", "\"tomato\"* \"or\"*")]
    [InlineData("title:milk NEAR(a b)", "\"title\"* \"milk\"* \"near\"* \"a\"* \"b\"*")]
    [InlineData("crème brûlée", "\"crème\"* \"brûlée\"*")]
    [InlineData("--- *** \"\"", null)]
    [InlineData("", null)]
    public void A_buyers_words_become_quoted_prefix_terms_and_nothing_else(string typed, string? expected)
    {
        FtsQuery.From(typed).Should().Be(expected);
    }

    [Fact]
    public void The_looser_query_shortens_long_words_and_accepts_any_of_them()
    {
        FtsQuery.From("blueberies jam", loosely: true).Should().Be("\"blueber\"* OR \"jam\"*");
        FtsQuery.From("tomatoe", loosely: true).Should().Be("\"tomat\"*");
    }

    [Fact]
    public void At_most_eight_words_are_searched()
    {
        var query = FtsQuery.From(string.Join(' ', Enumerable.Range(1, 30).Select(i => $"w{i}")));

        query!.Split(' ').Should().HaveCount(FtsQuery.MaxTerms);
    }
}
