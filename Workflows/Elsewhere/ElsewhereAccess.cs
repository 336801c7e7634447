using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Reports;

namespace Workflows.Elsewhere;

/// Need-to-know for reviews led elsewhere: the office that keeps the record, no one else. Its review officers and
/// managers read and keep it (as its case updates); its board members read it (as its board reports). A refusal,
/// including a record of another office or one that does not exist, is audited and answers the same.
public static class ElsewhereAccess
{
    public const string Subject = "Review led elsewhere";

    public static bool Keeps(Actor actor, int officeId) => actor.IsOfficeStaff && actor.OfficeIds.Contains(officeId);

    public static bool Reads(Actor actor, int officeId) => ReportAccess.ReadsReports(actor) && actor.OfficeIds.Contains(officeId);

    /// The record, tracked, when the actor may keep it (write) or read it; otherwise the refusal, audited.
    public static async Task<Result<ReviewLedElsewhere>> LoadAsync(IReviewDb db, AuditLog audit, Actor actor, int id, bool write, string what,
        CancellationToken ct)
    {
        var record = await db.ReviewsLedElsewhere.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (record is not null && (write ? Keeps(actor, record.OfficeId) : Reads(actor, record.OfficeId)))
        {
            return record;
        }

        await audit.RefusedAsync(db, actor, Subject, id.ToString(CultureInfo.InvariantCulture), null, what, ct);
        return new AccessRefused("that review led elsewhere");
    }
}
