using System.Globalization;
using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Tests.Common;

public class MoneyTests
{
    private static Money Usd(long cents) => new(cents, "USD");

    [Fact]
    public void Currency_codes_are_stored_upper_case()
    {
        new Money(100, " usd ").Currency.Should().Be("USD");
        new Money(100, "usd").Should().Be(Usd(100));
    }

    [Theory]
    [InlineData("")]
    [InlineData("US")]
    [InlineData("USDX")]
    [InlineData("U$D")]
    [InlineData("ÜSD")]
    public void A_currency_that_is_not_three_letters_is_refused(string currency)
    {
        var create = () => new Money(100, currency);

        create.Should().Throw<DomainException>().WithMessage("*not a currency code*");
    }

    [Fact]
    public void Adding_and_subtracting_the_same_currency_works_in_minor_units()
    {
        (Usd(1250) + Usd(75)).Should().Be(Usd(1325));
        (Usd(1250) - Usd(1300)).Should().Be(Usd(-50));
    }

    [Fact]
    public void Adding_different_currencies_is_refused()
    {
        var add = () => Usd(100) + new Money(100, "EUR");

        add.Should().Throw<DomainException>().WithMessage("Cannot combine USD and EUR amounts.");
    }

    [Fact]
    public void Subtracting_and_comparing_different_currencies_are_refused()
    {
        var euros = new Money(100, "EUR");

        FluentActions.Invoking(() => Usd(100) - euros).Should().Throw<DomainException>();
        FluentActions.Invoking(() => Usd(100) < euros).Should().Throw<DomainException>();
        FluentActions.Invoking(() => Money.Max(Usd(100), euros)).Should().Throw<DomainException>();
    }

    [Fact]
    public void Amounts_compare_by_value()
    {
        (Usd(100) < Usd(101)).Should().BeTrue();
        (Usd(101) > Usd(100)).Should().BeTrue();
        (Usd(100) <= Usd(100)).Should().BeTrue();
        (Usd(100) >= Usd(101)).Should().BeFalse();
        Money.Max(Usd(5), Usd(7)).Should().Be(Usd(7));
        Money.Min(Usd(5), Usd(7)).Should().Be(Usd(5));
    }

    [Fact]
    public void Times_multiplies_a_unit_price_by_a_quantity()
    {
        Usd(1250).Times(3).Should().Be(Usd(3750));
        Usd(1250).Times(0).IsZero.Should().BeTrue();
    }

    [Fact]
    public void Sign_helpers_describe_the_amount()
    {
        Usd(0).IsZero.Should().BeTrue();
        Usd(-1).IsNegative.Should().BeTrue();
        Usd(1).IsPositive.Should().BeTrue();
        Usd(1).IsNegative.Should().BeFalse();
    }

    [Theory]
    [InlineData("JPY", true, 0)]
    [InlineData("jpy", true, 0)]
    [InlineData("KRW", true, 0)]
    [InlineData("XOF", true, 0)]
    [InlineData("CLP", true, 0)]
    [InlineData("USD", false, 2)]
    [InlineData("EUR", false, 2)]
    [InlineData("KES", false, 2)]
    [InlineData("KWD", false, 3)]
    public void Each_currency_knows_its_minor_units(string currency, bool zeroDecimal, int places)
    {
        Money.IsZeroDecimal(currency).Should().Be(zeroDecimal);
        Money.Zero(currency).DecimalPlaces.Should().Be(places);
    }

    [Fact]
    public void Every_listed_zero_decimal_currency_has_no_minor_unit()
    {
        string[] codes = ["BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"];

        codes.Should().OnlyContain(code => Money.IsZeroDecimal(code) && Money.FromMajor(1200m, code).Amount == 1200);
    }

    [Theory]
    [InlineData("12.5", "USD", 1250)]
    [InlineData("12.50", "USD", 1250)]
    [InlineData("0.01", "USD", 1)]
    [InlineData("-3", "EUR", -300)]
    [InlineData("1200", "JPY", 1200)]
    [InlineData("1.234", "KWD", 1234)]
    public void FromMajor_converts_to_minor_units(string major, string currency, long minor)
    {
        Money.FromMajor(decimal.Parse(major, CultureInfo.InvariantCulture), currency).Should().Be(new Money(minor, currency));
    }

    [Theory]
    [InlineData("12.345", "USD", "USD amounts can have at most 2 decimal places.")]
    [InlineData("0.001", "EUR", "EUR amounts can have at most 2 decimal places.")]
    [InlineData("1200.5", "JPY", "JPY amounts cannot have a fractional part.")]
    [InlineData("1.2345", "KWD", "KWD amounts can have at most 3 decimal places.")]
    public void FromMajor_refuses_more_precision_than_the_currency_has(string major, string currency, string message)
    {
        var convert = () => Money.FromMajor(decimal.Parse(major, CultureInfo.InvariantCulture), currency);

        convert.Should().Throw<DomainException>().WithMessage(message);
    }

    [Fact]
    public void FromMajor_refuses_amounts_too_large_to_hold()
    {
        var convert = () => Money.FromMajor(decimal.MaxValue / 10, "USD");

        convert.Should().Throw<DomainException>().WithMessage("That amount is too large.");
    }

    [Fact]
    public void ToMajor_gives_the_amount_in_whole_units()
    {
        Usd(1250).ToMajor().Should().Be(12.5m);
        new Money(1200, "JPY").ToMajor().Should().Be(1200m);
        new Money(-5, "KWD").ToMajor().Should().Be(-0.005m);
    }

    [Theory]
    [InlineData(1250, "USD", "USD 12.50")]
    [InlineData(-5, "USD", "USD -0.05")]
    [InlineData(1200, "JPY", "JPY 1200")]
    [InlineData(1234, "KWD", "KWD 1.234")]
    public void ToString_shows_the_code_and_every_decimal_place(long amount, string currency, string expected)
    {
        new Money(amount, currency).ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData(1250, "USD", "$12.50")]
    [InlineData(1200, "JPY", "¥1200")]
    [InlineData(300, "EUR", "€3.00")]
    [InlineData(999, "GBP", "£9.99")]
    [InlineData(-1250, "USD", "-$12.50")]
    [InlineData(12000, "KES", "KES 120.00")]
    public void Format_uses_a_symbol_for_common_currencies(long amount, string currency, string expected)
    {
        new Money(amount, currency).Format().Should().Be(expected);
    }

    [Fact]
    public void Format_does_not_depend_on_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Usd(123456).Format().Should().Be("$1234.56");
            Usd(123456).ToString().Should().Be("USD 1234.56");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(10_000, 1_000, 1_000)]   // 10% of $100.00
    [InlineData(1_005, 1_000, 101)]      // 100.5 cents rounds up
    [InlineData(1_004, 1_000, 100)]      // 100.4 cents rounds down
    [InlineData(1_015, 1_000, 102)]      // 101.5 rounds up, not to even
    [InlineData(50, 100, 1)]             // 0.5 cents rounds up
    [InlineData(49, 100, 0)]             // 0.49 cents rounds down
    [InlineData(3, 5_000, 2)]            // 1.5 rounds up
    [InlineData(1_999, 0, 0)]
    [InlineData(1_999, 10_000, 1_999)]
    [InlineData(-1_005, 1_000, -101)]    // refunds round symmetrically
    public void Commission_is_rounded_half_up_to_a_minor_unit(long amount, int basisPoints, long expected)
    {
        Usd(amount).CommissionFor(basisPoints).Should().Be(Usd(expected));
    }

    [Fact]
    public void Commission_works_on_the_largest_amounts_without_overflow()
    {
        Usd(long.MaxValue).CommissionFor(10_000).Should().Be(Usd(long.MaxValue));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10_001)]
    public void Commission_rates_outside_0_to_100_percent_are_refused(int basisPoints)
    {
        var commission = () => Usd(1000).CommissionFor(basisPoints);

        commission.Should().Throw<DomainException>();
    }

    [Theory]
    [InlineData(100, new long[] { 1, 1, 1 }, new long[] { 34, 33, 33 })]
    [InlineData(101, new long[] { 1, 1, 1 }, new long[] { 34, 34, 33 })]
    [InlineData(5, new long[] { 3, 7 }, new long[] { 2, 3 })]           // 1.5 | 3.5: tie goes to the earlier part
    [InlineData(10, new long[] { 1, 2, 7 }, new long[] { 1, 2, 7 })]
    [InlineData(7, new long[] { 1, 0, 1 }, new long[] { 4, 0, 3 })]
    [InlineData(2, new long[] { 1, 1, 1 }, new long[] { 1, 1, 0 })]
    [InlineData(1000, new long[] { 333, 333, 334 }, new long[] { 333, 333, 334 })]
    [InlineData(100, new long[] { 1, 8 }, new long[] { 11, 89 })]      // 11.1 | 88.9: the larger remainder wins
    [InlineData(-100, new long[] { 1, 1, 1 }, new long[] { -34, -33, -33 })]
    [InlineData(0, new long[] { 1, 2 }, new long[] { 0, 0 })]
    public void Allocate_splits_by_largest_remainder(long amount, long[] weights, long[] expected)
    {
        var parts = Usd(amount).Allocate(weights);

        parts.Select(p => p.Amount).Should().Equal(expected);
        parts.Should().OnlyContain(p => p.Currency == "USD");
    }

    [Fact]
    public void Allocated_parts_always_add_up_to_the_amount()
    {
        var random = new Random(20261114);
        for (var run = 0; run < 500; run++)
        {
            var amount = Usd(random.NextInt64(-1_000_000, 1_000_000));
            var weights = Enumerable.Range(0, random.Next(1, 8)).Select(_ => random.NextInt64(0, 1_000)).ToList();
            weights[0] += 1;

            var parts = amount.Allocate(weights);

            parts.Aggregate(Usd(0), (sum, part) => sum + part).Should().Be(amount);
            parts.Should().HaveCount(weights.Count);
            var totalWeight = weights.Sum();
            for (var i = 0; i < weights.Count; i++)
            {
                var exact = (decimal)amount.Amount * weights[i] / totalWeight;
                Math.Abs(parts[i].Amount - exact).Should().BeLessThan(1, "each part is within one minor unit of its exact share");
            }
        }
    }

    [Fact]
    public void Allocate_refuses_weights_that_cannot_share_anything()
    {
        FluentActions.Invoking(() => Usd(100).Allocate([])).Should().Throw<DomainException>();
        FluentActions.Invoking(() => Usd(100).Allocate([0, 0])).Should().Throw<DomainException>();
        FluentActions.Invoking(() => Usd(100).Allocate([3, -1])).Should().Throw<DomainException>();
    }

    [Fact]
    public void Split_shares_equally_with_the_extra_units_going_first()
    {
        new Money(1000, "JPY").Split(3).Select(p => p.Amount).Should().Equal(334, 333, 333);
        Usd(10).Split(4).Select(p => p.Amount).Should().Equal(3, 3, 2, 2);
        FluentActions.Invoking(() => Usd(10).Split(0)).Should().Throw<DomainException>();
    }
}
