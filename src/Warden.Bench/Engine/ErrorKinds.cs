using System.Net.Sockets;

namespace Warden.Bench.Engine;

/// <summary>The names failures are counted under in results.</summary>
public static class ErrorKinds
{
    /// <summary>The request did not answer within the timeout.</summary>
    public const string Timeout = "timeout";

    /// <summary>The request was still running long after its timeout when the repetition gave up on it.</summary>
    public const string Abandoned = "abandoned";

    /// <summary>A name for the kind of failure an exception stands for (<c>connection-refused</c>, an exception type).</summary>
    public static string FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "connection-refused",
                    SocketError.ConnectionReset => "connection-reset",
                    SocketError.TimedOut => "connect-timeout",
                    _ => "socket-" + socket.SocketErrorCode.ToString().ToLowerInvariant(),
                };
            }

            if (current is HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http)
            {
                return "http-" + http.HttpRequestError.ToString().ToLowerInvariant();
            }
        }

        return exception.GetType().Name;
    }
}
