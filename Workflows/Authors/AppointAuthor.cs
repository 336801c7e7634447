using Domain;
using Domain.Access;
using Domain.Authors;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;
using Workflows.Email;
using Workflows.Process;

namespace Workflows.Authors;

/// AppointedOn: the day the appointment was made (today when not given), often before it is recorded.
public sealed record AppointRequest(int ReviewId, long? EoiId, string? ChairUserId, bool SamePerson, string? AuthorUserId, string? ChairFee, string? AuthorFee,
    int? ExpectedVersion, DateOnly? AppointedOn = null);

/// Appoints a chair and an author (one person for both, or two) with the agreed fees, through the workflow
/// engine's Trigger.AppointAuthor, which writes the participant rows (case access) and the appointments; the review's
/// open expressions of interest stop taking replies in the same transaction, and each person appointed is told by email
/// (the case reference and a link only).
public sealed class AppointAuthorHandler(WorkflowEngine engine, IReviewDbFactory dbs, IOutbox outbox, EmailOptions email)
{
    public const string EmailReason = "Appointed";

    public async Task<Result<TransitionResult>> HandleAsync(Actor actor, AppointRequest request, string idempotencyKey, CancellationToken ct = default)
    {
        var errors = new List<Error>();
        if (Money.Parse(request.ChairFee, nameof(AppointRequest.ChairFee), request.SamePerson ? "the agreed fee" : "the chair's agreed fee", out var chairFee) is { } e1)
        {
            errors.Add(e1);
        }

        long authorFee = 0;
        if (!request.SamePerson)
        {
            if (string.IsNullOrWhiteSpace(request.AuthorUserId))
            {
                errors.Add(new Error("Choose the author, or say that one person is both chair and author.", nameof(AppointRequest.AuthorUserId)));
            }

            if (Money.Parse(request.AuthorFee, nameof(AppointRequest.AuthorFee), "the author's agreed fee", out authorFee) is { } e2)
            {
                errors.Add(e2);
            }
        }

        if (string.IsNullOrWhiteSpace(request.ChairUserId))
        {
            errors.Add(new Error(request.SamePerson ? "Choose the chair/author to appoint." : "Choose the chair to appoint.", nameof(AppointRequest.ChairUserId)));
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var args = new AppointAuthorArgs
        {
            AuthorUserId = request.ChairUserId,
            FeePence = chairFee,
            SecondAuthorUserId = request.SamePerson ? null : request.AuthorUserId,
            SecondFeePence = request.SamePerson ? null : authorFee,
            ExpressionOfInterestId = request.EoiId,
            ExpectedVersion = request.ExpectedVersion,
            Date = request.AppointedOn,
        };
        await using var db = await dbs.CreateAsync(ct);
        var opened = await engine.OpenAsync(db, request.ReviewId, actor, $"fire {Trigger.AppointAuthor}", ct);
        if (!opened.IsSuccess)
        {
            return opened.Error!;
        }

        var command = opened.Value;
        if (await command.FireAsync(args, idempotencyKey, ct) is { } error)
        {
            return error is ValidationFailed failed ? new ValidationFailed(failed.Errors.Select(ToFormField).ToList()) : error;
        }

        if (command.Repeated is { } earlier)
        {
            return earlier;
        }

        // The expressions of interest of this review stop taking replies (their authors' tasks were closed by the engine).
        foreach (var eoi in await db.ExpressionsOfInterest.Where(x => x.ReviewId == request.ReviewId && x.Status == EoiStatus.Open).ToListAsync(ct))
        {
            eoi.Status = EoiStatus.Appointed;
        }

        await TellAppointedAsync(db, command.Review, request, ct);
        return await command.SaveAsync(ct);
    }

    private async Task TellAppointedAsync(IReviewDb db, Domain.Reviews.Review review, AppointRequest request, CancellationToken ct)
    {
        List<(string UserId, AppointmentRole Role)> appointed = request.SamePerson
            ? [(request.ChairUserId!, AppointmentRole.ChairAndAuthor)]
            : [(request.ChairUserId!, AppointmentRole.Chair), (request.AuthorUserId!, AppointmentRole.Author)];
        var ids = appointed.Select(a => a.UserId).ToList();
        var addresses = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Email != null).ToDictionaryAsync(u => u.Id, u => u.Email!, ct);
        var office = await db.Organisations.Where(o => o.Id == review.LeadOfficeId).Select(o => o.Name).SingleAsync(ct);
        foreach (var (userId, role) in appointed.Where(a => addresses.ContainsKey(a.UserId)))
        {
            // One message per person and appointment: the review's version tells a later appointment (after one ended) apart.
            await outbox.EnqueueAsync(db, new OutgoingEmail(addresses[userId], userId, EmailReason, $"review:{review.Id}:appointed:{review.Version}", EmailReason,
                new Dictionary<string, string>
                {
                    ["Reference"] = review.Reference,
                    ["Role"] = AuthorAppointment.Describe(role).ToLowerInvariant(),
                    ["Office"] = office,
                    ["Link"] = email.LinkTo($"reviews/{review.Id}"),
                    ["PortalBaseUrl"] = email.PortalBaseUrl.TrimEnd('/'),
                }, ReviewId: review.Id), ct);
        }
    }

    private static Error ToFormField(Error e) => e with
    {
        Field = e.Field switch
        {
            nameof(AppointAuthorArgs.AuthorUserId) => nameof(AppointRequest.ChairUserId),
            nameof(AppointAuthorArgs.FeePence) => nameof(AppointRequest.ChairFee),
            nameof(AppointAuthorArgs.SecondAuthorUserId) => nameof(AppointRequest.AuthorUserId),
            nameof(AppointAuthorArgs.SecondFeePence) => nameof(AppointRequest.AuthorFee),
            nameof(AppointAuthorArgs.Date) => nameof(AppointRequest.AppointedOn),
            _ => e.Field,
        },
    };
}
