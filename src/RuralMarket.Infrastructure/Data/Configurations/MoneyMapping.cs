using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralMarket.Domain.Common;

namespace RuralMarket.Infrastructure.Data.Configurations;

internal static class MoneyMapping
{
    /// <summary>Money is two columns: {prefix}Amount (minor units) and {prefix}Currency.</summary>
    public static void Columns(this ComplexPropertyBuilder<Money> money, string prefix)
    {
        money.Property(m => m.Amount).HasColumnName(prefix + "Amount");
        money.Property(m => m.Currency).HasColumnName(prefix + "Currency").HasMaxLength(3).IsUnicode(false);
    }
}
