using System.Diagnostics;
using System.Text;

namespace RuralMarket.Infrastructure.Media.Video.Transcoding;

/// <summary>The outcome of one ffmpeg or ffprobe run: exit code, standard output, and the end of standard error.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string ErrorTail, bool TimedOut);

/// <summary>Runs ffmpeg or ffprobe with an argument list (never a shell string), a timeout, and no console input.</summary>
public static class FfmpegProcess
{
    private const int ErrorTailChars = 4000;

    public static async Task<ProcessResult> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var errors = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                    if (errors.Length > ErrorTailChars * 2)
                    {
                        errors.Remove(0, errors.Length - ErrorTailChars);
                    }
                }
            }
        };

        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
        }

        // WaitForExitAsync returns after the redirected streams reach their end.
        string tail;
        lock (errors)
        {
            tail = errors.Length > ErrorTailChars ? errors.ToString(errors.Length - ErrorTailChars, ErrorTailChars) : errors.ToString();
        }

        string text;
        lock (output)
        {
            text = output.ToString();
        }

        return new ProcessResult(timedOut ? -1 : process.ExitCode, text, tail, timedOut);
    }
}
