using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Rtl.Grains.Hosting;
using Rtl.Jobs;
using Rtl.Pipelines;
using Rtl.Tasks;
using Xunit;

namespace Rtl.Tests.Pipelines;

/// <summary>The one error record: its sentence for each place it can name, the kind each failure gets, and the wire.</summary>
public sealed class RtlErrorTests
{
    private static readonly Serializer Serializer =
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Theory]
    [InlineData(null, null, null, "no stages")]
    [InlineData(null, null, "table.columns.x", "table.columns.x: no stages")]
    [InlineData(2, null, null, "stage 2: no stages")]
    [InlineData(2, "add", null, "stage 2, task 'add': no stages")]
    [InlineData(2, "add", "operations[0].b", "stage 2, task 'add', operations[0].b: no stages")]
    public void The_sentence_names_as_much_of_the_place_as_the_record_holds(int? stage, string? task, string? argument, string sentence) =>
        Assert.Equal(sentence, new RtlError(RtlErrorKind.Pipeline, "no stages", stage, task, argument).ToString());

    [Fact]
    public void A_kernel_failure_gets_its_kind_and_the_stage_adds_where()
    {
        var call = new TaskCall("task_add");

        Assert.Equal(new RtlError(RtlErrorKind.Argument, "column 'x' not found", 1, "task_add", "operations[0].a"),
            TaskFailures.Of(new TaskArgumentException("operations[0].a", "column 'x' not found")).At(1, call));
        Assert.Equal(RtlErrorKind.Input, TaskFailures.Of(new FileNotFoundException("data.csv: file not found")).Kind);
        Assert.Equal(RtlErrorKind.Data, TaskFailures.Of(new InvalidOperationException("no rows")).Kind);
        Assert.Equal("stage 0, task 'task_add': TimeoutException: oops",
            TaskFailures.Of(new TimeoutException("oops")).At(0, call).ToString());
    }

    [Fact]
    public void A_pipeline_refusal_is_its_record_and_its_message_the_sentence()
    {
        var located = new PipelineFormatException(new RtlError(RtlErrorKind.Limit, "over budget", 0, "sort", "column"));
        var worded = new PipelineFormatException("stage 1: no tasks");

        Assert.Equal("stage 0, task 'sort', column: over budget", located.Message);
        Assert.Equal(new RtlError(RtlErrorKind.Pipeline, "stage 1: no tasks"), worded.Error);
        Assert.Equal(RtlErrorKind.Limit, new PipelineTooLargeException("over 1 MiB").Error.Kind);
    }

    [Fact]
    public void The_record_and_a_refusal_cross_the_wire_whole()
    {
        var error = new RtlError(RtlErrorKind.Argument, "column 'x' not found", 3, "multiply", "operations[0].a");
        var refusal = Serializer.Deserialize<PipelineFormatException>(Serializer.SerializeToArray(new PipelineFormatException(error)))!;
        var result = Serializer.Deserialize<JobResult>(Serializer.SerializeToArray(JobResult.Failed(Guid.NewGuid(), [], 1.5, error)))!;

        Assert.Equal(error, Serializer.Deserialize<RtlError>(Serializer.SerializeToArray(error)));
        Assert.Equal(error, refusal.Error);
        Assert.Equal(error.ToString(), refusal.Message);
        Assert.Equal(error, result.Failure);
        Assert.Equal(error.ToString(), result.Error);
    }
}
