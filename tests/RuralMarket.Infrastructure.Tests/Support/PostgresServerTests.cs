using Npgsql;
using RuralMarket.Testing;

namespace RuralMarket.Infrastructure.Tests.Support;

public class PostgresServerTests
{
    [Fact]
    public async Task Creates_a_database_that_answers_queries_and_drops_it()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync("selfcheck");
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select version()", connection);
            var version = (string?)await command.ExecuteScalarAsync();
            version.Should().StartWith("PostgreSQL ");
        }

        await server.DropDatabaseAsync(connectionString);

        await using var admin = new NpgsqlConnection(server.ConnectionStringFor("postgres"));
        await admin.OpenAsync();
        await using var exists = new NpgsqlCommand("select count(*) from pg_database where datname = @name", admin);
        exists.Parameters.AddWithValue("name", database!);
        ((long)(await exists.ExecuteScalarAsync())!).Should().Be(0);
    }
}
