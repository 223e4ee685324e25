using System.Diagnostics;

namespace Rtl.Benchmarks;

/// <summary>CPU seconds (user + system) used so far by the bench's own process (publisher, subscriber, in-process silo) and by the broker.</summary>
public readonly record struct CpuUse(double Bench, double Broker)
{
    public static CpuUse Now(MosquittoBroker broker)
    {
        using var self = Process.GetCurrentProcess();
        return new CpuUse(self.TotalProcessorTime.TotalSeconds, NodeProcesses.ProcessCpu(broker.ProcessId));
    }

    public static CpuUse operator -(CpuUse after, CpuUse before) => new(after.Bench - before.Bench, after.Broker - before.Broker);

    /// <summary>Milliseconds of CPU per 1,000 rows, both sides.</summary>
    public (double Bench, double Broker) PerThousand(int rows) => (Bench * 1e6 / rows, Broker * 1e6 / rows);
}
