using System.Security.Claims;
using Domain.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Data;

namespace Workflows.Access;

/// The signed-in person of an HTTP request, read from the database once per request (the account gate reads it
/// first; endpoints then get the same one): the cookie says who they are, never what they may do.
public static class RequestAccount
{
    private static readonly object Key = new();

    public static async Task<SignedInAccount> SignedInAccountAsync(this HttpContext http)
    {
        if (http.Items.TryGetValue(Key, out var loaded) && loaded is SignedInAccount account)
        {
            return account;
        }

        var userId = http.User.Identity?.IsAuthenticated == true ? http.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        await using (var db = await http.RequestServices.GetRequiredService<IReviewDbFactory>().CreateAsync(http.RequestAborted))
        {
            account = await ActorLoader.LoadAccountAsync(db, userId, http.RequestAborted);
        }

        http.Items[Key] = account;
        return account;
    }

    /// The Actor that endpoints pass to handlers (Anonymous for a disabled or unknown account).
    public static async Task<Actor> ActorAsync(this HttpContext http) => (await http.SignedInAccountAsync()).Actor;
}
