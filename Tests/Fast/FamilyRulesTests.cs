using Domain.Family;

namespace Portal.Fast.Tests;

/// Field rules of the family engagement log: each bad field gets its own message.
public class FamilyRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void CheckContact_EmptyForm_NamesEveryField()
    {
        var errors = FamilyRules.CheckContact(null, " ", null, "", Today);
        Assert.Equal(["On", "Who", "How", "Summary"], errors.Select(e => e.Field));
    }

    [Fact]
    public void CheckContact_FutureDateAndTooLongText_AreRefused()
    {
        var errors = FamilyRules.CheckContact(Today.AddDays(1), new string('x', FamilyContact.WhoMaxLength + 1), ContactMethod.Phone,
            new string('x', FamilyContact.SummaryMaxLength + 1), Today);
        Assert.Equal(["On", "Who", "Summary"], errors.Select(e => e.Field));
        Assert.Empty(FamilyRules.CheckContact(Today, "Mother of the deceased", ContactMethod.InPerson, "Met at home; explained the review.", Today));
    }

    [Fact]
    public void CheckAgreements_ConsentNeedsAPseudonymAndADate()
    {
        var errors = FamilyRules.CheckAgreements(null, null, null, PseudonymConsent.Withdrawn, null, null, null, Today);
        Assert.Equal(["Pseudonym", "ConsentOn"], errors.Select(e => e.Field));
        Assert.Empty(FamilyRules.CheckAgreements(true, "AAFDA", "Diana", PseudonymConsent.Withdrawn, Today, null, null, Today));
    }

    [Fact]
    public void CheckAgreements_AdvocacyOfferedNeedsWhoAndDatesNotInTheFuture()
    {
        var errors = FamilyRules.CheckAgreements(true, " ", "Diana", PseudonymConsent.Given, Today.AddDays(1), 2, null, Today);
        Assert.Equal(["AdvocacyBy", "ConsentOn", "DraftSeenOn"], errors.Select(e => e.Field));
    }
}
