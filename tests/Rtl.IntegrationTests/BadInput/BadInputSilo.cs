using Rtl.Client;
using Rtl.Data;
using Rtl.IntegrationTests.Postgres;
using Rtl.IntegrationTests.Processes;
using Rtl.Pipelines;
using Xunit;

namespace Rtl.IntegrationTests.BadInput;

/// <summary>
/// One real silo (SQLite, as <c>rtl silo</c> builds it) that bad input is thrown at through the SDK and the
/// <c>rtl</c> CLI; after each case a good job must still succeed on it. Its table limit is 64 MiB, so a
/// 5,000,000-row table of two <c>&lt;f8</c> columns is over it and one of a single column is not.
/// </summary>
public sealed class BadInputSilo : IAsyncLifetime
{
    public const long MaxTableBytes = 64L << 20;

    public RtlSilos Silos { get; } = new(o => o.MaxTableBytes = MaxTableBytes);

    public RtlClient Client { get; private set; } = null!;

    public string Files => Silos.Files;

    public async Task InitializeAsync()
    {
        await Silos.StartSiloAsync();
        Client = await Silos.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        await Silos.DisposeAsync();
    }

    public Task<RtlProcess.Outcome> Rtl(params string[] args) => Silos.Rtl(args);

    /// <summary>The SDK call fails with a job error; returns it.</summary>
    public async Task<string> FailsWith(Pipeline pipeline, Table? input = null)
    {
        var error = await Assert.ThrowsAsync<RtlJobException>(() => Client.RunAsync(pipeline, input));
        return error.Message;
    }

    /// <summary>The CLI exits non-zero with an <c>rtl:</c> message on stderr; returns stderr.</summary>
    public async Task<string> CliFailsWith(params string[] args)
    {
        var outcome = await Rtl(args);
        Assert.True(outcome.ExitCode != 0, outcome.ToString());
        Assert.StartsWith("rtl: ", outcome.Stderr);
        return outcome.Stderr;
    }

    /// <summary>A good job right after the bad one, on the same silo: nothing was left broken.</summary>
    public async Task NextGoodJobSucceeds()
    {
        var pipeline = Pipeline.Builder().Stage(s => s.Task("add", new { operations = new[] { new { a = "x", b = 1, column = "y" } } })).Build();
        var result = await Client.RunAsync(pipeline, Table.Create(("x", Column.Of(1.0, 2.0))));
        Assert.Equal([2.0, 3.0], result.Table!["y"].AsDoubles().ToArray());
    }

    public string Write(string name, string text)
    {
        var path = Path.Combine(Files, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
