namespace Domain.Themes;

public enum ThemeGroup
{
    /// The kind of abuse present (coercive control, stalking, ...).
    Abuse,
    /// The circumstances around the people involved (separation, children present, alcohol, ...).
    Circumstance,
    /// How agencies worked (risk assessment, MARAC, information sharing, ...).
    Practice,
}

/// A learning theme that reviews (and later recommendations) are tagged with. Administrators add, rename and
/// deactivate themes; a theme in use is never deleted, so counts across years stay comparable.
public sealed class Theme
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public ThemeGroup Group { get; set; }

    public bool IsActive { get; set; } = true;

    public int SortOrder { get; set; }

    public const int NameMaxLength = 80;

    /// The themes every portal starts with (issue 6), in display order. Ids are fixed so migrations can seed them.
    public static IReadOnlyList<Theme> Seed { get; } =
    [
        new() { Id = 1, Name = "Coercive control", Group = ThemeGroup.Abuse, SortOrder = 10 },
        new() { Id = 2, Name = "Economic abuse", Group = ThemeGroup.Abuse, SortOrder = 20 },
        new() { Id = 3, Name = "Stalking", Group = ThemeGroup.Abuse, SortOrder = 30 },
        new() { Id = 4, Name = "Physical abuse", Group = ThemeGroup.Abuse, SortOrder = 40 },
        new() { Id = 5, Name = "Emotional abuse", Group = ThemeGroup.Abuse, SortOrder = 50 },
        new() { Id = 6, Name = "Sexual abuse", Group = ThemeGroup.Abuse, SortOrder = 60 },
        new() { Id = 7, Name = "Separation", Group = ThemeGroup.Circumstance, SortOrder = 110 },
        new() { Id = 8, Name = "Children present", Group = ThemeGroup.Circumstance, SortOrder = 120 },
        new() { Id = 9, Name = "Mental health", Group = ThemeGroup.Circumstance, SortOrder = 130 },
        new() { Id = 10, Name = "Alcohol", Group = ThemeGroup.Circumstance, SortOrder = 140 },
        new() { Id = 11, Name = "Substance misuse", Group = ThemeGroup.Circumstance, SortOrder = 150 },
        new() { Id = 12, Name = "Caring responsibilities", Group = ThemeGroup.Circumstance, SortOrder = 160 },
        new() { Id = 13, Name = "Risk assessment", Group = ThemeGroup.Practice, SortOrder = 210 },
        new() { Id = 14, Name = "MARAC", Group = ThemeGroup.Practice, SortOrder = 220 },
        new() { Id = 15, Name = "Information sharing", Group = ThemeGroup.Practice, SortOrder = 230 },
        new() { Id = 16, Name = "Professional curiosity", Group = ThemeGroup.Practice, SortOrder = 240 },
    ];

    /// Themes added after the first release (issue 18), seeded by a data migration (ThemesAddedLater) into every
    /// database that has no theme of that name yet: an administrator may have added one already. No fixed ids: on SQLite
    /// an administrator's themes take the ids after the seed list.
    public static IReadOnlyList<Theme> AddedLater { get; } =
    [
        new() { Name = "Adolescent-to-parent violence", Group = ThemeGroup.Abuse },
        new() { Name = "Barriers to engagement", Group = ThemeGroup.Circumstance },
    ];

    public static string Describe(ThemeGroup group) => group switch
    {
        ThemeGroup.Abuse => "Abuse",
        ThemeGroup.Circumstance => "Circumstances",
        ThemeGroup.Practice => "Practice",
        _ => group.ToString(),
    };
}

/// A review tagged with a theme by its lead office.
public sealed class ReviewTheme
{
    public int ReviewId { get; set; }

    public int ThemeId { get; set; }
}
