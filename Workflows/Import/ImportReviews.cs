using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Calendar;
using Domain.Organisations;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Elsewhere;
using Workflows.Files;
using Workflows.Process;
using Workflows.Time;

namespace Workflows.Import;

public sealed record ImportedReview(int Row, int Id, string Reference, string CaseLabel, Stage Stage);

public sealed record ImportedElsewhere(int Row, int Id, string CaseLabel, string LeadCsp, ElsewhereStage Stage);

/// What the import found (every problem, by row and column) and, once imported, the reviews it created.
public sealed record ImportReport(string FileName, int Rows, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<ImportedReview> Imported)
{
    public bool IsClean => Problems.Count == 0;

    /// The reviews led elsewhere it recorded.
    public IReadOnlyList<ImportedElsewhere> LedElsewhere { get; init; } = [];

    public int ImportedCount => Imported.Count + LedElsewhere.Count;
}

/// Imports existing reviews from an office's tracker (docs/IMPORT-TEMPLATE.md). Check lists every problem and saves
/// nothing; Import checks again and, only if the sheet is clean, creates every review in one transaction, its history
/// replayed through the workflow engine's import path with the sheet's dates. Office staff only, for CSPs their
/// office serves (the lead office); a review led elsewhere is recorded as the office's record of it, kept by the office
/// that serves the CSP of its that takes part (as one recorded by hand). The import is audited.
public sealed class ImportReviewsHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, WorkflowEngine engine, AtRest atRest,
    ILogger<ImportReviewsHandler> logger)
{
    public Task<Result<ImportReport>> CheckAsync(Actor actor, Stream content, string fileName, CancellationToken ct = default) =>
        RunAsync(actor, content, fileName, save: false, ct);

    public Task<Result<ImportReport>> ImportAsync(Actor actor, Stream content, string fileName, CancellationToken ct = default) =>
        RunAsync(actor, content, fileName, save: true, ct);

    private async Task<Result<ImportReport>> RunAsync(Actor actor, Stream content, string fileName, bool save, CancellationToken ct)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (!actor.IsOfficeStaff || actor.OfficeIds.Count == 0)
        {
            await audit.RefusedAsync(db, actor, "Import", null, null, "import reviews from a tracker", ct);
            return new AccessRefused("importing reviews (office staff only)");
        }

        var read = await TrackerFile.ReadAsync(content, fileName, ct);
        if (!read.IsSuccess)
        {
            var refused = (FileRefused)read.Error!;
            var extension = Path.GetExtension(fileName).ToLowerInvariant();
            // The reason and the account only: never the file's name or contents, which may hold personal data.
            logger.Log(refused.Problem == FileProblem.ReaderFault ? LogLevel.Error : LogLevel.Warning,
                "Tracker import refused a {Extension} file for user {UserId}: {Problem} {Detail}",
                extension is ".xlsx" or ".csv" ? extension : "other", actor.UserId, refused.Problem, refused.Detail);
            return new ValidationFailed([refused]);
        }

        var sheet = read.Value;
        var problems = ImportHeadings.Check(sheet.Headings).ToList();
        IReadOnlyList<ImportRow> rows = [];
        var elsewhere = new List<(ImportElsewhereRow Row, int OfficeId)>();
        if (problems.Count == 0)
        {
            var lookups = await LookupsAsync(db, actor, ct);
            (rows, var ledElsewhere, var rowProblems) = ImportRows.Check(sheet.Rows, lookups);
            problems.AddRange(rowProblems);
            foreach (var row in ledElsewhere)
            {
                // The office that keeps it, as for one recorded by hand.
                var errors = new List<Error>();
                if (await RecordReviewLedElsewhereHandler.OfficeAsync(db, actor, row.Details, null, errors, ct) is int officeId && errors.Count == 0)
                {
                    elsewhere.Add((row, officeId));
                }

                problems.AddRange(errors.Select(e => TrackerElsewhere.Problem(row.Row, e)));
            }

            if (sheet.Rows.Count == 0)
            {
                problems.Add(new ImportProblem(2, ImportColumns.CaseLabel, "The sheet has no reviews under the headings: add one row per review."));
            }
        }

        var name = Path.GetFileName(fileName);
        if (problems.Count > 0 || !save)
        {
            return new ImportReport(name, sheet.Rows.Count, problems, []);
        }

        return await SaveAsync(db, actor, name, rows, elsewhere, ct);
    }

    private async Task<Result<ImportReport>> SaveAsync(IReviewDb db, Actor actor, string fileName, IReadOnlyList<ImportRow> rows,
        List<(ImportElsewhereRow Row, int OfficeId)> elsewhere, CancellationToken ct)
    {
        var cspIds = rows.Select(r => r.LeadCspId).Distinct().ToList();
        var csps = await db.Organisations.AsNoTracking().Where(o => cspIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var officeIds = csps.Values.Select(c => c.ServingOfficeId!.Value).Distinct().ToList();
        var codes = await db.Organisations.AsNoTracking().Where(o => officeIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Code!, ct);
        // References of each office code in play, whichever office leads them now (a CSP that moved took its reviews).
        var taken = new List<string>();
        foreach (var prefix in codes.Values.Distinct().Select(c => c + "-"))
        {
            taken.AddRange(await db.Reviews.AsNoTracking().Where(r => r.Reference.StartsWith(prefix)).Select(r => r.Reference).ToListAsync(ct));
        }
        var created = new List<(ImportRow Row, Review Review)>();
        var now = clock.UtcNow;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            foreach (var row in rows)
            {
                var officeId = csps[row.LeadCspId].ServingOfficeId!.Value;
                var reference = CaseLabels.NextReference(codes[officeId], row.Notified.Year, taken);
                taken.Add(reference);
                var review = new NewReview(row.CaseLabel, row.Type, row.LeadCspId, officeId, row.NotifyingAgencyId, row.Notified, row.DeathYear, row.DeathMonth)
                    .Create(reference, actor.UserId, now);
                db.Reviews.Add(review);
                await db.SaveChangesAsync(ct);
                var failed = await engine.ImportHistoryAsync(db, review, actor, row.Steps, ct);
                if (failed.Count > 0)
                {
                    // Nothing is kept: the report names the row, and the office corrects the sheet.
                    await tx.RollbackAsync(ct);
                    return new ImportReport(fileName, rows.Count, failed.Select(f => new ImportProblem(row.Row, ImportColumns.Stage, f)).ToList(), []);
                }

                RecordFirstPanel(db, actor, review, row, now);
                AddLatestUpdate(db, actor, review, row, now);
                audit.Add(db, actor, AuditAction.Created, "Review", review.Id.ToString(), review.Id, review.Reference,
                    $"Imported from a tracker (row {row.Row}): type, lead CSP, notifying agency, month of death, dates, stage" + (row.LatestUpdate is null ? string.Empty : ", latest update"));
                created.Add((row, review));
            }

            var recorded = new List<ImportedElsewhere>();
            foreach (var (row, officeId) in elsewhere)
            {
                var record = await RecordReviewLedElsewhereHandler.AddAsync(db, actor, officeId, row.Details, row.Stage, row.Update, row.AsAt, now, atRest, ct);
                audit.Add(db, actor, AuditAction.Created, ElsewhereAccess.Subject, record.Id.ToString(CultureInfo.InvariantCulture),
                    detail: $"review led elsewhere imported from a tracker (row {row.Row}): area, lead CSP, case label, who takes part, date heard of, stage"
                        + (row.Details.TheirReference is null ? string.Empty : ", their reference") + (row.Details.ContactName is null ? string.Empty : ", contact")
                        + (row.Update is null ? string.Empty : ", latest update"));
                recorded.Add(new ImportedElsewhere(row.Row, record.Id, record.CaseLabel, record.LeadCsp, row.Stage));
            }

            audit.Add(db, actor, AuditAction.Created, "Import", null,
                detail: $"Imported {rows.Count} reviews and {elsewhere.Count} reviews led elsewhere from a tracker file ({Path.GetExtension(fileName).ToLowerInvariant()})");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new ImportReport(fileName, rows.Count + elsewhere.Count, [],
                created.Select(c => new ImportedReview(c.Row.Row, c.Review.Id, c.Review.Reference, c.Review.CaseLabel, c.Review.Stage)).ToList()) { LedElsewhere = recorded };
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(ct);
            return new Conflict("The register (another review was registered with one of these labels or references)");
        }
    }

    /// The first panel meeting the tracker records, held before the portal (no meeting or members here): the board's
    /// "author appointed to first panel" ends on it, and the timeline shows it on its date.
    private static void RecordFirstPanel(IReviewDb db, Actor actor, Review review, ImportRow row, DateTime now)
    {
        if (row.FirstPanel is DateOnly held)
        {
            review.FirstPanelBeforeImportOn = held;
            CaseChanges.Record(db, review, actor, now, JournalKind.Recorded, "First panel meeting held (recorded in the office's tracker).", held).IsImported = true;
        }
    }

    /// The tracker's latest update becomes the review's first case update, marked imported, as at the last date the row
    /// records (not the day of the import): a board report as at an earlier date does not show it.
    private static void AddLatestUpdate(IReviewDb db, Actor actor, Review review, ImportRow row, DateTime now)
    {
        if (row.LatestUpdate is { } text)
        {
            db.CaseUpdates.Add(new CaseUpdate { ReviewId = review.Id, Text = text, AsAt = row.UpdateAsAt, RecordedAtUtc = now, ByUserId = actor.UserId, IsImported = true });
        }
    }

    private async Task<ImportLookups> LookupsAsync(IReviewDb db, Actor actor, CancellationToken ct)
    {
        var offices = actor.OfficeIds.ToArray();
        var csps = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Csp && o.IsActive && o.ServingOfficeId != null && offices.Contains(o.ServingOfficeId.Value))
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var agencies = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Agency && o.IsActive)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var labels = await db.Reviews.AsNoTracking().Select(r => r.CaseLabelKey).ToListAsync(ct);
        var elsewhere = await db.ReviewsLedElsewhere.AsNoTracking().Where(r => offices.Contains(r.OfficeId)).Select(r => new { r.Area, r.CaseLabel }).ToListAsync(ct);
        return new ImportLookups(
            csps.GroupBy(c => CaseLabels.Normalise(c.Name)).ToDictionary(g => g.Key, g => g.First().Id),
            agencies.GroupBy(a => CaseLabels.Normalise(a.Name)).ToDictionary(g => g.Key, g => g.First().Id),
            labels.ToHashSet(), clock.Today, elsewhere.Select(r => TrackerElsewhere.Key(r.Area, r.CaseLabel)).ToHashSet());
    }

    /// The names the template's lists use: the CSPs the actor's office serves and the agencies, for the template page.
    public async Task<(IReadOnlyList<string> Csps, IReadOnlyList<string> Agencies)> NamesAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var offices = actor.IsOfficeStaff ? actor.OfficeIds.ToArray() : [];
        var csps = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Csp && o.IsActive && o.ServingOfficeId != null && offices.Contains(o.ServingOfficeId.Value))
            .OrderBy(o => o.Name).Select(o => o.Name).ToListAsync(ct);
        var agencies = offices.Length == 0 ? [] : await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Agency && o.IsActive)
            .OrderBy(o => o.Name).Select(o => o.Name).ToListAsync(ct);
        return (csps, agencies);
    }
}
