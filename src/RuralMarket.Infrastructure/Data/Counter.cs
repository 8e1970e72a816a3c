using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RuralMarket.Infrastructure.Data;

/// <summary>A named, gap-tolerant counter (order numbers) that works the same on SQLite and PostgreSQL.</summary>
public sealed class Counter
{
    public const string OrderNumber = "OrderNumber";

    private Counter()
    {
    }

    public string Name { get; private set; } = "";

    public long Value { get; private set; }
}

internal sealed class CounterConfiguration : IEntityTypeConfiguration<Counter>
{
    public void Configure(EntityTypeBuilder<Counter> counter)
    {
        counter.ToTable("Counters");
        counter.HasKey(c => c.Name);
        counter.Property(c => c.Name).HasMaxLength(60);
        counter.HasData(new { Name = Counter.OrderNumber, Value = 100L });
    }
}

public static class Counters
{
    /// <summary>
    /// Reserves <paramref name="count"/> consecutive values with one atomic UPDATE … RETURNING and
    /// returns the first. Inside a transaction the row stays locked until commit, so numbers never repeat.
    /// </summary>
    public static async Task<long> TakeAsync(this RuralMarketDbContext db, string name, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var last = await db.Database
            .SqlQuery<long>($"""UPDATE "Counters" SET "Value" = "Value" + {count} WHERE "Name" = {name} RETURNING "Value" AS "Value" """)
            .ToListAsync(cancellationToken);
        return last.Count == 1
            ? last[0] - count + 1
            : throw new InvalidOperationException($"Counter '{name}' does not exist.");
    }
}
