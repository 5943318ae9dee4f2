using System.Net;
using System.Net.Sockets;

namespace Maca.Testing;

public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls until something accepts connections on the port, or fails after the timeout.</summary>
    public static Task WaitUntilListeningAsync(int port, TimeSpan timeout, Func<string> diagnostics) =>
        Poll.UntilAsync(async () =>
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException) { return false; }
        }, timeout, () => $"Nothing listened on port {port} within {timeout.TotalSeconds} s. {diagnostics()}");
}
