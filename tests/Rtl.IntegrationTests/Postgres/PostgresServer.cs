using System.Diagnostics;
using Npgsql;
using Rtl.IntegrationTests.Processes;
using Xunit;

namespace Rtl.IntegrationTests.Postgres;

/// <summary>
/// The PostgreSQL server the PostgreSQL tests use: <c>RTL_TEST_POSTGRES</c> (a connection string whose user may
/// CREATE DATABASE; <c>.ci/run</c> sets it), or else a throw-away server this fixture starts itself with the
/// installed <c>initdb</c>/<c>pg_ctl</c> in a temp directory on a free port — as the <c>postgres</c> user when the
/// tests run as root, since PostgreSQL refuses to run as root. Each test gets a database of its own.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "RTL_TEST_POSTGRES";

    private string? directory;
    private string? pgCtl;
    private string[] runAs = [];

    public string AdminConnectionString { get; private set; } = "";

    /// <summary>Why the PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? Unavailable() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } || FindBinary("initdb") is not null
            ? null
            : $"no PostgreSQL: set {EnvironmentVariable} to a connection string, or install PostgreSQL (initdb, pg_ctl)";

    /// <summary>Why a PostgreSQL test skips: only off CI, and only when no server can be had.</summary>
    public static string? SkipReason() => IsCi ? null : Unavailable();

    /// <summary>CI=true: tests that need a service fail without it, never skip.</summary>
    public static bool IsCi => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && ci != "false" && ci != "0";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
        {
            AdminConnectionString = given;
            return;
        }

        var initdb = FindBinary("initdb") ?? throw new InvalidOperationException(Unavailable());
        pgCtl = Path.Combine(Path.GetDirectoryName(initdb)!, "pg_ctl");
        // Under /tmp, not $TMPDIR: the server's own user must be able to reach it.
        directory = Path.Combine("/tmp", "rtl-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        if (Environment.IsPrivilegedProcess)
        {
            // PostgreSQL will not run as root: hand the directory to its own unprivileged user.
            if (!File.ReadLines("/etc/passwd").Any(line => line.StartsWith("postgres:", StringComparison.Ordinal)))
            {
                throw new InvalidOperationException(
                    $"as root, PostgreSQL needs a 'postgres' user to run as; create one, or set {EnvironmentVariable} (.ci/run does)");
            }

            runAs = ["runuser", "-u", "postgres", "--"];
            await Run(["chown", "postgres", directory]);
        }

        var data = Path.Combine(directory, "data");
        var port = FreePorts.Next();
        await Run([.. runAs, initdb, "-D", data, "-U", "rtl", "--auth=trust", "--encoding=UTF8", "--no-sync"]);
        await Run([.. runAs, pgCtl, "-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={directory} -c fsync=off -c max_connections=300",
            "start"]);
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=rtl;Database=postgres";
    }

    /// <summary>A fresh, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "rtl_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public static async Task<T> QueryAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T));
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (directory is null)
        {
            return;
        }

        try
        {
            await Run([.. runAs, pgCtl!, "-D", Path.Combine(directory, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>On PATH, or where Debian installs it (<c>/usr/lib/postgresql/VERSION/bin</c>, newest first).</summary>
    private static string? FindBinary(string name)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Path.Combine(p, name));
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var version) ? version : 0)
                .Select(d => Path.Combine(d, "bin", name))
            : [];
        return onPath.Concat(debian).FirstOrDefault(File.Exists);
    }

    private static async Task Run(string[] command)
    {
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }
}

/// <summary>
/// A test that needs PostgreSQL. It runs wherever one can be found or started; on a machine with none it is skipped,
/// except in CI (<c>CI=true</c>), where it runs and fails: CI must never pass without having tested PostgreSQL.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = PostgresServer.SkipReason();
}

/// <summary>A theory that needs PostgreSQL, skipped like <see cref="PostgresFactAttribute"/>.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute() => Skip = PostgresServer.SkipReason();
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
