using Domain;
using Domain.Documents;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Data;
using Workflows.Documents;

namespace Portal.Testing;

/// Account and document set-up that tests of whole deployments (backups, upgrades) share.
public static class TestAccounts
{
    /// Turns on two-factor authentication with an authenticator app for an account, as if they had scanned the QR
    /// code; returns the key, from which Totp computes their codes.
    public static async Task<string> TurnOnAuthenticatorAsync(PortalFactory portal, string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    /// Stores a document on a review through the real upload path (content check, storage, rows).
    public static async Task<DocumentVersion> AddDocumentAsync(PortalFactory portal, int reviewId, string uploadedBy, byte[] content, string fileName)
    {
        var actor = await portal.ActorAsync(uploadedBy);
        var stored = await portal.Get<DocumentUploads>().SaveOrDiscardAsync(async batch =>
        {
            await using var db = await portal.Get<IReviewDbFactory>().CreateAsync();
            var version = await batch.AddVersionAsync(db, actor, reviewId, DocumentKind.Other, $"test:{Guid.NewGuid():N}", "Test document",
                new MemoryStream(content), fileName, null, CancellationToken.None);
            if (version.IsSuccess)
            {
                await db.SaveChangesAsync();
            }

            return version;
        });
        return stored.IsSuccess ? stored.Value : throw new InvalidOperationException(stored.Error!.Message);
    }
}
