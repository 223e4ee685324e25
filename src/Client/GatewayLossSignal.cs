namespace Rtl.Client;

/// <summary>
/// Trips when the client loses a gateway. A request already sent through a gateway that died gets no
/// answer until its timeout, so calls in flight at that moment are abandoned and sent again.
/// </summary>
internal sealed class GatewayLossSignal : IClusterConnectionStatusObserver, IDisposable
{
    private CancellationTokenSource current = new();

    /// <summary>Cancelled at the next gateway loss.</summary>
    public CancellationToken Token => Volatile.Read(ref current).Token;

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        if (currentNumberOfGateways < previousNumberOfGateways)
        {
            Trip();
        }
    }

    public void NotifyClusterConnectionLost() => Trip();

    private void Trip() => Interlocked.Exchange(ref current, new CancellationTokenSource()).Cancel();

    /// <summary>The client is gone: nothing waits on the current token any more.</summary>
    public void Dispose() => Volatile.Read(ref current).Dispose();
}
