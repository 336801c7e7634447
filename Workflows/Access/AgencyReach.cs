using Domain.Access;
using Domain.ActionPlans;
using Domain.Requests;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Access;

/// Actor.Reaches as queries: the information requests, actions and tasks an agency contact reaches (issue 13, finding 2).
/// Their agency's, on reviews led by an office that works with the agency, addressed to them by name or, where that
/// office shares its agency work with the agency's team, to the agency. One plain part per agency of the contact (almost
/// always one), joined with UNION ALL; nothing for anyone who is not an agency contact.
public static class AgencyReach
{
    public static IQueryable<InformationRequest> Requests(IReviewDb db, Actor actor) =>
        Parts(actor, db.InformationRequests, (agency, offices, team, me) =>
            from r in db.InformationRequests
            join rv in db.Reviews on r.ReviewId equals rv.Id
            where r.AgencyId == agency && offices.Contains(rv.LeadOfficeId) && (r.ContactUserId == me || team.Contains(rv.LeadOfficeId))
            select r);

    public static IQueryable<PlanAction> Actions(IReviewDb db, Actor actor) =>
        Parts(actor, db.PlanActions, (agency, offices, team, me) =>
            (from a in db.PlanActions
             join rv in db.Reviews on a.ReviewId equals (int?)rv.Id
             where a.OwnerAgencyId == agency && offices.Contains(rv.LeadOfficeId) && (a.OwnerUserId == me || team.Contains(rv.LeadOfficeId))
             select a)
            // A learning source's actions, as a review's: its office stands for the lead office.
            .Concat(from a in db.PlanActions
                    join s in db.LearningSources on a.LearningSourceId equals (int?)s.Id
                    where a.OwnerAgencyId == agency && offices.Contains(s.OfficeId) && (a.OwnerUserId == me || team.Contains(s.OfficeId))
                    select a));

    /// Tasks addressed to the contact's agencies among these (a task offered to them by name, or taken by them, is theirs).
    /// A task of no review goes by its own office in place of the review's lead office.
    public static IQueryable<WorkItem> WorkItems(IReviewDb db, IQueryable<WorkItem> items, Actor actor) =>
        Parts(actor, items, (agency, offices, team, me) =>
            (from w in items
             join rv in db.Reviews on w.ReviewId equals rv.Id
             where w.AgencyId == agency && offices.Contains(rv.LeadOfficeId)
                 && (w.CandidateUserId == me || w.AssigneeUserId == me || team.Contains(rv.LeadOfficeId))
             select w)
            .Concat(from w in items
                    where w.ReviewId == null && w.AgencyId == agency && w.OfficeId != null && offices.Contains(w.OfficeId.Value)
                        && (w.CandidateUserId == me || w.AssigneeUserId == me || team.Contains(w.OfficeId.Value))
                    select w));

    private static IQueryable<T> Parts<T>(Actor actor, IQueryable<T> none, Func<int, List<int>, List<int>, string, IQueryable<T>> part)
    {
        IQueryable<T>? all = null;
        if (actor.Is(Role.AgencyContact))
        {
            foreach (var agency in actor.AgencyWork.Where(a => a.OfficeIds.Count > 0))
            {
                var one = part(agency.AgencyId, agency.OfficeIds.ToList(), agency.TeamOfficeIds.ToList(), actor.UserId);
                all = all is null ? one : all.Concat(one);
            }
        }

        return all ?? none.Where(_ => false);
    }
}
