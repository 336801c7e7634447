using Domain.Workflow;

namespace Domain.Drafts;

/// A numbered draft of the overview report (1, 2, 3...) shared with the review's panel for comments. Its file is a
/// Document of kind Draft with the owner key "draft:{Id}"; its comment window closes at the end of CommentsDue
/// (London) or when the office closes the round, whichever comes first.
public sealed class Draft
{
    public long Id { get; set; }

    public int ReviewId { get; set; }

    public int Number { get; set; }

    /// The Document holding the file (set in the same transaction that adds the draft).
    public long? DocumentId { get; set; }

    public DateOnly CommentsDue { get; set; }

    public required string UploadedByUserId { get; set; }

    public DateTime UploadedAtUtc { get; set; }

    /// The lead office's task to gather the comments and close the round, due the day after the deadline.
    public long? OfficeWorkItemId { get; set; }

    public WorkItem? OfficeWorkItem { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    public string? ClosedByUserId { get; set; }

    /// Optimistic concurrency (closing and changing the deadline race with comments).
    public int Version { get; set; }

    public List<DraftComment> Comments { get; set; } = [];

    public List<DraftInvitation> Invitations { get; set; } = [];

    public bool IsClosed => ClosedAtUtc is not null;

    public string OwnerKey => OwnerKeyFor(Id);

    public static string OwnerKeyFor(long draftId) => $"draft:{draftId}";

    public static long? IdFromOwnerKey(string ownerKey) =>
        ownerKey.StartsWith("draft:", StringComparison.Ordinal) && long.TryParse(ownerKey.AsSpan(6), out var id) ? id : null;
}

/// A panel member's comment on a draft: text, optionally where in the draft it applies ("3.2", "para 14").
public sealed class DraftComment
{
    public long Id { get; set; }

    public long DraftId { get; set; }

    public required string UserId { get; set; }

    public required string Text { get; set; }

    public string? Reference { get; set; }

    public DateTime AtUtc { get; set; }

    public const int TextMaxLength = 4000;

    public const int ReferenceMaxLength = 100;
}

/// A panel member asked to comment when the draft was shared: the email went through the outbox, and WorkItemId is
/// the task in their name, completed when they comment and cancelled when the round closes.
public sealed class DraftInvitation
{
    public long Id { get; set; }

    public long DraftId { get; set; }

    public required string UserId { get; set; }

    public long? WorkItemId { get; set; }

    public WorkItem? WorkItem { get; set; }
}
