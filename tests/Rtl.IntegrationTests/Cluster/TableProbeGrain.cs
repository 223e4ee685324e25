using System.Diagnostics;
using System.Security.Cryptography;
using Orleans.Placement;
using Rtl.Data;

namespace Rtl.IntegrationTests.Cluster;

[GenerateSerializer, Immutable]
public sealed record ProbeReceipt([property: Id(0)] string Silo, [property: Id(1)] string Checksum, [property: Id(2)] double Milliseconds);

/// <summary>Lives on the silo that first calls it, so a test can make one silo send a table to another.</summary>
public interface ITableProbeGrain : IGrainWithIntegerKey
{
    Task<string> Silo();

    Task<ProbeReceipt> Receive(Table table);

    Task<ProbeReceipt> SendTo(long target, Table table);
}

[PreferLocalPlacement]
public sealed class TableProbeGrain(ILocalSiloDetails silo) : Grain, ITableProbeGrain
{
    public Task<string> Silo() => Task.FromResult(silo.SiloAddress.ToString());

    public Task<ProbeReceipt> Receive(Table table) =>
        Task.FromResult(new ProbeReceipt(silo.SiloAddress.ToString(), Checksum(table), 0));

    public async Task<ProbeReceipt> SendTo(long target, Table table)
    {
        var clock = Stopwatch.StartNew();
        var receipt = await GrainFactory.GetGrain<ITableProbeGrain>(target).Receive(table);
        return receipt with { Milliseconds = clock.Elapsed.TotalMilliseconds };
    }

    public static string Checksum(Table table)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in table.Names)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "/" + table[name].Type.Code()));
            hash.AppendData(table[name].Bytes);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
