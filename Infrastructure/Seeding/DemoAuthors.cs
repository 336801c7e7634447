using Domain.Authors;

namespace Infrastructure.Seeding;

/// The demo author's directory entry, so that expressions of interest can be tried at once.
internal static class DemoAuthors
{
    public static AuthorProfile Profile(string userId, string email, string name, DateTime nowUtc)
    {
        var profile = new AuthorProfile
        {
            UserId = userId,
            Name = name,
            Email = email,
            Phone = "01632 960123",
            Specialisms = "Coercive control; suicide; older people",
            Areas = "East Midlands; Kent",
            DbsCheckedOn = new DateOnly(2025, 9, 1),
            Availability = "Can start a new review from January",
            DayRatePence = 45_000,
            ReviewFeePence = 1_450_000,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
        };
        profile.RefreshSearchText();
        return profile;
    }
}
