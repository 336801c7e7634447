namespace Domain.Authors;

/// What an appointed person does on a review: often one person is both chair and author.
public enum AppointmentRole
{
    Chair,
    Author,
    ChairAndAuthor,
}

/// The appointment of an independent chair and/or author to one review, with the agreed fee. Ending it (for
/// example a resignation) keeps the row with the date and reason; the person's ChairAuthor participant row
/// is revoked at the same time, which removes their access to the case.
public sealed class AuthorAppointment
{
    public long Id { get; set; }

    public int ReviewId { get; set; }

    public required string UserId { get; set; }

    public AppointmentRole Role { get; set; }

    /// The agreed fee in pence (money is stored as whole pence: SQLite cannot compare decimals).
    public long FeePence { get; set; }

    public DateOnly AppointedOn { get; set; }

    /// The expression of interest the person answered, if any.
    public long? ExpressionOfInterestId { get; set; }

    public DateOnly? EndedOn { get; set; }

    public string? EndReason { get; set; }

    public string? EndedByUserId { get; set; }

    public const int EndReasonMaxLength = 1000;

    public bool IsActive => EndedOn is null;

    public static string Describe(AppointmentRole role) => role switch
    {
        AppointmentRole.Chair => "Chair",
        AppointmentRole.Author => "Author",
        AppointmentRole.ChairAndAuthor => "Chair and author",
        _ => role.ToString(),
    };
}
