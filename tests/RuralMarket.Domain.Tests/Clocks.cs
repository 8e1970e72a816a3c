using Microsoft.Extensions.Time.Testing;

namespace RuralMarket.Domain.Tests;

internal static class Clocks
{
    public static readonly DateTime Start = new(2026, 3, 14, 9, 30, 0, DateTimeKind.Utc);

    public static FakeTimeProvider New() => new(new DateTimeOffset(Start));
}
