using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Tests.Catalog;

public class SeasonWindowTests
{
    [Fact]
    public void No_months_means_all_year()
    {
        SeasonWindow.AllYear.IsAllYear.Should().BeTrue();
        Enumerable.Range(1, 12).Should().OnlyContain(m => SeasonWindow.AllYear.Includes(m));
    }

    [Theory]
    [InlineData(6, 8, new[] { 6, 7, 8 })]
    [InlineData(11, 2, new[] { 11, 12, 1, 2 })]
    [InlineData(4, 4, new[] { 4 })]
    [InlineData(1, 12, new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 })]
    public void A_season_includes_its_months_inclusively_and_wraps_over_the_new_year(int start, int end, int[] inSeason)
    {
        var season = new SeasonWindow(start, end);

        Enumerable.Range(1, 12).Where(season.Includes).Should().BeEquivalentTo(inSeason);
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(5, 0)]
    [InlineData(13, 1)]
    [InlineData(1, 13)]
    [InlineData(-1, 3)]
    public void Months_outside_1_to_12_are_refused(int start, int end)
    {
        var create = () => new SeasonWindow(start, end);

        create.Should().Throw<DomainException>();
    }

    [Fact]
    public void Asking_about_month_13_is_refused()
    {
        var ask = () => new SeasonWindow(1, 3).Includes(13);

        ask.Should().Throw<DomainException>();
    }
}
