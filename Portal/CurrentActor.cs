using System.Security.Claims;
using Domain.Access;
using Microsoft.AspNetCore.Components.Authorization;
using Workflows.Access;
using Workflows.Data;

namespace Portal;

/// The signed-in user as an Actor, loaded fresh from the database on each call so that a removed role or
/// membership takes effect at once. Pages pass it to handlers, which check access themselves.
public sealed class CurrentActor(AuthenticationStateProvider auth, IReviewDbFactory dbs)
{
    public async Task<Actor> GetAsync(CancellationToken ct = default)
    {
        var state = await auth.GetAuthenticationStateAsync();
        var userId = state.User.FindFirstValue(ClaimTypes.NameIdentifier);
        await using var db = await dbs.CreateAsync(ct);
        return await ActorLoader.LoadAsync(db, userId, ct);
    }
}
