using System.Globalization;
using Microsoft.Extensions.Options;
using Rtl.Data;
using Rtl.Grains.Hosting;
using Rtl.Jobs;
using Rtl.Pipelines;

namespace Rtl.Silo.Security;

/// <summary>
/// Refuses a job whose input table is over <see cref="RtlOptions.MaxTableBytes"/> as it arrives, before it runs
/// or is stored: <c>RunAsync</c> gets a failed result, <c>SubmitAsync</c> an <see cref="ArgumentException"/>,
/// both saying how big the table is and which option sets the limit.
/// </summary>
public sealed class TableSizeLimit(IOptions<RtlOptions> options) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is not (IPipelineGrain or IJobGrain) || Oversized(context.Request) is not { } table)
        {
            return context.Invoke();
        }

        var message = Describe(table, options.Value.MaxTableBytes);
        if (context.InterfaceMethod.ReturnType == typeof(Task<JobResult>))
        {
            context.Result = JobResult.Failed(((IAddressable)context.Grain).GetPrimaryKey(), [], 0, new RtlError(RtlErrorKind.Limit, message));
            return Task.CompletedTask;
        }

        throw new ArgumentException(message);
    }

    /// <summary>
    /// The silo's Orleans message limit: room for the largest allowed input (so this filter, not the transport, refuses
    /// it) and for any result a job's memory budget allows; never below Orleans' own default of 100 MB.
    /// </summary>
    public static int MessageBodyLimit(long maxTableBytes, long memoryBudget) =>
        (int)Math.Clamp(Math.Max(2 * maxTableBytes + (16 << 20), memoryBudget), 100 << 20, int.MaxValue);

    public static string Describe(Table table, long limit) => Describe(table.ByteSize, table.RowCount, table.ColumnCount, limit);

    public static string Describe(long bytes, long rows, int columns, long limit) => string.Create(CultureInfo.InvariantCulture,
        $"input table: {bytes:N0} bytes ({rows:N0} rows × {columns} columns) is over this cluster's limit of {limit:N0} bytes (MaxTableBytes, --max-table-bytes)");

    private Table? Oversized(Orleans.Serialization.Invocation.IInvokable request)
    {
        for (var i = 0; i < request.GetArgumentCount(); i++)
        {
            if (request.GetArgument(i) is Table table && table.ByteSize > options.Value.MaxTableBytes)
            {
                return table;
            }
        }

        return null;
    }
}
