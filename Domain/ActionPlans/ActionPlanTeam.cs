namespace Domain.ActionPlans;

/// Per CSP, a named team that manages the action plans of the reviews the CSP leads (e.g. a community safety team),
/// alongside the lead office's review officers. No row for a CSP: the review office alone manages them (the default).
/// Members are accounts holding the Action plan manager role, which gives nothing else.
public sealed class ActionPlanTeam
{
    public const int NameMaxLength = 200;
    public const int MaxMembers = 50;

    /// The CSP: one team per CSP.
    public int CspId { get; set; }

    public required string Name { get; set; }

    public List<ActionPlanTeamMember> Members { get; set; } = [];

    public DateTime ChangedAtUtc { get; set; }

    public required string ChangedByUserId { get; set; }

    /// Field rules for a named team (the handler checks that each member holds the role and is active).
    public static IReadOnlyList<Error> Validate(string? name, IReadOnlyCollection<string> memberIds)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new Error("Enter the team's name, e.g. Rutland Community Safety Team.", nameof(Name)));
        }
        else if (name.Trim().Length > NameMaxLength)
        {
            errors.Add(new Error($"The team's name must be {NameMaxLength} characters or fewer.", nameof(Name)));
        }

        if (memberIds.Count == 0)
        {
            errors.Add(new Error("Choose at least one member: a team without members would leave the action plans to the review office alone.", nameof(Members)));
        }
        else if (memberIds.Count > MaxMembers)
        {
            errors.Add(new Error($"A team has at most {MaxMembers} members.", nameof(Members)));
        }

        return errors;
    }
}

public sealed class ActionPlanTeamMember
{
    public int CspId { get; set; }

    public required string UserId { get; set; }
}
