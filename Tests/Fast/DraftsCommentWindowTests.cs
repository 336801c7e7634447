using Domain.Drafts;
using Microsoft.Extensions.Time.Testing;
using Workflows.Time;

namespace Portal.Fast.Tests;

/// The comment window of a draft: open until 23:59:59 London time on the deadline (GMT and BST), closed earlier by the
/// office, calendar days only (a bank holiday does not move it), default deadlines across month and year ends.
public class DraftsCommentWindowTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static Draft DraftDue(DateOnly due, DateTime? closedAtUtc = null) =>
        new() { Id = 7, ReviewId = 1, Number = 2, CommentsDue = due, UploadedByUserId = "author", ClosedAtUtc = closedAtUtc };

    /// Business time as the portal reads it (BusinessClock over a FakeTimeProvider).
    private static BusinessClock At(int y, int mo, int d, int h, int mi, int s = 0) =>
        new(new FakeTimeProvider(new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.Zero)));

    [Fact]
    public void CheckCanComment_InWinter_OpenAt2359LondonOnTheDeadline_ClosedAtMidnight()
    {
        var draft = DraftDue(D(2026, 12, 7));

        Assert.Null(CommentWindow.CheckCanComment(draft, At(2026, 12, 7, 23, 59, 59).UtcNow));
        var late = CommentWindow.CheckCanComment(draft, At(2026, 12, 8, 0, 0).UtcNow);

        Assert.NotNull(late);
        Assert.Equal("The deadline for comments on draft 2 was 23:59 on 7 Dec 2026 (UK time): comments are no longer accepted. "
            + "Contact the review office if you still need to add something.", late.Message);
    }

    [Fact]
    public void CheckCanComment_InSummer_ClosesAt2300Utc_WhichIsMidnightBritishSummerTime()
    {
        var draft = DraftDue(D(2026, 6, 30));

        Assert.Null(CommentWindow.CheckCanComment(draft, At(2026, 6, 30, 22, 59, 59).UtcNow));
        Assert.NotNull(CommentWindow.CheckCanComment(draft, At(2026, 6, 30, 23, 0).UtcNow));
        Assert.False(CommentWindow.IsOpen(draft, At(2026, 6, 30, 23, 30).UtcNow));
    }

    [Fact]
    public void CheckCanComment_OnTheNightTheClocksGoBack_UsesLondonMidnight()
    {
        // 25 Oct 2026: BST ends at 01:00 UTC. A deadline of the 24th closes at 23:00 UTC on the 24th (00:00 BST).
        var draft = DraftDue(D(2026, 10, 24));
        Assert.Null(CommentWindow.CheckCanComment(draft, At(2026, 10, 24, 22, 59).UtcNow));
        Assert.NotNull(CommentWindow.CheckCanComment(draft, At(2026, 10, 24, 23, 0).UtcNow));
    }

    [Fact]
    public void CheckCanComment_AfterTheOfficeClosedTheRound_IsRefusedEvenBeforeTheDeadline()
    {
        var closedAt = At(2026, 11, 25, 9, 30).UtcNow;
        var draft = DraftDue(D(2026, 12, 7), closedAt);

        var refused = CommentWindow.CheckCanComment(draft, At(2026, 11, 26, 10, 0).UtcNow);

        Assert.NotNull(refused);
        Assert.StartsWith("The comment round for draft 2 was closed by the review office on 25 Nov 2026", refused.Message, StringComparison.Ordinal);
        Assert.False(CommentWindow.IsOpen(draft, At(2026, 11, 26, 10, 0).UtcNow));
    }

    [Fact]
    public void DefaultDeadline_IsTwoCalendarWeeks_AndABankHolidayDoesNotMoveIt()
    {
        // 11 Dec 2026 + 14 days = Christmas Day, a bank holiday: comments are still due that day, open until 23:59.
        var today = At(2026, 12, 11, 10, 0).Today;
        var due = CommentWindow.DefaultDeadline(today);

        Assert.Equal(D(2026, 12, 25), due);
        Assert.Null(CommentWindow.CheckCanComment(DraftDue(due), At(2026, 12, 25, 23, 59).UtcNow));
        Assert.NotNull(CommentWindow.CheckCanComment(DraftDue(due), At(2026, 12, 26, 0, 0).UtcNow));
        Assert.Equal(D(2026, 12, 26), CommentWindow.OfficeTaskDue(due));
    }

    [Theory]
    [InlineData(2027, 1, 17, 14, 2027, 1, 31)]
    [InlineData(2027, 1, 31, 14, 2027, 2, 14)]
    [InlineData(2028, 2, 15, 14, 2028, 2, 29)]
    [InlineData(2026, 12, 31, 14, 2027, 1, 14)]
    [InlineData(2026, 11, 30, 21, 2026, 12, 21)]
    public void DefaultDeadline_AcrossMonthAndYearEnds(int y, int m, int d, int days, int dy, int dm, int dd) =>
        Assert.Equal(D(dy, dm, dd), CommentWindow.DefaultDeadline(D(y, m, d), days));

    [Fact]
    public void Today_IsTheLondonDate_SoLateEveningInSummerIsAlreadyTomorrow()
    {
        // 23:30 UTC on 31 Jul is 00:30 on 1 Aug in London: "today" is 1 Aug, and 31 Jul is in the past.
        var today = At(2026, 7, 31, 23, 30).Today;
        Assert.Equal(D(2026, 8, 1), today);
        Assert.NotNull(CommentWindow.CheckDeadline(D(2026, 7, 31), today));
        Assert.Equal(D(2026, 8, 15), CommentWindow.DefaultDeadline(today));
    }

    [Fact]
    public void CheckDeadline_PastRefused_TodayAllowed_NotMoreThanAYear()
    {
        var today = D(2026, 11, 23);

        Assert.Equal("The comment deadline cannot be in the past: choose 23 Nov 2026 or later.", CommentWindow.CheckDeadline(D(2026, 11, 22), today)?.Message);
        Assert.Equal("CommentsDue", CommentWindow.CheckDeadline(D(2026, 11, 22), today)?.Field);
        Assert.Null(CommentWindow.CheckDeadline(today, today));
        Assert.Null(CommentWindow.CheckDeadline(today.AddDays(CommentWindow.LongestDays), today));
        Assert.NotNull(CommentWindow.CheckDeadline(today.AddDays(CommentWindow.LongestDays + 1), today));
        Assert.Equal("Enter the date by which the panel should comment.", CommentWindow.CheckDeadline(null, today)?.Message);
    }

    [Fact]
    public void CheckComment_EachBadFieldHasItsOwnMessage()
    {
        var errors = CommentWindow.CheckComment("  ", new string('x', DraftComment.ReferenceMaxLength + 1));

        Assert.Equal(["Text", "Reference"], errors.Select(e => e.Field));
        Assert.Equal("Enter your comment.", errors[0].Message);
        Assert.Single(CommentWindow.CheckComment(new string('x', DraftComment.TextMaxLength + 1), null));
        Assert.Empty(CommentWindow.CheckComment("Section 3.2 understates the GP's contact.", "3.2"));
    }

    [Fact]
    public void OwnerKey_RoundTrips_AndOtherKindsAreNotDrafts()
    {
        Assert.Equal("draft:42", Draft.OwnerKeyFor(42));
        Assert.Equal(42, Draft.IdFromOwnerKey("draft:42"));
        Assert.Null(Draft.IdFromOwnerKey("request:42"));
        Assert.Null(Draft.IdFromOwnerKey("draft:x"));
    }

    [Fact]
    public void IsOpen_UntilTheLastSecondOfTheDeadline_ClosedFromMidnight_AndWhenTheOfficeClosedIt()
    {
        var draft = DraftDue(D(2026, 12, 7));

        Assert.True(CommentWindow.IsOpen(draft, At(2026, 12, 7, 23, 59, 59).UtcNow));
        Assert.False(CommentWindow.IsOpen(draft, At(2026, 12, 8, 0, 0).UtcNow));
        Assert.False(CommentWindow.IsOpen(DraftDue(D(2026, 12, 7), closedAtUtc: new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc)), At(2026, 12, 2, 9, 0).UtcNow));
    }
}
