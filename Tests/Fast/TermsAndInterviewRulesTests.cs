using Domain.Conduct;

namespace Portal.Fast.Tests;

/// The terms of reference's versions and the interview log's entries: dates in order, the family's part stated, a reason
/// for each later version, consent not sought only with a reason.
public sealed class TermsAndInterviewRulesTests
{
    private static readonly DateOnly Notified = new(2026, 3, 2);
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly TermsInput Invited = new("Scope: 2019 to the death. Agencies: police, GP, housing.", Today, FamilyInvited: true,
        FamilyContributed: true, "The GP's response to her disclosures.", null, null);

    private static string Terms(TermsInput input, DateOnly? previous = null, bool first = true) =>
        string.Join(",", TermsRules.Validate(input, previous, first, Notified, Today).Select(e => e.Field));

    [Fact]
    public void Terms_DateAgreed_NotInTheFuture_NotBeforeTheNotification_NorBeforeThePreviousVersion()
    {
        Assert.Equal(string.Empty, Terms(Invited));
        Assert.Equal("AgreedOn", Terms(Invited with { AgreedOn = null }));
        Assert.Equal("AgreedOn", Terms(Invited with { AgreedOn = Today.AddDays(1) }));
        Assert.Equal("AgreedOn", Terms(Invited with { AgreedOn = Notified.AddDays(-1) }));
        var later = Invited with { AgreedOn = new DateOnly(2026, 6, 1), ChangeReason = "Housing added at the family's request." };
        Assert.Equal(string.Empty, Terms(later, previous: new DateOnly(2026, 6, 1), first: false));
        Assert.Equal("AgreedOn", Terms(later, previous: new DateOnly(2026, 6, 2), first: false));
        Assert.Equal("The date agreed cannot be before the previous version's (2 Jun 2026).",
            TermsRules.Validate(later, new DateOnly(2026, 6, 2), false, Notified, Today).Single().Message);
    }

    [Fact]
    public void Terms_TheFamilysPartIsStated_AndEachLaterVersionSaysWhatChanged()
    {
        Assert.Equal("Text,FamilyInvited", Terms(Invited with { Text = "  ", FamilyInvited = null }));
        Assert.Equal("FamilyContributed", Terms(Invited with { FamilyContributed = null }));
        Assert.Equal("FamilyAsked", Terms(Invited with { FamilyAsked = " " }));
        Assert.Equal(string.Empty, Terms(Invited with { FamilyContributed = false, FamilyAsked = null }));
        Assert.Equal("NotInvitedReason", Terms(Invited with { FamilyInvited = false }));
        Assert.Equal(string.Empty, Terms(Invited with { FamilyInvited = false, NotInvitedReason = "Not yet traced." }));
        Assert.Equal("ChangeReason", Terms(Invited, previous: Today, first: false));
        Assert.Equal("ChangeReason", Terms(Invited with { ChangeReason = "Nothing to change." }));
        Assert.Equal("Text", Terms(Invited with { Text = new string('a', TermsOfReferenceVersion.TextMaxLength + 1) }));

        // What is kept follows from whether the family was invited.
        var notInvited = (Invited with { FamilyInvited = false, NotInvitedReason = " Not yet traced. " }).Cleaned();
        Assert.Equal((false, (bool?)null, (string?)null, "Not yet traced."),
            (notInvited.FamilyInvited!.Value, notInvited.FamilyContributed, notInvited.FamilyAsked, notInvited.NotInvitedReason));
        Assert.Null((Invited with { NotInvitedReason = "left over" }).Cleaned().NotInvitedReason);
    }

    private static readonly InterviewInput Interview = new("The victim's sister", IntervieweeGroup.Family, Today, InterviewKind.InPerson,
        InterviewConsent.Given, null, InterviewConductor.ChairAndAuthor);

    private static string Interviews(InterviewInput input) =>
        string.Join(",", InterviewRules.Validate(input, Notified, Today).Select(e => e.Field));

    [Fact]
    public void Interview_EveryAnswerRequired_DateEnteredNotInTheFuture_ReasonWhenConsentNotSought()
    {
        Assert.Equal(string.Empty, Interviews(Interview));
        Assert.Equal("Interviewee,Group,HeldOn,Kind,Consent,ConductedBy", Interviews(new InterviewInput(" ", null, null, null, null, null, null)));
        Assert.Equal("HeldOn", Interviews(Interview with { HeldOn = Today.AddDays(1) }));
        Assert.Equal("HeldOn", Interviews(Interview with { HeldOn = Notified.AddDays(-1) }));
        Assert.Equal("NotSoughtReason", Interviews(Interview with { Consent = InterviewConsent.NotSought }));
        Assert.Equal(string.Empty, Interviews(Interview with { Consent = InterviewConsent.NotSought, NotSoughtReason = "Written answers only, by choice." }));
        Assert.Equal("Interviewee", Interviews(Interview with { Interviewee = new string('a', InterviewEntry.IntervieweeMaxLength + 1) }));
        Assert.Equal("Group", Interviews(Interview with { Group = (IntervieweeGroup)9 }));
        Assert.Equal(["In person", "Phone", "Video", "Written"], Enum.GetValues<InterviewKind>().Select(InterviewEntry.Describe));
        Assert.Equal(["Given", "Declined", "Not sought"], Enum.GetValues<InterviewConsent>().Select(InterviewEntry.Describe));
    }
}
