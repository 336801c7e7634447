namespace Domain.Access;

/// Who is acting, as loaded fresh from the database for each request or operation,
/// so that a removed role or membership takes effect on the next one.
public sealed record Actor(string UserId, string Email, IReadOnlySet<Role> Roles, IReadOnlySet<int> OfficeIds, IReadOnlySet<int> AgencyIds)
{
    public bool Is(Role role) => Roles.Contains(role);

    public bool IsOfficeStaff => Is(Role.ReviewOfficer) || Is(Role.Manager);

    /// An agency contact's agencies with the review offices that work with each (empty for everyone else).
    public IReadOnlyList<AgencyWork> AgencyWork { get; init; } = [];

    /// The one rule of what an agency contact sees (issue 13, finding 2): work of their agency on a review led by an office
    /// that works with the agency, addressed to them by name, or to the agency as a whole where that office shares its
    /// agency work with the agency's team. Nothing from any other office, whatever it was addressed to.
    public bool Reaches(int agencyId, int leadOfficeId, string? addressedToUserId) =>
        Is(Role.AgencyContact) && AgencyWork.Any(a => a.AgencyId == agencyId && a.OfficeIds.Contains(leadOfficeId)
            && ((addressedToUserId is not null && addressedToUserId == UserId) || a.TeamOfficeIds.Contains(leadOfficeId)));

    /// Whether the other decides access as this one does: the account, its roles, offices and agencies, and for an agency
    /// contact each agency's offices and those that share with its team. An open circuit whose person is no longer the
    /// same in this sense is given the new one (CurrentActor), so every field that Reaches or a handler reads belongs here.
    public bool SameAccessAs(Actor other) =>
        UserId == other.UserId && Email == other.Email && Roles.SetEquals(other.Roles) && OfficeIds.SetEquals(other.OfficeIds)
        && AgencyIds.SetEquals(other.AgencyIds) && AgencyWork.Count == other.AgencyWork.Count
        && AgencyWork.All(a => other.AgencyWork.Any(b => b.AgencyId == a.AgencyId && b.OfficeIds.SetEquals(a.OfficeIds) && b.TeamOfficeIds.SetEquals(a.TeamOfficeIds)));

    public static Actor Anonymous { get; } = new(string.Empty, string.Empty, new HashSet<Role>(), new HashSet<int>(), new HashSet<int>());
}

/// One agency of an agency contact: the review offices that work with it (kept by administrators on the agency), and
/// those of them that show all their work for the agency to the agency's whole team (each office's own setting).
public sealed record AgencyWork(int AgencyId, IReadOnlySet<int> OfficeIds, IReadOnlySet<int> TeamOfficeIds);
