namespace Domain.Workflow;

/// A command already carried out, by its key (a form's key, or "timer:{id}"): a repeated key returns the earlier
/// result instead of acting twice. The key is unique in the table, so two racing requests cannot both commit.
public sealed class IdempotencyKey
{
    public long Id { get; set; }

    public required string Key { get; set; }

    public int? ReviewId { get; set; }

    public string? UserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public long? JournalEntryId { get; set; }

    public JournalEntry? JournalEntry { get; set; }

    public const int KeyMaxLength = 100;
}
