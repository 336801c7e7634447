namespace Domain.Panels;

/// Why a person sits on a review's panel. Their access itself is a ReviewParticipant row of kind PanelMember.
public enum PanelRole
{
    /// An agency contact representing their agency.
    AgencyRepresentative,
    /// A specialist (e.g. a domestic abuse service) invited for their expertise.
    Specialist,
    /// The appointed independent chair/author.
    Chair,
}

/// A panel member's answer for one proposed date: a poll.
public enum Availability
{
    Available,
    IfNeedBe,
    NotAvailable,
}

public enum MeetingStatus
{
    /// Dates proposed; members mark their availability.
    Polling,
    /// A date chosen: invitations sent.
    Scheduled,
    Cancelled,
}

/// The panel details of one PanelMember ReviewParticipant row (same id): its role and, for agency
/// representatives, the agency. Removing a member revokes the participant row; this row stays for the record.
public sealed class PanelSeat
{
    public int ParticipantId { get; set; }

    public int ReviewId { get; set; }

    public PanelRole Role { get; set; }

    public int? AgencyId { get; set; }

    public Reviews.ReviewParticipant? Participant { get; set; }
}

/// A panel meeting: first a poll over proposed dates, then a scheduled meeting with an iCalendar invitation whose
/// UID stays the same for the meeting's life and whose Sequence goes up with each change of time or place.
public sealed class PanelMeeting
{
    public const int TitleMaxLength = 120;
    public const int PlaceMaxLength = 300;
    public const int NotesMaxLength = 4000;

    public long Id { get; set; }

    public int ReviewId { get; set; }

    /// E.g. "Panel meeting 1": no names.
    public required string Title { get; set; }

    public MeetingStatus Status { get; set; }

    public int DurationMinutes { get; set; } = 120;

    public long? ChosenOptionId { get; set; }

    public DateTime? StartsAtUtc { get; set; }

    public string? Location { get; set; }

    public string? OnlineLink { get; set; }

    /// iCalendar SEQUENCE: 0 for the first invitation, +1 for each update or the cancellation.
    public int Sequence { get; set; }

    public string? Notes { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public required string CreatedByUserId { get; set; }

    /// Optimistic concurrency, incremented by the application.
    public int Version { get; set; }

    public List<MeetingOption> Options { get; set; } = [];

    public List<MeetingAttendance> Attendance { get; set; } = [];

    public List<MeetingAction> Actions { get; set; } = [];

    /// Stable for the meeting's life: calendars match updates and cancellations by it.
    public string Uid => UidFor(Id);

    public static string UidFor(long id) => $"panel-meeting-{id}@review-portal.local";
}

/// One proposed date and time of a meeting.
public sealed class MeetingOption
{
    public long Id { get; set; }

    public long MeetingId { get; set; }

    public DateTime StartsAtUtc { get; set; }

    public List<MeetingResponse> Responses { get; set; } = [];
}

/// One member's availability for one proposed date (one row per member and date; changed in place).
public sealed class MeetingResponse
{
    public long OptionId { get; set; }

    public required string UserId { get; set; }

    public Availability Availability { get; set; }

    public DateTime AtUtc { get; set; }
}

/// Who attended a meeting (recorded by the officer afterwards).
public sealed class MeetingAttendance
{
    public long MeetingId { get; set; }

    public required string UserId { get; set; }

    public bool Attended { get; set; }
}

/// An action agreed at a meeting.
public sealed class MeetingAction
{
    public const int TextMaxLength = 1000;
    public const int OwnerMaxLength = 200;

    public long Id { get; set; }

    public long MeetingId { get; set; }

    public required string Text { get; set; }

    /// Who does it: a role or agency as recorded by the officer (e.g. "Leicestershire Police"), never a case name.
    public required string Owner { get; set; }

    public DateOnly DueDate { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
