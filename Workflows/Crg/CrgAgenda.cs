using Domain.Crg;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Crg;

/// The agenda's rules shared by the handlers.
public static class CrgAgenda
{
    /// Cases led by the office that wait for the CRG and are on no agenda still waiting for an outcome.
    public static async Task<IReadOnlyList<(int ReviewId, AgendaPurpose Purpose)>> WaitingAsync(IReviewDb db, int officeId, CancellationToken ct)
    {
        var candidates = await db.Reviews.AsNoTracking()
            .Where(r => r.LeadOfficeId == officeId
                && (r.Stage == Stage.NotificationReceived || r.Stage == Stage.AwaitingCrgDecision || (r.Stage == Stage.CrgSignOff && r.SignedOffOn == null))
                && !db.CrgAgendaItems.Any(i => i.ReviewId == r.Id && i.Outcome == null))
            .OrderBy(r => r.DateNotified).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Stage, r.SignedOffOn })
            .ToListAsync(ct);
        return candidates.Select(c => (c.Id, CrgRules.PurposeFor(c.Stage, c.SignedOffOn)!.Value)).ToList();
    }
}
