using Rtl.IntegrationTests.Cluster;
using Xunit;

namespace Rtl.IntegrationTests.Errors;

/// <summary>
/// An exception thrown in a grain reaches the client as itself: same type, message, inner exception and
/// extra properties — not Orleans' CodecNotFoundException, which aborted <c>rtl job ID --output</c>.
/// </summary>
[Collection(TestClusterCollection.Name)]
public sealed class ExceptionRoundTripTests(TestClusterFixture fixture)
{
    public static TheoryData<string> ExceptionTypes() => [.. ProductExceptions.All.Select(t => t.FullName!)];

    [Fact]
    public void Discovery_finds_the_exceptions_of_every_product_assembly()
    {
        var found = ProductExceptions.All.Select(t => t.FullName).ToHashSet();

        // One from each assembly: if discovery stopped reaching one, its exceptions would go untested.
        Assert.Contains("Rtl.Pipelines.PipelineFormatException", found);
        Assert.Contains("Rtl.Tasks.TaskArgumentException", found);
        Assert.Contains("Rtl.Grains.Formats.FileFormatException", found);
        Assert.Contains("Rtl.Grains.Plotting.PlotFontException", found);
        Assert.Contains("Rtl.Client.RtlJobException", found);
        Assert.Contains("Rtl.Silo.Cli.UsageException", found);
    }

    [Theory]
    [MemberData(nameof(ExceptionTypes))]
    public async Task A_product_exception_thrown_on_a_silo_reaches_the_client_with_its_type_message_and_properties(string typeName)
    {
        var type = ProductExceptions.Named(typeName);
        var expected = ProductExceptions.Sample(type);

        var received = await Assert.ThrowsAnyAsync<Exception>(() => fixture.Cluster.Client.GetGrain<IExceptionProbeGrain>(0).Throw(typeName));

        Assert.True(received.GetType() == type, $"expected {type.FullName} from the silo, the client got {received.GetType().FullName}: {received.Message}");
        Assert.Equal(expected.Message, received.Message);
        Assert.Equal(expected.InnerException?.GetType(), received.InnerException?.GetType());
        Assert.Equal(expected.InnerException?.Message, received.InnerException?.Message);
        foreach (var property in ProductExceptions.ExtraProperties(type))
        {
            var difference = Structural.Difference(property.GetValue(expected), property.GetValue(received), $"{type.Name}.{property.Name}");
            Assert.True(difference is null, $"sent vs received differ at {difference}");
        }
    }
}
