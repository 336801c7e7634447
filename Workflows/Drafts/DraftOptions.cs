using Domain.Drafts;

namespace Workflows.Drafts;

/// The "Drafts" section of appsettings.json (README.md, Configuration).
public sealed class DraftOptions
{
    /// The deadline offered for panel comments on a new draft: today + this many calendar days.
    public int CommentDays { get; set; } = CommentWindow.DefaultDays;
}
