using System.Data.Common;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Rtl.Client.Storage;

/// <summary>
/// A look at the membership table before a client waits for gateways (up to its ConnectTimeout): when no silo is
/// listed as active, or none of those listed accepts a connection on its gateway port (a silo killed without leaving
/// stays listed), no silo is running, and the client can say so at once.
/// </summary>
internal static class ClusterProbe
{
    // Orleans' SiloStatus as the membership table stores it: a joining silo is about to take calls.
    private const int Joining = 2;
    private const int Active = 3;

    private static readonly TimeSpan Knock = TimeSpan.FromSeconds(1);

    /// <summary>Why no silo can be running, or null when one may be (or the table cannot tell: Orleans then tries).</summary>
    public static async Task<string?> WhyNone(RtlClientOptions options, CancellationToken cancellationToken)
    {
        List<IPEndPoint> gateways;
        try
        {
            gateways = await ActiveGateways(options, cancellationToken);
        }
        catch (DbException)
        {
            return null; // no schema yet, or the database is busy: not proof of anything
        }

        if (gateways.Count == 0)
        {
            return $"no silo of cluster '{options.ClusterId}' is listed as active or joining";
        }

        var answers = await Task.WhenAll(gateways.Select(g => Answers(g, cancellationToken)));
        return answers.Any(a => a) ? null
            : $"the silo(s) listed as active do not answer at {string.Join(", ", gateways)}";
    }

    private static async Task<List<IPEndPoint>> ActiveGateways(RtlClientOptions options, CancellationToken cancellationToken)
    {
        await using DbDataSource source = StorageKind.IsPostgres(options.Storage, options.ConnectionString)
            ? NpgsqlDataSource.Create(options.ConnectionString!)
            : new SqliteDataSource(options.DatabasePath);
        await using var command = source.CreateCommand(
            "SELECT Address, ProxyPort FROM OrleansMembershipTable WHERE DeploymentId = @cluster AND Status IN (@joining, @active) AND ProxyPort > 0");
        command.Parameters.Add(Parameter(command, "cluster", options.ClusterId));
        command.Parameters.Add(Parameter(command, "joining", Joining));
        command.Parameters.Add(Parameter(command, "active", Active));
        var gateways = new List<IPEndPoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (IPAddress.TryParse(reader.GetString(0), out var address))
            {
                gateways.Add(new IPEndPoint(address, Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return gateways;
    }

    private static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        return parameter;
    }

    private static async Task<bool> Answers(IPEndPoint gateway, CancellationToken cancellationToken)
    {
        using var socket = new Socket(gateway.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Knock);
        try
        {
            await socket.ConnectAsync(gateway, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
