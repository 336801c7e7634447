namespace Domain.Authors;

/// An entry in the directory of independent chairs/authors that office staff keep. Each entry is linked to a
/// portal account with the IndependentAuthor role (created by invitation when the person has none yet).
/// Past reviews are not stored here: they are computed from AuthorAppointment rows.
public sealed class AuthorProfile
{
    public int Id { get; set; }

    /// The linked portal account (unique: one entry per account).
    public required string UserId { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    public string? Phone { get; set; }

    /// Free text, e.g. "coercive control; suicide; older people".
    public string? Specialisms { get; set; }

    /// Areas the person covers, e.g. "East Midlands; Kent".
    public string? Areas { get; set; }

    /// The date of the person's last DBS (Disclosure and Barring Service) check.
    public DateOnly? DbsCheckedOn { get; set; }

    /// What the person says about when they can take on work; they may edit it themselves.
    public string? Availability { get; set; }

    /// Daily rate in pence.
    public long? DayRatePence { get; set; }

    /// Usual fee for a whole review in pence.
    public long? ReviewFeePence { get; set; }

    /// Lower-cased name, email, specialisms and areas, so that search behaves the same on SQLite and PostgreSQL.
    public string SearchText { get; set; } = string.Empty;

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// Optimistic concurrency: incremented by the application on every change.
    public int Version { get; set; }

    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 256;
    public const int PhoneMaxLength = 40;
    public const int TextMaxLength = 500;

    public void RefreshSearchText() =>
        SearchText = string.Join(' ', Name, Email, Specialisms, Areas).ToLowerInvariant();
}
