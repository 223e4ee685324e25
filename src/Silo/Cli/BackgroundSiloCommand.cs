using System.CommandLine;
using System.Diagnostics;
using Rtl.Grains.Hosting;

namespace Rtl.Silo.Cli;

/// <summary>How <c>rtl start</c> runs <c>rtl silo</c> in the background: its command line, environment and log.</summary>
public static class BackgroundSiloCommand
{
    public static ProcessStartInfo For(ParseResult line, RtlOptions options, string log)
    {
        var self = SelfCommand();
        var arguments = new List<string>(self) { "silo", "--data-dir", options.DataDir, "--silo-port", options.SiloPort.ToString(),
            "--gateway-port", options.GatewayPort.ToString(), "--cluster-id", options.ClusterId,
            "--plugins-dir", options.ResolvedPluginsDir };
        if (options.FilesRoot is not null)
        {
            // Only a chosen files root travels: the default one the silo creates itself.
            arguments.AddRange(["--files-root", options.ResolvedFilesRoot]);
        }

        if (options.ForceFilesRoot)
        {
            arguments.Add("--force-files-root");
        }

        if (!options.WebPortMayMove)
        {
            // Only a chosen web port travels: the default one stays free to move on in the silo too.
            arguments.AddRange(["--web-port", options.WebPort.ToString()]);
        }

        if (options.BulkPort != 0)
        {
            arguments.AddRange(["--bulk-port", options.BulkPort.ToString()]);
        }

        if (options.SiloName is { Length: > 0 } name)
        {
            arguments.AddRange(["--name", name]);
        }

        if (options.AdvertisedAddress is { } address)
        {
            arguments.AddRange(["--address", address]);
        }

        if (line.GetValue(CliOptions.MaxKernels) is { } kernels)
        {
            arguments.AddRange(["--max-kernels", kernels.ToString()]);
        }

        if (options.Chunking)
        {
            arguments.AddRange(["--chunking", "--chunk-rows", options.ChunkRows.ToString()]);
        }

        if (options.Debug)
        {
            arguments.Add("--debug");
        }

        if (!options.Dashboard)
        {
            arguments.Add("--no-dashboard");
        }

        // Storage, certificate and limits travel as flags; the connection string (it may hold a password) and
        // the certificate's password travel in the environment, out of `ps`.
        arguments.AddRange(["--storage", options.Storage, "--max-table-bytes", options.MaxTableBytes.ToString()]);
        if (options.MemoryBudget is { } budget)
        {
            arguments.AddRange(["--memory-budget", budget.ToString()]);
        }

        if (options.TlsCertificate is { } certificate)
        {
            arguments.AddRange(["--tls-certificate", Path.GetFullPath(certificate)]);
        }

        // nohup + a shell redirect: the silo keeps its log and outlives this command and its terminal. The
        // shell prints the silo's pid ($! is the silo itself: nohup and the dotnet host exec, they do not fork).
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("nohup \"$@\" >>\"$LOG\" 2>&1 </dev/null & echo $!");
        start.ArgumentList.Add("rtl-start");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LOG"] = log;
        if (options.ConnectionString is { } connectionString)
        {
            start.Environment["RTL_ConnectionString"] = connectionString;
        }

        if (options.TlsCertificatePassword is { } password)
        {
            start.Environment["RTL_TlsCertificatePassword"] = password;
        }

        return start;
    }

    /// <summary>How to run this program again: the apphost itself, or <c>dotnet rtl.dll</c>.</summary>
    private static IReadOnlyList<string> SelfCommand()
    {
        var process = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? [process, typeof(SiloCommands).Assembly.Location]
            : [process];
    }
}
