using Domain.Access;
using Domain.Crg;

namespace Workflows.Crg;

/// Who may do what with a CRG meeting: the officers of its office change it; its office's officers and managers read
/// it; its office's CRG members read its agenda papers once shared, and nothing else of any case.
public static class CrgAccess
{
    public static bool IsStaffOf(Actor actor, int officeId) => actor.IsOfficeStaff && actor.OfficeIds.Contains(officeId);

    public static bool CanChange(Actor actor, int officeId) => actor.Is(Role.ReviewOfficer) && actor.OfficeIds.Contains(officeId);

    public static bool IsCrgMemberOf(Actor actor, int officeId) => actor.Is(Role.CrgMember) && actor.OfficeIds.Contains(officeId);

    public static bool CanRead(Actor actor, CrgMeeting meeting) =>
        IsStaffOf(actor, meeting.OfficeId) || (IsCrgMemberOf(actor, meeting.OfficeId) && meeting.PapersSharedAtUtc is not null);
}
