using System.Security.Claims;
using Domain.Access;
using Microsoft.AspNetCore.Components.Authorization;
using Workflows.Access;
using Workflows.Data;

namespace Portal;

/// The signed-in person of one circuit, or of one request when a page is rendered on the server before its circuit
/// starts. A circuit loads the person once, and again only here, in ReloadAsync: every Security:SessionRevalidation
/// (IdentityRevalidatingAuthenticationStateProvider), so that a disabled account, a removed role or membership, or an
/// office closed meanwhile take effect within that time. A page rendered for a request takes the person the account
/// gate read for that request (RequestAccount), with no second load. SignedInPerson cascades the person to every
/// component; commands get it through CommandRunner. Handlers still check access themselves from the database
/// (appointments and case scope on every call).
public sealed class CurrentActor(IServiceProvider services, IReviewDbFactory dbs)
{
    private readonly Lock _lock = new();
    private Task<Actor>? _loaded;

    /// After a reload that found the person changed (roles, memberships, a disabled account): SignedInPerson passes the
    /// new one down, and the pages showing what the old one could see check again.
    public event Func<Actor, Task>? Changed;

    /// The person, loaded once. `request`: the request of a page rendered before its circuit starts.
    public Task<Actor> GetAsync(HttpContext? request = null)
    {
        lock (_lock)
        {
            return _loaded ??= request is null ? LoadAsync(CancellationToken.None) : request.ActorAsync();
        }
    }

    /// Reads the person again from the database; if anything that decides access changed, the circuit's components
    /// are given the new one. The one place a circuit's person is (re)loaded: to end or refresh a circuit at once when
    /// an account changes, call this for it.
    public async Task ReloadAsync(CancellationToken ct = default)
    {
        var fresh = await LoadAsync(ct);
        Task<Actor>? before;
        lock (_lock)
        {
            before = _loaded;
            _loaded = Task.FromResult(fresh);
        }

        if (before is { IsCompletedSuccessfully: true } && !before.Result.SameAccessAs(fresh) && Changed is { } changed)
        {
            await changed(fresh);
        }
    }

    private async Task<Actor> LoadAsync(CancellationToken ct)
    {
        // Resolved here, not in the constructor: the authentication state provider re-checks the person through this class.
        var state = await services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync();
        await using var db = await dbs.CreateAsync(ct);
        return await ActorLoader.LoadAsync(db, state.User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
    }
}
