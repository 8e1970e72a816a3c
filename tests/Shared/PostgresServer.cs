using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace RuralMarket.Testing;

/// <summary>
/// The PostgreSQL server the tests of this process use, started once and shared.
/// <para>
/// When <c>RURALMARKET_TEST_POSTGRES</c> holds a connection string, that server is used (its user needs
/// CREATEDB). Otherwise a private throwaway cluster is started from the machine's PostgreSQL binaries
/// (newest <c>/usr/lib/postgresql/*/bin</c>, else <c>initdb</c>/<c>pg_ctl</c> on PATH) in a fresh temp
/// directory on a free port, with durability turned off for speed. It is stopped and deleted when the
/// process exits; a detached watchdog does the same if the process is killed before it can.
/// When there is neither, <see cref="GetAsync"/> fails with a message saying how to fix it.
/// </para>
/// </summary>
public sealed class PostgresServer
{
    public const string EnvironmentVariable = "RURALMARKET_TEST_POSTGRES";

    private const string ClusterUser = "rm";
    private const string RunUserPath = "/usr/sbin/runuser";
    private const string SetSidPath = "/usr/bin/setsid";

    private static readonly Lazy<Task<PostgresServer>> _instance = new(() => Task.Run(StartAsync));

    private readonly string _adminConnectionString;

    private PostgresServer(string adminConnectionString)
    {
        _adminConnectionString = adminConnectionString;
    }

    /// <summary>The shared server; started on first use, thread-safe.</summary>
    public static Task<PostgresServer> GetAsync() => _instance.Value;

    /// <summary>A connection string for <paramref name="database"/> on this server.</summary>
    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = database }.ConnectionString;

    /// <summary>Creates an empty, uniquely named database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null)
    {
        var name = NewDatabaseName(prefix);
        await ExecuteAsync($"CREATE DATABASE {QuoteIdentifier(name)}");
        return ConnectionStringFor(name);
    }

    /// <summary>Drops the database the connection string names, closing any connections still open to it.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        var adminDatabase = new NpgsqlConnectionStringBuilder(_adminConnectionString).Database;
        if (string.IsNullOrEmpty(database) || database == adminDatabase)
        {
            throw new ArgumentException($"Refusing to drop '{database}': pass a connection string from CreateDatabaseAsync.", nameof(connectionString));
        }

        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await ExecuteAsync($"DROP DATABASE IF EXISTS {QuoteIdentifier(database)} WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string NewDatabaseName(string? prefix)
    {
        var clean = new StringBuilder();
        foreach (var c in (prefix ?? "test").ToLowerInvariant())
        {
            clean.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        var head = clean.Length == 0 ? "test" : clean.ToString(0, Math.Min(clean.Length, 30));
        return string.Create(CultureInfo.InvariantCulture, $"{head}_{Guid.NewGuid():N}");
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<PostgresServer> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(external)
            ? await StartPrivateClusterAsync()
            : await UseExternalServerAsync(external);
    }

    private static async Task<PostgresServer> UseExternalServerAsync(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"{EnvironmentVariable} is not a valid Npgsql connection string: {ex.Message}", ex);
        }

        if (string.IsNullOrEmpty(builder.Database))
        {
            builder.Database = "postgres";
        }

        builder.IncludeErrorDetail = true;
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync();
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException(
                $"Cannot connect to the PostgreSQL server in {EnvironmentVariable} " +
                $"(host {builder.Host}, port {builder.Port}, user {builder.Username}, database {builder.Database}): {ex.Message.TrimEnd('.')}. " +
                $"Fix the connection string, or unset {EnvironmentVariable} to let the tests start a private server " +
                "from the machine's PostgreSQL binaries.",
                ex);
        }

        return new PostgresServer(builder.ConnectionString);
    }

    private static async Task<PostgresServer> StartPrivateClusterAsync()
    {
        var binDirectory = FindBinDirectory() ?? throw new InvalidOperationException(
            "The tests need a PostgreSQL server, and there is none: no initdb/pg_ctl under /usr/lib/postgresql/*/bin " +
            $"or on PATH, and {EnvironmentVariable} is not set. Fix it either way: install the server " +
            "(Debian/Ubuntu: `sudo apt-get install -y postgresql`; ./test.sh does this when it can), or point the tests " +
            $"at a server you have: export {EnvironmentVariable}=\"Host=localhost;Port=5432;Username=me;Password=secret\" " +
            "(the user needs CREATEDB).");

        // initdb and postgres refuse to run as root; then they run as the postgres user in a directory it owns.
        var asRoot = Environment.IsPrivilegedProcess;
        if (asRoot && !File.Exists(RunUserPath))
        {
            throw new InvalidOperationException(
                $"Running as root, the tests start PostgreSQL as the 'postgres' user with {RunUserPath}, which is missing. " +
                $"Run the tests as a normal user, or set {EnvironmentVariable} to a server's connection string.");
        }

        // A fresh directory and port each time, so nothing a crashed earlier run left behind is in the way.
        var directory = Path.Combine(
            asRoot ? "/tmp" : Path.GetTempPath(),
            string.Create(CultureInfo.InvariantCulture, $"ruralmarket-pg-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..12]}"));
        Directory.CreateDirectory(directory);
        var cluster = new Cluster(binDirectory, directory, asRoot);
        try
        {
            if (asRoot)
            {
                await RunAsync(directory, "chown", "postgres", directory);
            }

            await cluster.RunAsync(
                "initdb", "-D", cluster.DataDirectory, "-U", ClusterUser, "--auth=trust",
                "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
            var port = await cluster.StartAsync();
            var watchdog = StartWatchdog(cluster);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                cluster.StopAndDelete();
                watchdog.StandardInput.Close(); // nothing left for it to do: let it go now
            };

            var builder = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = port,
                Username = ClusterUser,
                Database = "postgres",
                IncludeErrorDetail = true,
            };
            return new PostgresServer(builder.ConnectionString);
        }
        catch
        {
            cluster.StopAndDelete();
            throw;
        }
    }

    private static string? FindBinDirectory()
    {
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(version => (Version: int.TryParse(Path.GetFileName(version), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1, Bin: Path.Combine(version, "bin")))
                .Where(candidate => HasServerTools(candidate.Bin))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Bin)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(HasServerTools);
    }

    private static bool HasServerTools(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));

    /// <summary>
    /// A detached shell that waits for this process to go (its stdin pipe from us reaches end of file,
    /// however we die), then stops the cluster and deletes its directory if the exit handler did not.
    /// </summary>
    private static Process StartWatchdog(Cluster cluster)
    {
        const string script = """
            exec >/dev/null 2>&1
            cat
            dir=$1; shift
            if [ -f "$dir/data/postmaster.pid" ]; then "$@" -D "$dir/data" -m fast -w stop; fi
            rm -rf "$dir"
            """;
        var start = new ProcessStartInfo(File.Exists(SetSidPath) ? SetSidPath : "/bin/sh")
        {
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        if (File.Exists(SetSidPath))
        {
            start.ArgumentList.Add("-f");
            start.ArgumentList.Add("/bin/sh");
        }

        foreach (var argument in new[] { "-c", script, "ruralmarket-pg-watchdog", cluster.Root }.Concat(cluster.Command("pg_ctl")))
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the PostgreSQL watchdog shell.");
    }

    private static async Task<string> RunAsync(string workingDirectory, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = (await output) + (await error);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"`{fileName} {string.Join(' ', arguments)}` exited with {process.ExitCode}:\n{text}"));
        }

        return text;
    }

    private sealed class Cluster(string binDirectory, string root, bool asRoot)
    {
        public string Root { get; } = root;

        public string DataDirectory => Path.Combine(Root, "data");

        private string LogFile => Path.Combine(Root, "log");

        /// <summary>The command line that runs a PostgreSQL tool, as the postgres user when we are root.</summary>
        public string[] Command(string tool) =>
            asRoot
                ? [RunUserPath, "-u", "postgres", "--", Path.Combine(binDirectory, tool)]
                : [Path.Combine(binDirectory, tool)];

        public Task<string> RunAsync(string tool, params string[] arguments)
        {
            var command = Command(tool);
            return PostgresServer.RunAsync(Root, command[0], [.. command[1..], .. arguments]);
        }

        /// <summary>Starts the server on a free port; retries with another port if one is taken meanwhile.</summary>
        public async Task<int> StartAsync()
        {
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort();
                var options = string.Join(
                    ' ',
                    "-p", port.ToString(CultureInfo.InvariantCulture),
                    "-k", Root,
                    "-c listen_addresses=127.0.0.1 -c max_connections=300",
                    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off");
                try
                {
                    await RunAsync("pg_ctl", "-D", DataDirectory, "-o", options, "-l", LogFile, "-w", "-t", "60", "start");
                    return port;
                }
                catch (InvalidOperationException ex) when (attempt < 3 && ReadLog().Contains("Address already in use", StringComparison.Ordinal))
                {
                    Trace.WriteLine($"PostgreSQL could not bind port {port}, retrying: {ex.Message}");
                }
                catch (InvalidOperationException ex)
                {
                    throw new InvalidOperationException($"{ex.Message}\nServer log ({LogFile}):\n{ReadLog()}", ex);
                }
            }
        }

        /// <summary>Stops the server if it runs and deletes the directory. Runs at process exit: never throws.</summary>
        public void StopAndDelete()
        {
            try
            {
                if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
                {
                    RunAsync("pg_ctl", "-D", DataDirectory, "-m", "fast", "-w", "stop").GetAwaiter().GetResult();
                }

                Directory.Delete(Root, recursive: true);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                // The watchdog retries once this process is gone.
                Trace.WriteLine($"Could not remove the test PostgreSQL cluster in {Root}: {ex.Message}");
            }
        }

        private string ReadLog() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no log)";

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
