namespace Rtl.IntegrationTests.Errors;

/// <summary>Throws a product exception on a silo, so a test sees what a client receives of it.</summary>
public interface IExceptionProbeGrain : IGrainWithIntegerKey
{
    Task Throw(string exceptionType);
}

public sealed class ExceptionProbeGrain : Grain, IExceptionProbeGrain
{
    public Task Throw(string exceptionType) => throw ProductExceptions.Sample(ProductExceptions.Named(exceptionType));
}
