using Rtl.Messaging;
using Rtl.Messaging.Bulk;
using Xunit;

namespace Rtl.Tests.Messaging;

public sealed class SiloLossTests
{
    [Fact]
    public void A_table_that_could_not_be_fetched_is_a_lost_silo_wrapped_or_not()
    {
        var fetch = new BulkFetchException("cannot connect to bulk channel 127.0.0.9:40000: Connection refused");

        Assert.True(SiloLoss.Is(fetch));
        Assert.True(SiloLoss.Is(new AggregateException(fetch)));
        Assert.True(SiloLoss.Is(new InvalidOperationException("outer", fetch)));
        Assert.False(SiloLoss.Is(new IOException("disk full")));
    }

    [Fact]
    public async Task A_call_whose_table_could_not_be_fetched_is_tried_again()
    {
        var result = await SiloLoss.Retry(attempt => attempt == 0
            ? throw new BulkFetchException("bulk channel 127.0.0.9:40000 closed the connection before answering")
            : Task.FromResult(attempt));

        Assert.Equal(1, result);
    }
}
