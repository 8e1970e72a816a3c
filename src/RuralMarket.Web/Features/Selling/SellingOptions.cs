using System.ComponentModel.DataAnnotations;

namespace RuralMarket.Web.Features.Selling;

public sealed class SellingOptions
{
    public const string Section = "Selling";

    /// <summary>The platform's commission on a new seller's sales, in basis points (1000 = 10 %).</summary>
    [Range(0, 10_000, ErrorMessage = "Selling:DefaultCommissionBasisPoints must be between 0 and 10000.")]
    public int DefaultCommissionBasisPoints { get; set; } = 1000;

    /// <summary>The currency new shops charge their fees in (the catalog is in one currency today).</summary>
    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "Selling:Currency must be a three-letter code like USD.")]
    public string Currency { get; set; } = "USD";
}
