namespace RuralMarket.Testing;

/// <summary>
/// Where the system Chromium is and how to launch it for browser tests (Playwright's own browser
/// download cannot work here). <c>RURALMARKET_CHROMIUM</c> overrides the path.
/// </summary>
public static class ChromiumLocator
{
    public const string EnvironmentVariable = "RURALMARKET_CHROMIUM";

    private static readonly string[] _candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    /// <summary>The Chromium executable; throws with a fix-it message when there is none.</summary>
    public static string ExecutablePath
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return File.Exists(configured)
                    ? configured
                    : throw new InvalidOperationException(
                        $"{EnvironmentVariable} is set to '{configured}', which does not exist. Point it at a Chromium executable, or unset it to use {string.Join(" or ", _candidates)}.");
            }

            return _candidates.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
                $"The browser tests need Chromium, and none was found at {string.Join(" or ", _candidates)}. " +
                "Fix it: install it (Debian: `sudo apt-get install -y chromium`; ./test.sh does this when it can), " +
                $"or set {EnvironmentVariable} to the path of a Chromium executable.");
        }
    }

    /// <summary>
    /// Arguments for a headless run as root in a sandboxed network: no sandbox, no GPU, and none of the
    /// background traffic Chromium otherwise keeps trying to send to outside hosts.
    /// </summary>
    public static string[] LaunchArgs =>
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];
}
