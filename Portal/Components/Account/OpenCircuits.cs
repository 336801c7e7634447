using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Workflows.Accounts;

namespace Portal.Components.Account;

/// The interactive circuits open in this process, by account, so that a change to what an account may do (roles,
/// memberships, disabling, a reset) ends them at once rather than at the next revalidation: each circuit's
/// authentication state becomes anonymous, as revalidation would make it, so the page it showed is taken down on the
/// server and the browser is sent to sign in.
internal sealed class OpenCircuits : IOpenSessions
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<TrackedCircuit, byte>> _byUser = new();

    public void End(string userId)
    {
        if (_byUser.TryRemove(userId, out var circuits))
        {
            foreach (var circuit in circuits.Keys)
            {
                circuit.End();
            }
        }
    }

    internal void Add(string userId, TrackedCircuit circuit) =>
        _byUser.GetOrAdd(userId, _ => new()).TryAdd(circuit, 0);

    internal void Remove(string userId, TrackedCircuit circuit)
    {
        if (_byUser.TryGetValue(userId, out var circuits))
        {
            circuits.TryRemove(circuit, out _);
        }
    }
}

/// Scoped to a circuit: registers it under its account while it is open.
internal sealed class TrackedCircuit(OpenCircuits circuits, AuthenticationStateProvider authentication) : CircuitHandler
{
    private string? _userId;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        _userId = state.User.Identity?.IsAuthenticated == true ? state.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (_userId is not null)
        {
            circuits.Add(_userId, this);
        }
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_userId is not null)
        {
            circuits.Remove(_userId, this);
        }

        return Task.CompletedTask;
    }

    public void End()
    {
        if (authentication is IdentityRevalidatingAuthenticationStateProvider revalidating)
        {
            revalidating.EndSession();
        }
    }
}
