using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;
using Rtl.Grains;
using Rtl.Jobs;
using Rtl.Tasks;
using Xunit;

namespace Rtl.Tests.Storage;

/// <summary>
/// Grain state as grain storage holds it (Orleans' Newtonsoft JSON, the silo's default), which records each object by its
/// full type name and assembly: what was stored before a class moved (onto <see cref="NameCatalogState"/>, or from one
/// assembly to another) reads back, and the names stored data holds keep resolving.
/// </summary>
public sealed class StoredStateTests
{
    private static readonly JsonGrainStorageSerializer Storage =
        new(new OrleansJsonSerializer(Options.Create(new OrleansJsonSerializerOptions())));

    // What grain storage held for each catalog before (one Names property on each class), written by that code.
    private const string PipelinesStoredBefore =
        """{"$id":"1","$type":"Rtl.Grains.PipelineCatalogState, Rtl.Grains","Names":{"$type":"System.Collections.Generic.SortedSet`1[[System.String, System.Private.CoreLib]], System.Collections","$values":["dev","fahrenheit"]}}""";

    private const string StreamsStoredBefore =
        """{"$id":"1","$type":"Rtl.Grains.StreamCatalogState, Rtl.Grains","Names":{"$type":"System.Collections.Generic.SortedSet`1[[System.String, System.Private.CoreLib]], System.Collections","$values":["dev","fahrenheit"]}}""";

    [Fact]
    public void A_pipeline_catalog_stored_before_reads_back_and_writes_the_same_json()
    {
        var state = Storage.Deserialize<PipelineCatalogState>(new BinaryData(PipelinesStoredBefore))!;

        Assert.Equal(["dev", "fahrenheit"], state.Names);
        Assert.Equal(PipelinesStoredBefore, Storage.Serialize(state).ToString());
    }

    [Fact]
    public void A_stream_catalog_stored_before_reads_back_and_writes_the_same_json()
    {
        var state = Storage.Deserialize<StreamCatalogState>(new BinaryData(StreamsStoredBefore))!;

        Assert.Equal(["dev", "fahrenheit"], state.Names);
        Assert.Equal(StreamsStoredBefore, Storage.Serialize(state).ToString());
    }

    public static TheoryData<Type> GrainStates() =>
        [typeof(PipelineCatalogState), typeof(StreamCatalogState), typeof(NamedPipelineState), typeof(JobIndexState), typeof(DataNodeState), typeof(JobRecord)];

    [Theory]
    [MemberData(nameof(GrainStates))]
    public void A_grain_state_keeps_the_name_stored_data_holds(Type state)
    {
        var stored = state == typeof(JobRecord) ? "Rtl.Jobs.JobRecord, Rtl.Grains.Interfaces" : $"Rtl.Grains.{state.Name}, Rtl.Grains";

        Assert.Equal(stored, $"{state.FullName}, {state.Assembly.GetName().Name}");
    }

    [Fact]
    public void A_job_record_stored_when_task_notes_lived_in_the_interfaces_assembly_reads_back()
    {
        var note = new TaskNote("Total Elapsed Time", "0.2 ms");
        var record = new JobRecord
        {
            Id = Guid.NewGuid(),
            Status = JobStatus.Completed,
            // Lists, as a job builds them: a collection expression of one element is a type JSON cannot rebuild.
            Stages = new List<StageTiming> { new(0, "pi-1", 0.2, 3, new List<TaskTiming> { new("add", 0.2, 3, new List<TaskNote> { note }, new List<string>(), "pi-1") }) },
        };
        var written = Storage.Serialize(record).ToString();
        Assert.Contains("Rtl.Tasks.TaskNote, Rtl.Sdk", written);
        // The same record as it was written before the SDK held TaskNote.
        var before = written.Replace("Rtl.Tasks.TaskNote, Rtl.Sdk", "Rtl.Tasks.TaskNote, Rtl.Grains.Interfaces", StringComparison.Ordinal);

        var read = Storage.Deserialize<JobRecord>(new BinaryData(before))!;

        Assert.Equal(record.Id, read.Id);
        Assert.Equal(note, read.Stages.Single().Tasks.Single().Notes.Single());
    }
}
