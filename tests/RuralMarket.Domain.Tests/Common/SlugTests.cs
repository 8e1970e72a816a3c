using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Tests.Common;

public class SlugTests
{
    [Theory]
    [InlineData("Hilltop Farm", "hilltop-farm")]
    [InlineData("  Crème Brûlée & Co.  ", "creme-brulee-co")]
    [InlineData("Ann's Honey", "anns-honey")]
    [InlineData("Große Straße", "grosse-strasse")]
    [InlineData("Smørrebrød Æbler", "smorrebrod-aebler")]
    [InlineData("Eggs -- 12 per box!!", "eggs-12-per-box")]
    [InlineData("ÉTÉ 2026", "ete-2026")]
    public void A_slug_is_lower_case_ascii_words_joined_by_hyphens(string text, string expected)
    {
        Slug.From(text).Should().Be(expected);
        Slug.IsValid(expected).Should().BeTrue();
    }

    [Fact]
    public void A_slug_is_cut_to_80_characters_without_a_trailing_hyphen()
    {
        var text = string.Concat(Enumerable.Repeat("abcdefghi ", 10));

        var slug = Slug.From(text);

        slug.Length.Should().BeLessThanOrEqualTo(Slug.MaxLength);
        slug.Should().NotEndWith("-").And.StartWith("abcdefghi-abcdefghi");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ---")]
    [InlineData("日本の茶")]
    public void Text_without_latin_letters_or_digits_cannot_make_a_slug(string text)
    {
        var make = () => Slug.From(text);

        make.Should().Throw<DomainException>().WithMessage("*at least one letter or digit*");
    }

    [Theory]
    [InlineData("Hilltop")]
    [InlineData("-hilltop")]
    [InlineData("hilltop-")]
    [InlineData("hill--top")]
    [InlineData("hill top")]
    [InlineData("")]
    [InlineData(null)]
    public void Malformed_slugs_are_not_valid(string? slug)
    {
        Slug.IsValid(slug).Should().BeFalse();
    }
}
