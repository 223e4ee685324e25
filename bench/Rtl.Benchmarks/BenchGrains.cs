using System.Diagnostics;
using Orleans.Placement;
using Rtl.Data;

namespace Rtl.Benchmarks;

/// <summary>An empty grain call: the floor of one client → silo round trip through the gateway.</summary>
public interface IBenchPingGrain : IGrainWithGuidKey
{
    Task<int> Ping();
}

public sealed class BenchPingGrain : Grain, IBenchPingGrain
{
    public Task<int> Ping() => Task.FromResult(1);
}

/// <summary>The same, but the activation is dropped after each call, as the pipeline and stage grains do.</summary>
public interface IBenchOneShotGrain : IGrainWithGuidKey
{
    Task<int> Ping();
}

public sealed class BenchOneShotGrain : Grain, IBenchOneShotGrain
{
    public Task<int> Ping()
    {
        DeactivateOnIdle();
        return Task.FromResult(1);
    }
}

/// <summary>Lives on the silo whose grain factory first calls it, so one silo can send a table to another.</summary>
public interface IBenchRelayGrain : IGrainWithIntegerKey
{
    Task<string> Silo();

    /// <summary>Builds a table of about <paramref name="bytes"/> bytes here, to send later.</summary>
    Task<long> Prepare(long bytes);

    Task<int> Receive(Table table);

    /// <summary>The prepared table itself, to a caller in another process.</summary>
    Task<Table> Prepared();

    /// <summary>Sends the prepared table to relay <paramref name="target"/>; returns the call's milliseconds.</summary>
    Task<double> SendTo(long target);
}

[PreferLocalPlacement]
public sealed class BenchRelayGrain(ILocalSiloDetails silo) : Grain, IBenchRelayGrain
{
    private Table table = Table.Empty;

    public Task<string> Silo() => Task.FromResult(silo.SiloAddress.ToString());

    public Task<long> Prepare(long bytes)
    {
        table = DataSets.OfBytes(bytes);
        return Task.FromResult(table.ByteSize);
    }

    public Task<int> Receive(Table table) => Task.FromResult(table.RowCount);

    public Task<Table> Prepared() => Task.FromResult(table);

    public async Task<double> SendTo(long target)
    {
        var clock = Stopwatch.StartNew();
        var rows = await GrainFactory.GetGrain<IBenchRelayGrain>(target).Receive(table);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        return rows == table.RowCount ? elapsed : throw new InvalidOperationException($"sent {table.RowCount} rows, {rows} arrived");
    }
}
