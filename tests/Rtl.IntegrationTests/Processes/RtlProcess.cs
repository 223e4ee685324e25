using System.Diagnostics;

namespace Rtl.IntegrationTests.Processes;

/// <summary>Runs the real <c>rtl</c> program (the built rtl.dll under <c>dotnet</c>) as a separate process.</summary>
public static class RtlProcess
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }

    public static string RtlDll => typeof(Rtl.Silo.Cli.Cli).Assembly.Location;

    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(RtlDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    /// <summary>Runs rtl to completion (bounded by <paramref name="timeout"/>) and returns what it printed.</summary>
    public static Task<Outcome> Run(string workingDirectory, TimeSpan timeout, params string[] args) =>
        Run(StartInfo(workingDirectory, args), timeout);

    /// <summary>Runs a prepared command (stdout and stderr redirected) to completion, bounded by <paramref name="timeout"/>.</summary>
    public static async Task<Outcome> Run(ProcessStartInfo start, TimeSpan timeout)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}");
        }

        return new Outcome(process.ExitCode, await stdout, await stderr);
    }
}
