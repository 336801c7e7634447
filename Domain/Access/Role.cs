namespace Domain.Access;

/// The roles of DOMAIN.md ("Who uses it"). Stored by name in Identity's role table.
public enum Role
{
    ReviewOfficer,
    Manager,
    IndependentAuthor,
    AgencyContact,
    CrgMember,
    BoardMember,
    DataProtectionOfficer,
    Administrator,
    /// A member of a CSP's action plan team (ActionPlanTeam): manages that CSP's action plans, sees nothing else.
    ActionPlanManager,
}

public static class Roles
{
    public const string ReviewOfficer = nameof(Role.ReviewOfficer);
    public const string Manager = nameof(Role.Manager);
    public const string IndependentAuthor = nameof(Role.IndependentAuthor);
    public const string AgencyContact = nameof(Role.AgencyContact);
    public const string CrgMember = nameof(Role.CrgMember);
    public const string BoardMember = nameof(Role.BoardMember);
    public const string DataProtectionOfficer = nameof(Role.DataProtectionOfficer);
    public const string Administrator = nameof(Role.Administrator);
    public const string ActionPlanManager = nameof(Role.ActionPlanManager);

    /// Office staff: see every case of the CSPs their office serves.
    public const string OfficeStaff = ReviewOfficer + "," + Manager;

    public static string Describe(Role role) => role switch
    {
        Role.ReviewOfficer => "Review officer",
        Role.Manager => "Manager",
        Role.IndependentAuthor => "Independent chair/author",
        Role.AgencyContact => "Agency contact",
        Role.CrgMember => "CRG member",
        Role.BoardMember => "Board member",
        Role.DataProtectionOfficer => "Data protection officer",
        Role.Administrator => "Administrator",
        Role.ActionPlanManager => "Action plan manager",
        _ => role.ToString(),
    };
}
