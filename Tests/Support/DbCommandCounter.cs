using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Workflows.Access;

namespace Portal.Testing;

/// Counts the SQL commands that one portal's database receives (EF Core's diagnostic events, told apart from other
/// portals in the same test process by the database in their connection string), and among them the loads of the
/// signed-in person (ActorLoader tags the first of its queries). Each command is one round trip to the database. It
/// also lists the HTTP requests the portal's host received meanwhile (ASP.NET Core's diagnostic events).
public sealed class DbCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string BeginRequest = "Microsoft.AspNetCore.Hosting.BeginRequest";

    private readonly string _database;
    private readonly IDisposable _listeners;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private long _lastTicks = Stopwatch.GetTimestamp();

    /// database: a part of the connection string that only this portal's has (its SQLite file's folder, its database name).
    public DbCommandCounter(string database)
    {
        _database = database;
        _listeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// The SQL of each command since the last Reset, in the order they ran.
    public IReadOnlyList<string> Commands => [.. _commands];

    public int PersonLoads => _commands.Count(c => c.Contains(ActorLoader.Tag, StringComparison.Ordinal));

    /// "GET /reviews/4", "POST /_blazor/negotiate", ... since the last Reset (any portal of this test process).
    public IReadOnlyList<string> Requests => [.. _requests];

    public void Reset()
    {
        _commands.Clear();
        _requests.Clear();
    }

    /// Waits until no command has run for `quiet` (the page has finished loading what it loads), at most `timeout`.
    public async Task QuietAsync(TimeSpan quiet, TimeSpan timeout)
    {
        var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastTicks)) < quiet && Stopwatch.GetTimestamp() < until)
        {
            await Task.Delay(50);
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        var subscription = listener.Name switch
        {
            DbLoggerCategory.Name => listener.Subscribe(this, name => name == RelationalEventId.CommandExecuted.Name),
            "Microsoft.AspNetCore" => listener.Subscribe(this, name => name == BeginRequest),
            _ => null,
        };
        if (subscription is not null)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(subscription);
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is CommandExecutedEventData executed
            && executed.Connection.ConnectionString.Contains(_database, StringComparison.Ordinal))
        {
            _commands.Enqueue(executed.Command.CommandText);
            Interlocked.Exchange(ref _lastTicks, Stopwatch.GetTimestamp());
        }
        else if (value.Key == BeginRequest && value.Value?.GetType().GetProperty("httpContext")?.GetValue(value.Value) is HttpContext http)
        {
            _requests.Enqueue($"{http.Request.Method} {http.Request.Path}");
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _listeners.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
