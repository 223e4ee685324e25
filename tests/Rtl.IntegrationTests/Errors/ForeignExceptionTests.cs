using Rtl.IntegrationTests.Postgres;
using Rtl.Messaging;
using Xunit;

namespace Rtl.IntegrationTests.Errors;

/// <summary>Throws an exception of a library's own type, one Orleans has no codec for.</summary>
public interface IForeignErrorGrain : IGrainWithIntegerKey
{
    Task Throw(string message);
}

public sealed class ForeignErrorGrain : Grain, IForeignErrorGrain
{
    // The one seen for real: grain storage failing to read a job record.
    public Task Throw(string message) => throw new Newtonsoft.Json.JsonSerializationException(message);
}

/// <summary>On a silo as <c>rtl silo</c> builds it, a library's exception still reaches the caller with its message.</summary>
public sealed class ForeignExceptionTests
{
    [Fact]
    public async Task An_exception_Orleans_cannot_serialize_reaches_the_client_as_its_type_name_and_message()
    {
        await using var silos = new RtlSilos();
        await silos.StartSiloAsync();
        await using var client = await silos.ConnectAsync();

        var error = await Assert.ThrowsAsync<RemoteErrorException>(() =>
            client.Cluster.GetGrain<IForeignErrorGrain>(0).Throw("could not create an instance of the job record"));

        Assert.Equal("Newtonsoft.Json.JsonSerializationException", error.OriginalType);
        Assert.StartsWith("could not create an instance of the job record (JsonSerializationException on silo, in IForeignErrorGrain.Throw)", error.Message);
    }
}
