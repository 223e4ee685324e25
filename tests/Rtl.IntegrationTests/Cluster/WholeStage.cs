using Rtl.Data;
using Rtl.Grains.Hosting;
using Rtl.Grains.Registry;
using Rtl.Pipelines;
using Xunit;

namespace Rtl.IntegrationTests.Cluster;

/// <summary>What a chunked job is compared with: the same kernels run one after another on the whole table, no silo.</summary>
internal static class WholeStage
{
    public static Table Run(Pipeline pipeline, Table input)
    {
        var registry = TaskRegistry.BuiltIn();
        var environment = new TaskEnvironment(Path.GetTempPath(), Path.GetTempPath(), Guid.Empty);
        var table = input;
        foreach (var call in pipeline.Stages.SelectMany(s => s.Tasks))
        {
            Assert.True(registry.TryFind(call.Name, out var task));
            table = task.Run(call.Arguments, table, environment).Table;
        }

        return table;
    }
}
