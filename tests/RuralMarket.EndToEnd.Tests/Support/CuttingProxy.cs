using System.Net;
using System.Net.Sockets;

namespace RuralMarket.EndToEnd.Tests.Support;

/// <summary>
/// A TCP proxy on loopback in front of the app that plays a weak rural link: it forwards everything, and once
/// <paramref name="cutAfterBytes"/> bytes have gone up towards the app it resets every open connection, once.
/// </summary>
public sealed class CuttingProxy(Uri target, long cutAfterBytes) : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _open = [];
    private readonly Lock _lock = new();
    private long _bytesUp;
    private int _cuts;
    private Task? _accepting;

    /// <summary>Where clients connect instead of the app.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Bytes the clients sent towards the app, in total.</summary>
    public long BytesUp => Interlocked.Read(ref _bytesUp);

    /// <summary>How many times the connections were cut (0 or 1).</summary>
    public int Cuts => Volatile.Read(ref _cuts);

    public CuttingProxy Start()
    {
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
        return this;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using var upstream = new TcpClient();
        using (client)
        {
            await upstream.ConnectAsync(target.Host, target.Port);
            var sockets = new[] { client.Client, upstream.Client };
            lock (_lock)
            {
                _open.AddRange(sockets);
            }

            var up = PumpAsync(client.GetStream(), upstream.GetStream(), countsUp: true);
            var down = PumpAsync(upstream.GetStream(), client.GetStream(), countsUp: false);
            await Task.WhenAny(up, down);
            foreach (var socket in sockets)
            {
                socket.Close(0);
            }

            await Task.WhenAll(up, down);
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool countsUp)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                if (countsUp && Interlocked.Add(ref _bytesUp, read) >= cutAfterBytes && Interlocked.CompareExchange(ref _cuts, 1, 0) == 0)
                {
                    CutEverything();
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The other side (or the cut) closed the connection: this direction is done.
        }
    }

    /// <summary>Resets every connection open now, as a lost signal does (RST, no goodbye).</summary>
    private void CutEverything()
    {
        lock (_lock)
        {
            foreach (var socket in _open)
            {
                socket.Close(0);
            }

            _open.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        if (_accepting is not null)
        {
            await _accepting;
        }

        CutEverything();
        _stop.Dispose();
    }
}
