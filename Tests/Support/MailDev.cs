using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Portal.Testing;

/// The real SMTP server the tests send to: maildev, started by scripts/test.sh, which exports its ports.
/// Test classes run in parallel against one maildev, so each reads and clears only its own recipients' messages.
public sealed class MailDev : IDisposable
{
    private readonly HttpClient _http;

    /// prefix "PORTAL_TEST_CRASH" names the second maildev that scripts/test.sh starts for the crash test alone, so that
    /// the mail it counts is only its own.
    public MailDev(string prefix = "PORTAL_TEST")
    {
        var url = Environment.GetEnvironmentVariable(prefix + "_MAILDEV_URL");
        var port = Environment.GetEnvironmentVariable(prefix + "_SMTP_PORT");
        if (string.IsNullOrEmpty(url) || !int.TryParse(port, out var smtpPort))
        {
            throw new InvalidOperationException(
                $"{prefix}_SMTP_PORT and {prefix}_MAILDEV_URL are not set: run the tests with scripts/test.sh, which starts maildev, "
                + "or start maildev yourself (see scripts/test.sh) and export both.");
        }

        SmtpPort = smtpPort;
        _http = new HttpClient { BaseAddress = new Uri(url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int SmtpPort { get; }

    public async Task<IReadOnlyList<MailDevEmail>> ForAsync(string recipient)
    {
        var all = await _http.GetFromJsonAsync<List<MailDevEmail>>("api/email") ?? [];
        return all.Where(m => m.To.Any(t => string.Equals(t.Address, recipient, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    /// Waits until the recipient has at least `count` messages (SMTP delivery is quick but not instant).
    public async Task<IReadOnlyList<MailDevEmail>> WaitForAsync(string recipient, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var messages = await ForAsync(recipient);
            if (messages.Count >= count || DateTime.UtcNow > deadline)
            {
                return messages;
            }

            await Task.Delay(100);
        }
    }

    /// The recipient's messages whose subject contains `text`, once one has arrived (or the time is up). Tests that
    /// share the maildev mail the same demo people, so each test picks its own messages by their subject.
    public async Task<IReadOnlyList<MailDevEmail>> WaitForSubjectAsync(string recipient, string text, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var found = (await ForAsync(recipient)).Where(m => m.Subject.Contains(text, StringComparison.Ordinal)).ToList();
            if (found.Count > 0 || DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(100);
        }
    }

    /// The message as it arrived (RFC 822), attachments included: parse it with MimeKit.
    public async Task<Stream> SourceAsync(string id) => new MemoryStream(await _http.GetByteArrayAsync($"api/email/{id}/source"));

    /// The Message-Id of every message of this portal's outbox that arrived, once per arrival (a message sent twice is
    /// listed twice). Outbox Message-Ids are unique to their database, so tests that mail the same people meanwhile
    /// (the crash tests share a maildev) are left out.
    public async Task<List<string>> ArrivedFromOutboxAsync(PortalFactory portal)
    {
        var outbox = await portal.WithDbAsync(db => db.OutboxMessages.Select(m => new { m.Id, m.Nonce, m.RecipientAddress }).ToListAsync());
        var ours = outbox.Select(m => Domain.Email.OutboxMessage.LocalIdFor(m.Id, m.Nonce)).ToHashSet();
        var ids = new List<string>();
        foreach (var to in outbox.Select(m => m.RecipientAddress).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            ids.AddRange((await ForAsync(to)).Select(m => (m.MessageId ?? string.Empty).Trim('<', '>')).Where(ours.Contains));
        }

        return ids;
    }

    public async Task ClearAsync(string recipient)
    {
        foreach (var message in await ForAsync(recipient))
        {
            using var response = await _http.DeleteAsync($"api/email/{message.Id}");
        }
    }

    public void Dispose() => _http.Dispose();
}

public sealed record MailDevAddress([property: JsonPropertyName("address")] string Address);

public sealed record MailDevEmail(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("html")] string? Html,
    [property: JsonPropertyName("to")] IReadOnlyList<MailDevAddress> To,
    [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, object> Headers)
{
    public string? MessageId => Headers.TryGetValue("message-id", out var id) ? id.ToString() : null;
}
