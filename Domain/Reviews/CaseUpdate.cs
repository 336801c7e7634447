namespace Domain.Reviews;

/// A short free-text note of where a review stands ("awaiting trial date", "draft 2 with panel"), kept by the lead
/// office. Every update is kept; the latest is shown on the review page and in board reports, so it must hold
/// case labels only, never real names. Imported rows come from the office's old spreadsheet.
public sealed class CaseUpdate
{
    public long Id { get; set; }

    public int ReviewId { get; set; }

    public required string Text { get; set; }

    /// The date the update describes the review "as at" (a London date the officer enters, today by default): the
    /// board report as at a date shows the latest update as at that date.
    public DateOnly AsAt { get; set; }

    /// When it was typed (metadata).
    public DateTime RecordedAtUtc { get; set; }

    public required string ByUserId { get; set; }

    public bool IsImported { get; set; }

    public const int TextMaxLength = 1000;
}
