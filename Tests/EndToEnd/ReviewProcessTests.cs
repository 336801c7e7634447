using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;
using Workflows.Process;

namespace Portal.EndToEnd.Tests;

/// The process panel of the review page: an officer moves a review on through the forms, the clocks, journal and
/// diagram follow.
[Collection(BrowserCollection.Name)]
public sealed class ReviewProcessTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    private DateOnly Today => London.DateOf(_portal.Time.GetUtcNow().UtcDateTime);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    // Mermaid (5 MB) is loaded and parsed for the first drawing, and lays out the whole process for each: give it
    // longer than the default 5 seconds on a busy machine.
    private static readonly LocatorAssertionsToBeVisibleOptions DrawingTime = new() { Timeout = 30_000 };

    private static ILocator Action(IPage page, Trigger trigger) => page.Locator($"#open-{trigger}");

    /// Opens an action's form, lets the caller fill it, records it and waits for the stage it leads to.
    private static async Task RecordAsync(PortalPage tab, Trigger trigger, string expectedStage, Func<Task>? fill = null)
    {
        await Action(tab.Page, trigger).ClickAsync();
        await Assertions.Expect(tab.Page.Locator("#action-form-title")).ToHaveTextAsync(TriggerNames.Describe(trigger));
        if (fill is not null)
        {
            await fill();
        }

        await tab.Page.Locator("#action-submit").ClickAsync();
        await Assertions.Expect(tab.Page.Locator("#action-form")).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.Locator("#process-stage dd").First).ToHaveTextAsync(expectedStage);
    }

    private static async Task FillDateAsync(IPage page, string id, string date)
    {
        await page.Locator($"#{id}").FillAsync(date);
        await page.Locator($"#{id}").PressAsync("Tab");
    }

    [Fact]
    public async Task Officer_TakesAReviewToCommissioning_HoldsAndResumes_AndTheDeadlineMovesByTheDaysHeld()
    {
        var id = await _portal.RegisterReviewAsync(Today.AddDays(-5));
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync($"reviews/{id}");

        await Assertions.Expect(page.Locator("#process-stage dd").First).ToHaveTextAsync("Notification received");
        await Assertions.Expect(page.Locator("#clock-Decision .clock-due")).ToHaveTextAsync("18 Dec 2026");
        await Assertions.Expect(page.Locator("#clock-Decision .clock-status")).ToHaveTextAsync("in 25 days");
        await Assertions.Expect(page.Locator("#process-diagram svg")).ToBeVisibleAsync(DrawingTime);
        await Assertions.Expect(page.Locator("#process-diagram")).ToContainTextAsync("Notification received (current stage)");
        await tab.AssertAccessibleAsync();

        // The form asks for the date, today unless changed; an open form is accessible too.
        await Action(page, Trigger.PresentToCrg).ClickAsync();
        await Assertions.Expect(page.Locator("#action-date")).ToHaveValueAsync("23/11/2026");
        await tab.AssertAccessibleAsync();
        await page.Locator("#action-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#process-stage dd").First).ToHaveTextAsync("Awaiting CRG decision");
        await Assertions.Expect(page.Locator("#review-stage")).ToHaveTextAsync("Awaiting CRG decision");

        // The rationale is required: the server's message shows beside the field, and nothing is recorded.
        await Action(page, Trigger.RecordCriteriaMet).ClickAsync();
        await page.Locator("#action-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#action-form")).ToContainTextAsync("Enter the CRG's rationale for its decision.");
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("process-form-error");

        // A double click records the decision once.
        await page.Locator("#action-comment").FillAsync("Criteria met: former partner, history of coercive control.");
        await page.Locator("#action-submit").EvaluateAsync("b => { b.click(); b.click(); }");
        await Assertions.Expect(page.Locator("#process-stage dd").First).ToHaveTextAsync("Decision made: Home Office to be told");
        Assert.Equal(1, await _portal.WithDbAsync(db => db.JournalEntries.CountAsync(j => j.ReviewId == id && j.Trigger == Trigger.RecordCriteriaMet)));

        // An unavailable action is no button but a line of the folded "Not available now" list, saying why.
        var acknowledge = page.Locator($"#action-{Trigger.RecordHomeOfficeAcknowledged}");
        await Assertions.Expect(Action(page, Trigger.RecordHomeOfficeAcknowledged)).ToHaveCountAsync(0);
        await page.Locator("#not-available summary").ClickAsync();
        await Assertions.Expect(acknowledge).ToBeVisibleAsync();
        await Assertions.Expect(acknowledge).ToHaveTextAsync("Record the Home Office's acknowledgement: Record that the Home Office was notified of the decision first.");
        await tab.AssertAccessibleAsync();

        await RecordAsync(tab, Trigger.RecordHomeOfficeNotified, "Decision made: Home Office to be told");
        // The acknowledgement asks for the day it came: today unless changed, never before the notification.
        await RecordAsync(tab, Trigger.RecordHomeOfficeAcknowledged, "Commissioning chair/author", async () =>
        {
            await Assertions.Expect(page.Locator("#action-form")).ToContainTextAsync("Date of the acknowledgement");
            await Assertions.Expect(page.Locator("#action-date")).ToHaveValueAsync("23/11/2026");
            await FillDateAsync(page, "action-date", "22/11/2026");
            await page.Locator("#action-submit").ClickAsync();
            await Assertions.Expect(page.Locator("#action-form")).ToContainTextAsync(
                "The date cannot be before the step before it (Record that the Home Office was notified, 23 Nov 2026): check it.");
            await Assertions.Expect(page.Locator("#process-stage dd").First).ToHaveTextAsync("Decision made: Home Office to be told");
            await FillDateAsync(page, "action-date", "23/11/2026");
        });
        await Assertions.Expect(page.Locator("#clock-Completion .clock-due")).ToHaveTextAsync("23 May 2027");
        await Assertions.Expect(page.Locator("#clock-Appointment .clock-due")).ToHaveTextAsync("23 Dec 2026");

        await RecordAsync(tab, Trigger.PutOnHold, "On hold", async () =>
        {
            await tab.ChooseAsync("action-hold-reason", "Criminal trial");
            await FillDateAsync(page, "action-expected-review", "23/02/2027");
            await page.Locator("#action-comment").FillAsync("Trial listed for February.");
            await tab.AssertAccessibleAsync();
            await tab.ScreenshotAsync("process-hold-form");
        });
        await Assertions.Expect(page.Locator("#process-stage")).ToContainTextAsync("Held fromCommissioning chair/author");
        await Assertions.Expect(page.Locator("#process-stage")).ToContainTextAsync("ReasonCriminal trial");
        await Assertions.Expect(page.Locator("#process-stage")).ToContainTextAsync("On hold since23 Nov 2026");
        await Assertions.Expect(page.Locator("#process-stage")).ToContainTextAsync("Expected review date23 Feb 2027");
        await Assertions.Expect(page.Locator("#clock-Completion .clock-status")).ToHaveTextAsync("paused (on hold)");
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("process-on-hold");

        // Twenty days pass on the business clock.
        _portal.Time.Advance(TimeSpan.FromDays(20));
        await tab.GotoAsync($"reviews/{id}");
        await Assertions.Expect(page.Locator("#clock-Completion .clock-held")).ToHaveTextAsync("20");
        await Assertions.Expect(page.Locator("#clock-Completion .clock-due")).ToHaveTextAsync("23 May 2027");
        // The diagram draws the hold once, with a note, and highlights it as the current stage.
        await Assertions.Expect(page.Locator("#process-diagram svg g.current")).ToContainTextAsync("On hold", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#process-diagram svg")).ToContainTextAsync("Resume returns to the stage it was held from.");

        await RecordAsync(tab, Trigger.Resume, "Commissioning chair/author");
        await Assertions.Expect(page.Locator("#clock-Completion .clock-due")).ToHaveTextAsync("12 Jun 2027");
        await Assertions.Expect(page.Locator("#clock-Completion .clock-status")).ToHaveTextAsync("in 181 days");
        await Assertions.Expect(page.Locator("#clock-Appointment .clock-due")).ToHaveTextAsync("12 Jan 2027");

        // The journal shows every step, newest first, with UK dates and times.
        var journal = page.Locator("#review-journal .journal-what");
        await Assertions.Expect(journal).ToHaveTextAsync(
        [
            "Resume: \"On hold\" to \"Commissioning chair/author\"",
            "Put on hold: \"Commissioning chair/author\" to \"On hold\"",
            "Record the Home Office's acknowledgement: \"Decision made: Home Office to be told\" to \"Commissioning chair/author\"",
            "Record that the Home Office was notified",
            "Record decision: criteria met: \"Awaiting CRG decision\" to \"Decision made: Home Office to be told\"",
            "Present to the CRG: \"Notification received\" to \"Awaiting CRG decision\"",
            "Process started at \"Notification received\"",
        ]);
        await Assertions.Expect(page.Locator("#review-journal .journal-when").First).ToHaveTextAsync("13 Dec 2026 10:00 · Olivia Officer");
        await Assertions.Expect(page.Locator("#review-journal")).ToContainTextAsync("Review completion due moved from 23 May 2027 to 12 Jun 2027 (20 days on hold).");
        await Assertions.Expect(page.Locator("#process-diagram svg")).ToBeVisibleAsync(DrawingTime);
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("process-resumed");
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task Officer_RecordsAHoldFromAPastDate_AndItsEndOnAPastDate_TheClockMovesByTheDaysHeld_AndTheTimelineSaysWhenEachWasRecorded()
    {
        // Notified 14 October, presented 18 October; today is 23 November.
        var id = await _portal.RegisterReviewAsync(Today.AddDays(-40));
        var officer = await _portal.ActorAsync(DemoAccounts.LrOfficer);
        Assert.True((await _portal.Get<WorkflowEngine>().FireAsync(id, new PresentToCrgArgs { Date = Today.AddDays(-36) }, officer, Guid.NewGuid().ToString())).IsSuccess);
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync($"reviews/{id}");
        await Assertions.Expect(page.Locator("#clock-Decision .clock-due")).ToHaveTextAsync("14 Nov 2026");

        // The coroner asked for a hold on 1 November. Typed as the 17th of October first: before the presentation.
        await Action(page, Trigger.PutOnHold).ClickAsync();
        await Assertions.Expect(page.Locator("#action-date")).ToHaveValueAsync("23/11/2026");
        await FillDateAsync(page, "action-date", "17/10/2026");
        await tab.ChooseAsync("action-hold-reason", "Coroner's request");
        await FillDateAsync(page, "action-expected-review", "15/01/2027");
        await page.Locator("#action-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#action-form")).ToContainTextAsync(
            "The date cannot be before the step before it (Present to the CRG, 18 Oct 2026): check it.");
        await Assertions.Expect(page.Locator("#action-errors")).ToHaveCountAsync(0); // beside the field, not above the form
        await Assertions.Expect(page.Locator("#process-stage dd").First).ToHaveTextAsync("Awaiting CRG decision");
        await tab.AssertAccessibleAsync();

        await FillDateAsync(page, "action-date", "01/11/2026");
        await page.Locator("#action-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#process-stage dd").First).ToHaveTextAsync("On hold");
        await Assertions.Expect(page.Locator("#process-stage")).ToContainTextAsync("On hold since1 Nov 2026");

        // The hold ended on 11 November: ten days, so the decision is due ten days later.
        await RecordAsync(tab, Trigger.Resume, "Awaiting CRG decision", () => FillDateAsync(page, "action-date", "11/11/2026"));
        await Assertions.Expect(page.Locator("#clock-Decision .clock-due")).ToHaveTextAsync("24 Nov 2026");

        var when = page.Locator("#review-journal .journal-when");
        await Assertions.Expect(when.Nth(0)).ToHaveTextAsync("11 Nov 2026 · recorded 23 Nov 2026 by Olivia Officer");
        await Assertions.Expect(when.Nth(1)).ToHaveTextAsync("1 Nov 2026 · recorded 23 Nov 2026 by Olivia Officer");
        await Assertions.Expect(page.Locator("#review-journal")).ToContainTextAsync("Resumed on 11 Nov 2026 after 10 days on hold.");
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("process-backdated-hold");
        Assert.Equal([Today.AddDays(-12), Today.AddDays(-22)], await _portal.WithDbAsync(db => db.JournalEntries
            .Where(j => j.ReviewId == id && (j.Trigger == Trigger.Resume || j.Trigger == Trigger.PutOnHold)).OrderByDescending(j => j.Id).Select(j => j.OccurredOn).ToListAsync()));
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task Officer_RecordsTheCrgsReversalOfANotMetDecision_OnAClosedCase_AndItsClocksRunFromTheNewDecision()
    {
        // Notified 14 October, decided "not met" on the 24th, the Home Office told on the 26th, closed on 3 November.
        var id = await _portal.RegisterReviewAsync(Today.AddDays(-40));
        foreach (var args in new TriggerArgs[]
                 {
                     new PresentToCrgArgs { Date = Today.AddDays(-36) }, new RecordCriteriaNotMetArgs { Comment = "Not met.", Date = Today.AddDays(-30) },
                     new RecordHomeOfficeNotifiedArgs { Date = Today.AddDays(-28) }, new CloseWithoutReviewArgs { Date = Today.AddDays(-20) },
                 })
        {
            await _portal.FireOkAsync(id, args);
        }

        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync($"reviews/{id}");
        await Assertions.Expect(page.Locator("#process-stage dd").First).ToHaveTextAsync("Closed");

        // Without a reason or the CRG's rationale, then dated before the decision it reverses: told beside each field.
        await Action(page, Trigger.ReverseCriteriaNotMet).ClickAsync();
        await Assertions.Expect(page.Locator("#action-form-title")).ToHaveTextAsync("Record that the CRG reversed its decision: criteria met");
        await page.Locator("#action-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#action-form")).ToContainTextAsync("Choose why the decision was reversed: a judicial review, an appeal or new information.");
        await Assertions.Expect(page.Locator("#action-form")).ToContainTextAsync("Give the CRG's rationale for the new decision.");
        await Assertions.Expect(page.Locator("#action-errors")).ToHaveCountAsync(0);
        await tab.AssertAccessibleAsync();
        await FillDateAsync(page, "action-date", "20/10/2026");
        await tab.ChooseAsync("action-reversal-reason", "Judicial review");
        await page.Locator("#action-comment").FillAsync("The High Court quashed the decision; on reconsideration the criteria are met.");
        await page.Locator("#action-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#action-form")).ToContainTextAsync(
            "The date cannot be before the step before it (Close: the Home Office accepted that no review is needed, 3 Nov 2026): check it.");
        await Assertions.Expect(page.Locator("#process-stage dd").First).ToHaveTextAsync("Closed");

        // The CRG met again on 18 November.
        await FillDateAsync(page, "action-date", "18/11/2026");
        await page.Locator("#action-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#action-form")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#process-stage dd").First).ToHaveTextAsync("Decision made: Home Office to be told");
        await Assertions.Expect(page.Locator("#clock-Appointment .clock-due")).ToHaveTextAsync("18 Dec 2026");
        await Assertions.Expect(page.Locator("#clock-Completion .clock-due")).ToHaveTextAsync("18 May 2027");
        await Assertions.Expect(Action(page, Trigger.RecordHomeOfficeNotified)).ToBeEnabledAsync();
        await Assertions.Expect(page.Locator("#review-journal .journal-when").First).ToHaveTextAsync("18 Nov 2026 · recorded 23 Nov 2026 by Olivia Officer");
        await Assertions.Expect(page.Locator("#review-journal")).ToContainTextAsync(
            "The CRG reversed its decision of 24 Oct 2026 that the criteria were not met (judicial review): the criteria are met.");
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task Officer_CorrectsTheDateOfADecisionRecordedWrongly_WithAReason_AndTheDeadlinesAndTimelineFollow()
    {
        // Notified 14 October, presented on the 18th; the decision recorded as 21 November when the CRG met on 28 October.
        var id = await _portal.RegisterReviewAsync(Today.AddDays(-40));
        await _portal.FireOkAsync(id, new PresentToCrgArgs { Date = Today.AddDays(-36) });
        await _portal.FireOkAsync(id, new RecordCriteriaMetArgs { Comment = "Criteria met.", Date = Today.AddDays(-2) });
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync($"reviews/{id}");
        await Assertions.Expect(page.Locator("#clock-Appointment .clock-due")).ToHaveTextAsync("21 Dec 2026");

        // Dated before the presentation and without a reason: told beside each field, nothing corrected.
        await page.Locator("#open-correct-date").ClickAsync();
        await Assertions.Expect(page.Locator("#correct-date-step")).ToContainTextAsync("\"Record decision: criteria met\" is dated 21 Nov 2026.");
        await Assertions.Expect(page.Locator("#correct-date-date")).ToHaveValueAsync("21/11/2026");
        await FillDateAsync(page, "correct-date-date", "17/10/2026");
        await page.Locator("#correct-date-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#correct-date-form")).ToContainTextAsync(
            "The date cannot be before the step before it (Present to the CRG, 18 Oct 2026): check it.");
        await Assertions.Expect(page.Locator("#correct-date-form")).ToContainTextAsync("Say why the date is corrected.");
        await Assertions.Expect(page.Locator("#correct-date-errors")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#clock-Appointment .clock-due")).ToHaveTextAsync("21 Dec 2026");
        await AccessibleFromTheTopAsync(tab);

        await FillDateAsync(page, "correct-date-date", "28/10/2026");
        await page.Locator("#correct-date-reason").FillAsync("The date of the Home Office letter was typed instead of the CRG meeting's.");
        await page.Locator("#correct-date-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#correct-date-form")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#clock-Appointment .clock-due")).ToHaveTextAsync("28 Nov 2026");
        await Assertions.Expect(page.Locator("#clock-Completion .clock-due")).ToHaveTextAsync("28 Apr 2027");
        // Five working days from Wednesday 28 October.
        await Assertions.Expect(page.Locator("#clock-HomeOfficeNotification .clock-due")).ToHaveTextAsync("4 Nov 2026");
        var journal = page.Locator("#review-journal");
        await Assertions.Expect(journal).ToContainTextAsync("The date of \"Record decision: criteria met\" is corrected from 21 Nov 2026 to 28 Oct 2026.");
        await Assertions.Expect(journal).ToContainTextAsync("The date of the Home Office letter was typed instead of the CRG meeting's.");
        var decision = page.Locator(".journal-entry:has(.journal-corrected)");
        await Assertions.Expect(decision.Locator(".journal-what")).ToContainTextAsync("Record decision: criteria met");
        await Assertions.Expect(decision.Locator(".journal-when")).ToContainTextAsync("28 Oct 2026 (corrected from 21 Nov 2026)");
        await Assertions.Expect(decision.Locator(".journal-corrected s")).ToHaveTextAsync("21 Nov 2026");
        await AccessibleFromTheTopAsync(tab);
        Assert.Equal((DateOnly?)Today.AddDays(-26), await _portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).Select(r => r.DecidedOn).SingleAsync()));
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task Officer_UndoesADecisionRecordedByMistake_WithAReason_AndTheReviewItsClocksAndTheTimelineGoBack()
    {
        // Notified 14 October, presented on the 18th; "criteria met" recorded on 21 November for a case the CRG has not decided.
        var id = await _portal.RegisterReviewAsync(Today.AddDays(-40));
        // Each step a minute after the one before (the steps of one command share their instant and are undone together or not at all).
        _portal.Time.Advance(TimeSpan.FromMinutes(1));
        await _portal.FireOkAsync(id, new PresentToCrgArgs { Date = Today.AddDays(-36) });
        _portal.Time.Advance(TimeSpan.FromMinutes(1));
        await _portal.FireOkAsync(id, new RecordCriteriaMetArgs { Comment = "Criteria met.", Date = Today.AddDays(-2) });
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync($"reviews/{id}");
        await Assertions.Expect(page.Locator("#process-stage dd").First).ToHaveTextAsync("Decision made: Home Office to be told");
        await Assertions.Expect(page.Locator("#clock-Appointment")).ToHaveCountAsync(1);

        // Without a reason: told beside the field, nothing undone.
        await page.Locator("#open-undo-step").ClickAsync();
        await Assertions.Expect(page.Locator("#undo-step-what")).ToContainTextAsync("\"Record decision: criteria met\" of 21 Nov 2026 will be undone");
        await page.Locator("#undo-step-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#undo-step-form")).ToContainTextAsync("Say why the step is undone.");
        await Assertions.Expect(page.Locator("#process-stage dd").First).ToHaveTextAsync("Decision made: Home Office to be told");
        await AccessibleFromTheTopAsync(tab);

        await page.Locator("#undo-step-reason").FillAsync("Recorded on the wrong review: the CRG has not decided this one.");
        await page.Locator("#undo-step-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#undo-step-form")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#process-stage dd").First).ToHaveTextAsync("Awaiting CRG decision");
        // The clocks the decision started are gone; the decision's own runs again, due a month from the notification.
        await Assertions.Expect(page.Locator("#clock-Appointment")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#clock-Decision .clock-due")).ToHaveTextAsync("14 Nov 2026");
        var undone = page.Locator(".journal-entry-undone");
        await Assertions.Expect(undone.Locator(".journal-what s")).ToContainTextAsync("Record decision: criteria met");
        await Assertions.Expect(undone.Locator(".journal-undone-note")).ToContainTextAsync(
            $"Undone on {UkDate.Format(Today)} by ");
        await Assertions.Expect(undone.Locator(".journal-undone-note")).ToContainTextAsync("because: Recorded on the wrong review: the CRG has not decided this one.");
        await Assertions.Expect(page.Locator("#review-journal")).ToContainTextAsync(
            "\"Record decision: criteria met\" of 21 Nov 2026 is undone: the review is back at \"Awaiting CRG decision\".");
        // The presentation is now the latest step; it too could be undone.
        await Assertions.Expect(page.Locator("#open-undo-step")).ToBeVisibleAsync();
        await AccessibleFromTheTopAsync(tab);
        var review = await _portal.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((Stage.AwaitingCrgDecision, (DateOnly?)null), (review.Stage, review.DecidedOn));
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task Manager_StopsAReviewWithTheHomeOfficesAgreement_AfterAReasonAndAConfirmation_AndItCloses()
    {
        var id = await _portal.CommissioningReviewAsync(Today.AddDays(-20));
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrManager);
        await tab.GotoAsync($"reviews/{id}");
        await Assertions.Expect(page.Locator("#process-stage dd").First).ToHaveTextAsync("Commissioning chair/author");

        // Without a reason: told beside the field, and nothing to confirm.
        await Action(page, Trigger.StopReview).ClickAsync();
        await Assertions.Expect(page.Locator("#action-form-title")).ToHaveTextAsync("Stop the review (agreed with the Home Office)");
        await page.Locator("#action-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#action-form")).ToContainTextAsync("Say why the review is stopped and what the Home Office agreed.");
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await tab.AssertAccessibleAsync();

        // With one, a confirmation first: cancelled, nothing changes.
        await page.Locator("#action-comment").FillAsync("The family withdrew; the Home Office agreed on the phone and in writing.");
        await page.Locator("#action-submit").ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync("its open agency requests are withdrawn and its panel members lose access");
        await tab.AssertAccessibleAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(confirm).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#process-stage dd").First).ToHaveTextAsync("Commissioning chair/author");

        await page.Locator("#action-submit").ClickAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Stop the review", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#process-stage dd").First).ToHaveTextAsync("Closed");
        // What is left is a manager's: reopening it.
        await Assertions.Expect(page.Locator("#process-actions li")).ToHaveCountAsync(1);
        await Assertions.Expect(Action(page, Trigger.ReopenReview)).ToBeEnabledAsync();
        await Assertions.Expect(page.Locator("#review-journal")).ToContainTextAsync("Stopped with the Home Office's agreement of 23 Nov 2026.");
        await Assertions.Expect(page.Locator("#review-journal")).ToContainTextAsync("The family withdrew; the Home Office agreed on the phone and in writing.");
        await tab.AssertAccessibleAsync();
        Assert.False(await _portal.WithDbAsync(db => db.WorkItems.AnyAsync(w => w.ReviewId == id && w.Status == WorkItemStatus.Open)));
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task Officer_ClosesAReview_AfterAConfirmation_AndAManagerReopensIt_WithAReason_SeeingTheWithdrawnRequestToSendAgain()
    {
        var id = await ActionPlanScenario.ReviewAtSignOffAsync(_portal, signedOff: true);
        var contact = await _portal.AddAgencyContactAsync("Leicestershire Police");
        var sent = await _portal.Get<Workflows.Requests.SendInformationRequestsHandler>().HandleAsync(await _portal.ActorAsync(DemoAccounts.LrOfficer),
            new Workflows.Requests.SendInformationRequests(id, Domain.Requests.RequestType.Imr, [await _portal.UserIdAsync(contact)], null, TestRequests.Scope));
        Assert.True(sent.IsSuccess, sent.Error?.Message);
        await ActionPlanScenario.PublishAsync(_portal, id);

        await using (var officerTab = await PortalPage.OpenAsync(browser, _portal))
        {
            var officer = officerTab.Page;
            await officerTab.SignInAsync(DemoAccounts.LrOfficer);
            await officerTab.GotoAsync($"reviews/{id}");
            await Assertions.Expect(officer.Locator("#process-stage dd").First).ToHaveTextAsync("Action plan monitoring");
            await Action(officer, Trigger.CloseReview).ClickAsync();
            await officer.Locator("#action-submit").ClickAsync();
            var close = officer.GetByRole(AriaRole.Dialog);
            await Assertions.Expect(close).ToContainTextAsync("its open agency requests are withdrawn and its panel members lose access");
            await close.GetByRole(AriaRole.Button, new() { Name = "Close the review", Exact = true }).ClickAsync();
            await Assertions.Expect(officer.Locator("#process-stage dd").First).ToHaveTextAsync("Closed");
            // Reopening is a manager's: the officer is told why not.
            await Assertions.Expect(officer.Locator("#reasons-ReopenReview")).ToContainTextAsync("Only a manager of the review's lead office can do this.");
            await AccessibleFromTheTopAsync(officerTab);
        }

        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrManager);
        await tab.GotoAsync($"reviews/{id}");
        await Assertions.Expect(page.Locator("#process-stage dd").First).ToHaveTextAsync("Closed");

        // Without a reason: told beside the field, and nothing to confirm.
        await Action(page, Trigger.ReopenReview).ClickAsync();
        await Assertions.Expect(page.Locator("#action-form-title")).ToHaveTextAsync("Reopen the review");
        await page.Locator("#action-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#action-form")).ToContainTextAsync("Say why the review is reopened.");
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await AccessibleFromTheTopAsync(tab);

        // With one, a confirmation first: cancelled, nothing changes.
        await page.Locator("#action-comment").FillAsync("The Home Office asked for the action plan to be monitored for another year.");
        await page.Locator("#action-submit").ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync("Agency requests withdrawn when it closed are not sent again");
        await AccessibleFromTheTopAsync(tab);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(confirm).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#process-stage dd").First).ToHaveTextAsync("Closed");

        await page.Locator("#action-submit").ClickAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Reopen the review", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#process-stage dd").First).ToHaveTextAsync("Action plan monitoring");
        await Assertions.Expect(page.Locator("#withdrawn-requests")).ToContainTextAsync("Individual management review (IMR) from Leicestershire Police");
        await Assertions.Expect(page.Locator("#review-journal")).ToContainTextAsync("Reopened on 23 Nov 2026, 0 days after it closed: back to \"Action plan monitoring\".");
        await Assertions.Expect(page.Locator("#review-journal")).ToContainTextAsync("The Home Office asked for the action plan to be monitored for another year.");
        // Open again: closing it is an action of the stage once more (the officer's).
        await Assertions.Expect(page.Locator($"#action-{Trigger.CloseReview}")).ToHaveCountAsync(1);
        await AccessibleFromTheTopAsync(tab);
        Assert.True(await _portal.WithDbAsync(db => db.WorkItems.AnyAsync(w => w.ReviewId == id && w.Status == WorkItemStatus.Open && w.Kind == WorkItemKind.MonitorActionPlan)));
        Assert.Empty(tab.ConsoleErrors);
    }

    /// Axe on the page scrolled to its top: with the page scrolled to an open form, the review page's sticky section
    /// index lies over the action buttons, which axe then counts as targets too close together (the index's, not this
    /// flow's).
    private static async Task AccessibleFromTheTopAsync(PortalPage tab)
    {
        await tab.Page.EvaluateAsync("window.scrollTo(0, 0)");
        await tab.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Officer_AfterSomeoneElseChangedTheReview_IsToldAndKeepsWhatTheyTyped()
    {
        var id = await _portal.RegisterReviewAsync(Today.AddDays(-2));
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync($"reviews/{id}");

        await Action(page, Trigger.PutOnHold).ClickAsync();
        await tab.ChooseAsync("action-hold-reason", "Other");
        await FillDateAsync(page, "action-expected-review", "15/01/2027");
        await page.Locator("#action-comment").FillAsync("The family asked for a pause over the holidays.");

        // Meanwhile a colleague presents the case to the CRG.
        var colleague = await _portal.ActorAsync(DemoAccounts.LrOfficer);
        var moved = await _portal.Get<WorkflowEngine>().FireAsync(id, TriggerArgs.For(Trigger.PresentToCrg), colleague, Guid.NewGuid().ToString());
        Assert.True(moved.IsSuccess, moved.Error?.Message);

        await page.Locator("#action-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#action-conflict")).ToContainTextAsync("changed by someone else while you were working");
        await Assertions.Expect(page.Locator("#action-comment")).ToHaveValueAsync("The family asked for a pause over the holidays.");
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("process-conflict");

        await page.Locator("#reload-review").ClickAsync();
        await Assertions.Expect(page.Locator("#process-stage dd").First).ToHaveTextAsync("Awaiting CRG decision");
        await Assertions.Expect(page.Locator("#action-reloaded")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#action-comment")).ToHaveValueAsync("The family asked for a pause over the holidays.");

        await page.Locator("#action-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#process-stage dd").First).ToHaveTextAsync("On hold");
        await Assertions.Expect(page.Locator("#process-stage")).ToContainTextAsync("Held fromAwaiting CRG decision");
        await Assertions.Expect(page.Locator("#review-journal")).ToContainTextAsync("The family asked for a pause over the holidays.");
        Assert.Equal(HoldReason.Other, await _portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).Select(r => r.HoldReason).SingleAsync()));
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task DataProtectionOfficer_SeesTheProcess_ButNoActions()
    {
        var id = await _portal.RegisterReviewAsync(Today.AddDays(-2));
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        await tab.SignInAsync(DemoAccounts.Dpo);
        await tab.GotoAsync($"reviews/{id}");

        await Assertions.Expect(tab.Page.Locator("#no-actions")).ToContainTextAsync("Only the review officers and managers of the review's lead office");
        await Assertions.Expect(tab.Page.Locator("#process-actions")).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.Locator("#review-journal .journal-entry")).ToHaveCountAsync(1);
        await tab.AssertAccessibleAsync();
    }
}
