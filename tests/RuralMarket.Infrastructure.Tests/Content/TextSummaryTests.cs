using RuralMarket.Infrastructure.Content;

namespace RuralMarket.Infrastructure.Tests.Content;

public class TextSummaryTests
{
    [Fact]
    public void Short_text_comes_back_on_one_line()
    {
        TextSummary.Of("Raw milk cheese.\n\n  Aged   nine months.", 120).Should().Be("Raw milk cheese. Aged nine months.");
    }

    [Fact]
    public void Long_text_is_cut_at_a_word_with_an_ellipsis()
    {
        var summary = TextSummary.Of("Our Jersey cows graze the river meadows from April to October, and their milk becomes butter.", 40);

        summary.Should().Be("Our Jersey cows graze the river meadows…");
        summary.Length.Should().BeLessThanOrEqualTo(40);
    }

    [Fact]
    public void A_single_long_word_is_cut_inside_it()
    {
        TextSummary.Of(new string('a', 50), 10).Should().Be("aaaaaaaaa…");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public void Nothing_gives_nothing(string? text)
    {
        TextSummary.Of(text, 10).Should().BeEmpty();
    }

    [Fact]
    public void Markdown_is_read_as_plain_words_before_it_is_summarized()
    {
        SafeMarkdown.ToPlainText("## Our farm\n\nWe keep **bees**.", 120).Should().Be("Our farm We keep bees.");
    }
}
