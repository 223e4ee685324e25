using Orleans.Serialization;
using Rtl.Messaging;

namespace Rtl.Silo.Hosting;

/// <summary>
/// Every error a grain call ends in reaches its caller: one whose type Orleans cannot serialize (say a JSON
/// library's) would otherwise turn into a codec failure on the caller's side, and the real message would be lost.
/// Only failed calls pay for the check.
/// </summary>
public sealed class ErrorBoundary(Serializer serializer) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception error) when (!Serializable(error))
        {
            throw new RemoteErrorException(error.GetType().FullName ?? error.GetType().Name,
                $"{error.Message} ({error.GetType().Name} on silo, in {context.InterfaceMethod.DeclaringType?.Name}.{context.InterfaceMethod.Name})");
        }
    }

    private bool Serializable(Exception error)
    {
        try
        {
            _ = serializer.SerializeToArray(error);
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }
}
