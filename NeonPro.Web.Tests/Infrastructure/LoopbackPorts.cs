using System.Net;
using System.Net.Sockets;

namespace NeonPro.Web.Tests.Infrastructure;

/// <summary>Ports for the servers the tests start themselves (PostgreSQL, SMTP, app nodes).</summary>
public static class LoopbackPorts
{
    /// <summary>A loopback port nobody listens on now: the operating system picks it, and it is released at once.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
