using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;

namespace RuralMarket.Testing;

/// <summary>
/// A real S3-compatible server for the tests of this process: npm's <c>s3rver</c> (pinned in
/// tests/RuralMarket.Infrastructure.Tests/package.json, installed by test.sh with <c>npm ci</c>), started once
/// on a free loopback port with a temp directory and stopped when the process exits. Each test fixture
/// takes a bucket of its own.
/// </summary>
public sealed class S3Server
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    // s3rver in a node process that stops (and removes its directory) when its stdin closes, i.e. when this
    // test process ends however it ends: vstest may kill the test host before exit handlers run.
    private const string Launcher = """
        const [pkg, port, dir] = process.argv.slice(1);
        const S3rver = require(pkg);
        const fs = require('fs');
        new S3rver({ address: '127.0.0.1', port: Number(port), directory: dir, silent: true, vhostBuckets: false }).run();
        const stop = () => { try { fs.rmSync(dir, { recursive: true, force: true }); } finally { process.exit(0); } };
        process.stdin.on('end', stop);
        process.stdin.on('error', stop);
        process.stdin.resume();
        """;

    private static readonly Lazy<Task<S3Server>> _instance = new(() => Task.Run(StartAsync));

    private S3Server(string serviceUrl) => ServiceUrl = serviceUrl;

    public string ServiceUrl { get; }

    public static Task<S3Server> GetAsync() => _instance.Value;

    /// <summary>The settings that point the app's media storage at a new, empty bucket.</summary>
    public async Task<Dictionary<string, string?>> CreateBucketSettingsAsync()
    {
        var bucket = $"media-{Guid.NewGuid():n}"[..30];
        using var client = CreateClient();
        await client.PutBucketAsync(bucket);
        return new Dictionary<string, string?>
        {
            ["Media:Provider"] = "S3",
            ["Media:S3:ServiceUrl"] = ServiceUrl,
            ["Media:S3:Bucket"] = bucket,
            ["Media:S3:AccessKey"] = AccessKey,
            ["Media:S3:SecretKey"] = SecretKey,
            ["Media:S3:ForcePathStyle"] = "true",
        };
    }

    /// <summary>Every object name in the bucket (what is really stored, seen without the app).</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string bucket, string prefix = "")
    {
        using var client = CreateClient();
        var page = await client.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = bucket, Prefix = prefix });
        return [.. (page.S3Objects ?? []).Select(o => o.Key)];
    }

    private AmazonS3Client CreateClient() => new(new BasicAWSCredentials(AccessKey, SecretKey), new AmazonS3Config
    {
        ServiceURL = ServiceUrl,
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });

    private static async Task<S3Server> StartAsync()
    {
        var script = FindScript();
        var directory = Directory.CreateTempSubdirectory("rm-s3rver-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-e", Launcher, script, port.ToString(System.Globalization.CultureInfo.InvariantCulture), directory })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("The S3 tests need Node.js ('node' on PATH) to run s3rver. Install nodejs (test.sh expects it).", e);
        }

        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"Could not stop s3rver cleanly: {e.Message}");
            }
        };

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"s3rver exited with {process.ExitCode} before listening on port {port}.");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                break;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }

        return new S3Server($"http://127.0.0.1:{port}");
    }

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RuralMarket.sln")))
            {
                var script = Path.Combine(dir.FullName, "tests", "RuralMarket.Infrastructure.Tests", "node_modules", "s3rver");
                return File.Exists(Path.Combine(script, "package.json"))
                    ? script
                    : throw new InvalidOperationException($"s3rver is not installed: run 'npm ci' in tests/RuralMarket.Infrastructure.Tests (./test.sh does it). Looked for {script}.");
            }
        }

        throw new InvalidOperationException("Could not find RuralMarket.sln above the test assembly to locate s3rver.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
