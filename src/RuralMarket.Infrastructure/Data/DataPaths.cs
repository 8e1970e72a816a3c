using Microsoft.Extensions.Hosting;

namespace RuralMarket.Infrastructure.Data;

public static class DataPaths
{
    /// <summary>The data directory as an absolute path (relative settings are under the content root).</summary>
    public static string Resolve(StorageOptions options, IHostEnvironment environment) =>
        Path.GetFullPath(Path.IsPathRooted(options.DataDirectory)
            ? options.DataDirectory
            : Path.Combine(environment.ContentRootPath, options.DataDirectory));
}
