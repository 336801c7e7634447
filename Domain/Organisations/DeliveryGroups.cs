namespace Domain.Organisations;

/// What kind of multi-agency group owns actions: a delivery group (e.g. a domestic abuse delivery group) or a board
/// (e.g. a safeguarding adults board). Held as an agency (OrganisationKind.Agency) so that every agency rule applies to
/// it unchanged: it works with offices, its contacts are agency-contact accounts, it owns actions through them.
public enum GroupKind
{
    DeliveryGroup,
    Board,
}

/// The rules of the register of delivery groups and boards, and how an action's owner is named everywhere (pickers,
/// action pages, the master plan, the board appendix): never by a person, always by the organisation and what it is.
public static class DeliveryGroups
{
    public const int NameMaxLength = 200;

    public static string Describe(GroupKind kind) => kind == GroupKind.Board ? "board" : "delivery group";

    /// "Delivery group: Rutland DA Delivery Group", "Board: Safer Rutland Board", "The CSP: Rutland CSP", or an agency's
    /// name as it is.
    public static string OwnerName(string name, OrganisationKind kind, GroupKind? group) =>
        kind == OrganisationKind.Csp ? $"The CSP: {name}"
        : group == GroupKind.Board ? $"Board: {name}"
        : group == GroupKind.DeliveryGroup ? $"Delivery group: {name}"
        : name;

    public static IReadOnlyList<Error> Validate(string? name, GroupKind? kind)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new Error("Enter the group's name, e.g. Rutland Domestic Abuse Delivery Group.", nameof(Organisation.Name)));
        }
        else if (name.Trim().Length > NameMaxLength)
        {
            errors.Add(new Error($"The name must be {NameMaxLength} characters or fewer.", nameof(Organisation.Name)));
        }

        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            errors.Add(new Error("Choose whether it is a delivery group or a board.", nameof(Organisation.Group)));
        }

        return errors;
    }

    /// A group can be stood down only when it owns no open action: those must be re-planned to another owner first.
    public static Error? CheckStandDown(int openActions) => openActions > 0
        ? new Error($"This group owns {openActions} open action{(openActions == 1 ? string.Empty : "s")}: re-plan {(openActions == 1 ? "it" : "them")} to another owner before standing it down.")
        : null;
}
