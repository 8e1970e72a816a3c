using System.Globalization;

namespace RuralMarket.Domain.Common;

/// <summary>An amount in a currency's minor units (cents, pence; yen have none).</summary>
public sealed record Money : IComparable<Money>
{
    private static readonly HashSet<string> ZeroDecimalCurrencies =
        ["BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"];

    private static readonly HashSet<string> ThreeDecimalCurrencies = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

    private static readonly Dictionary<string, string> Symbols = new()
    {
        ["USD"] = "$", ["EUR"] = "€", ["GBP"] = "£", ["JPY"] = "¥", ["INR"] = "₹", ["KRW"] = "₩",
        ["NGN"] = "₦", ["PHP"] = "₱", ["CAD"] = "CA$", ["AUD"] = "A$", ["NZD"] = "NZ$",
    };

    private static readonly decimal[] PowersOfTen = [1m, 10m, 100m, 1000m];

    // EF Core binds these parameters to the properties by name.
    public Money(long amount, string currency)
    {
        Amount = amount;
        Currency = NormalizeCurrency(currency);
    }

    public long Amount { get; private init; }

    public string Currency { get; private init; }

    public int DecimalPlaces => DecimalPlacesOf(Currency);

    public bool IsZero => Amount == 0;

    public bool IsNegative => Amount < 0;

    public bool IsPositive => Amount > 0;

    public static Money Zero(string currency) => new(0, currency);

    public static bool IsZeroDecimal(string currency) => ZeroDecimalCurrencies.Contains(NormalizeCurrency(currency));

    public static int DecimalPlacesOf(string currency)
    {
        var code = NormalizeCurrency(currency);
        return ZeroDecimalCurrencies.Contains(code) ? 0 : ThreeDecimalCurrencies.Contains(code) ? 3 : 2;
    }

    public static Money FromMajor(decimal amount, string currency)
    {
        var code = NormalizeCurrency(currency);
        var places = DecimalPlacesOf(code);
        Guard.That(Math.Abs(amount) <= long.MaxValue / PowersOfTen[places], "That amount is too large.");
        var minor = amount * PowersOfTen[places];
        if (minor != decimal.Truncate(minor))
        {
            throw new DomainException(places == 0
                ? $"{code} amounts cannot have a fractional part."
                : $"{code} amounts can have at most {places} decimal places.");
        }

        return new Money((long)minor, code);
    }

    public decimal ToMajor() => Amount / PowersOfTen[DecimalPlaces];

    public static Money operator +(Money left, Money right) => left.Add(right);

    public static Money operator -(Money left, Money right) => left.Subtract(right);

    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    public Money Add(Money other) => new(checked(Amount + SameCurrency(other).Amount), Currency);

    public Money Subtract(Money other) => new(checked(Amount - SameCurrency(other).Amount), Currency);

    public Money Times(int quantity) => new(checked(Amount * quantity), Currency);

    public int CompareTo(Money? other) => other is null ? 1 : Amount.CompareTo(SameCurrency(other).Amount);

    public static Money Max(Money left, Money right) => left >= right ? left : right;

    public static Money Min(Money left, Money right) => left <= right ? left : right;

    /// <summary>The commission at a rate in basis points (1% = 100), rounded half away from zero to a minor unit.</summary>
    public Money CommissionFor(int basisPoints)
    {
        Guard.That(basisPoints is >= 0 and <= 10_000, "A commission rate must be between 0 and 10000 basis points.");
        var exact = (Int128)Amount * basisPoints;
        var rounded = Int128.IsNegative(exact) ? -((-exact + 5_000) / 10_000) : (exact + 5_000) / 10_000;
        return new Money((long)rounded, Currency);
    }

    /// <summary>
    /// Splits the amount in proportion to the weights so that the parts add up to exactly the amount:
    /// each part gets its whole share, and the minor units left over go one each to the parts with the
    /// largest remainders, earlier parts first on a tie.
    /// </summary>
    public IReadOnlyList<Money> Allocate(IReadOnlyList<long> weights)
    {
        Guard.That(weights.Count > 0, "At least one weight is needed to allocate an amount.");
        Guard.That(weights.All(w => w >= 0), "Allocation weights cannot be negative.");
        Int128 totalWeight = 0;
        foreach (var weight in weights)
        {
            totalWeight += weight;
        }

        Guard.That(totalWeight > 0, "At least one allocation weight must be positive.");

        Int128 magnitude = Amount;
        var sign = Int128.IsNegative(magnitude) ? -1 : 1;
        magnitude *= sign;

        var parts = new Int128[weights.Count];
        var remainders = new Int128[weights.Count];
        Int128 leftOver = magnitude;
        for (var i = 0; i < weights.Count; i++)
        {
            var share = magnitude * weights[i];
            parts[i] = share / totalWeight;
            remainders[i] = share % totalWeight;
            leftOver -= parts[i];
        }

        var byRemainder = Enumerable.Range(0, weights.Count)
            .OrderByDescending(i => remainders[i])
            .ThenBy(i => i);
        foreach (var i in byRemainder.Take((int)leftOver))
        {
            parts[i]++;
        }

        return [.. parts.Select(part => new Money((long)(part * sign), Currency))];
    }

    public IReadOnlyList<Money> Split(int parts)
    {
        Guard.That(parts > 0, "An amount can only be split into one or more parts.");
        return Allocate([.. Enumerable.Repeat(1L, parts)]);
    }

    public override string ToString() => $"{Currency} {FormatNumber(Amount)}";

    /// <summary>For display: "$12.50", "¥1200"; currencies without a well-known symbol look like "KES 120.00".</summary>
    public string Format()
    {
        if (!Symbols.TryGetValue(Currency, out var symbol))
        {
            return ToString();
        }

        return IsNegative ? $"-{symbol}{FormatNumber(-(decimal)Amount)}" : $"{symbol}{FormatNumber(Amount)}";
    }

    private string FormatNumber(decimal minorUnits) =>
        (minorUnits / PowersOfTen[DecimalPlaces]).ToString("F" + DecimalPlaces.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private Money SameCurrency(Money other) =>
        other.Currency == Currency
            ? other
            : throw new DomainException($"Cannot combine {Currency} and {other.Currency} amounts.");

    private static string NormalizeCurrency(string? currency)
    {
        var code = currency?.Trim().ToUpperInvariant() ?? "";
        Guard.That(code.Length == 3 && code.All(char.IsAsciiLetterUpper), $"'{currency}' is not a currency code like USD or EUR.");
        return code;
    }
}
