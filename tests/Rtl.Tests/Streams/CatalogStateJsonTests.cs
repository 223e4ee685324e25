using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;
using Rtl.Grains;
using Xunit;

namespace Rtl.Tests.Streams;

/// <summary>
/// The catalogs' state as grain storage holds it (Orleans' Newtonsoft JSON serializer, the silo's default): the JSON a
/// catalog wrote before its state moved onto <see cref="NameCatalogState"/> reads back, and the state writes the same.
/// </summary>
public sealed class CatalogStateJsonTests
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
}
