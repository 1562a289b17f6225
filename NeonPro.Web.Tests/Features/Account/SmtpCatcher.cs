using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NeonPro.Web.Tests.Features.Account;

/// <summary>
/// A minimal SMTP server on a loopback port that keeps every message it receives, so a test can read the
/// e-mail the app really sent through System.Net.Mail. A message is stored before the server acknowledges
/// it, so it is there by the time the app's request has finished.
/// </summary>
public sealed class SmtpCatcher : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public SmtpCatcher()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>The raw messages (headers and encoded body), oldest first.</summary>
    public ConcurrentQueue<string> Messages { get; } = new();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
        await using var writer = new StreamWriter(stream, Encoding.ASCII, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test SMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            switch (line.Split(' ')[0].ToUpperInvariant())
            {
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } body && body != ".")
                        data.Append(body.StartsWith("..", StringComparison.Ordinal) ? body[1..] : body).Append("\r\n");
                    Messages.Enqueue(data.ToString());
                    await writer.WriteLineAsync("250 Queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }

    /// <summary>The decoded text of a message's body (base64 or quoted-printable, as SmtpClient chose).</summary>
    public static string Body(string raw)
    {
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = raw[..split];
        var body = raw[(split + 4)..];
        if (headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase))
            return Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", "")));
        if (headers.Contains("Content-Transfer-Encoding: quoted-printable", StringComparison.OrdinalIgnoreCase))
        {
            var text = body.Replace("=\r\n", "");
            var bytes = new List<byte>();
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '=' && i + 2 < text.Length)
                {
                    bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
            return Encoding.UTF8.GetString([.. bytes]);
        }
        return body;
    }

    // The factory's synchronous and asynchronous disposal both reach here: stopping twice must be harmless.
    public void Dispose()
    {
        if (_stop.IsCancellationRequested) return;
        _stop.Cancel();
        _listener.Stop();
    }
}
