using Xunit;
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
    public static async Task<Outcome> Run(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, args))!;
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
            throw new TimeoutException($"rtl {string.Join(' ', args)} did not finish within {timeout}");
        }

        return new Outcome(process.ExitCode, await stdout, await stderr);
    }
}
