using Npgsql;

namespace RuralMarket.Infrastructure.Tests.Data;

public class PostgresConnectionTuningTests
{
    [Fact]
    public void Repeated_statements_are_prepared_and_pooled_connections_keep_their_plans()
    {
        var tuned = new NpgsqlConnectionStringBuilder(
            DependencyInjection.TunedPostgresConnectionString("Host=db;Database=ruralmarket;Username=rm"));

        tuned.MaxAutoPrepare.Should().Be(64);
        tuned.NoResetOnClose.Should().BeTrue();
        tuned.Host.Should().Be("db");
    }

    [Fact]
    public void Settings_chosen_in_the_connection_string_win()
    {
        var tuned = new NpgsqlConnectionStringBuilder(
            DependencyInjection.TunedPostgresConnectionString("Host=db;Max Auto Prepare=0;NoResetOnClose=false"));

        tuned.MaxAutoPrepare.Should().Be(0);
        tuned.NoResetOnClose.Should().BeFalse();
    }
}
