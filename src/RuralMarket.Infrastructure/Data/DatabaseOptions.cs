using System.ComponentModel.DataAnnotations;

namespace RuralMarket.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Applies pending migrations at start-up. Defaults to on for SQLite and in Development.</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>Seeds demo sellers, products and accounts. Defaults to on in Development.</summary>
    public bool? SeedDemoData { get; set; }
}

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Where SQLite, mail files and local media live; relative paths are under the content root.</summary>
    [Required]
    public string DataDirectory { get; set; } = ".data";
}
