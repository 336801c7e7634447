using Domain;
using Domain.Calendar;
using Domain.Requests;

namespace Workflows.Requests;

/// What an information request asks for: what is needed, for which period, under which terms of reference. The
/// agency contact reads it on the request's page.
public sealed record RequestScope(string? Needed, DateOnly? PeriodFrom, DateOnly? PeriodTo, string? TermsOfReference)
{
    /// The problems, each naming its field; `today` bounds the period (information about the future does not exist).
    public IEnumerable<Error> Check(DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(Needed))
        {
            yield return new Error("Say what information the agency is asked for, for example its contacts with the people involved.", nameof(Needed));
        }
        else if (Needed.Trim().Length > InformationRequest.TextMaxLength)
        {
            yield return new Error($"Keep what is needed to {InformationRequest.TextMaxLength} characters or fewer.", nameof(Needed));
        }

        if (PeriodFrom is null)
        {
            yield return new Error("Enter the first day of the period the information covers.", nameof(PeriodFrom));
        }
        else if (PeriodFrom > today)
        {
            yield return new Error("The period cannot start in the future.", nameof(PeriodFrom));
        }

        if (PeriodTo is null)
        {
            yield return new Error("Enter the last day of the period the information covers.", nameof(PeriodTo));
        }
        else if (PeriodTo > today)
        {
            yield return new Error("The period cannot end in the future: end it today at the latest.", nameof(PeriodTo));
        }
        else if (PeriodFrom is { } from && PeriodTo < from)
        {
            yield return new Error($"The period must end on or after its first day ({UkDate.Format(from)}).", nameof(PeriodTo));
        }

        if (string.IsNullOrWhiteSpace(TermsOfReference))
        {
            yield return new Error("Say under which terms of reference the information is asked for.", nameof(TermsOfReference));
        }
        else if (TermsOfReference.Trim().Length > InformationRequest.TextMaxLength)
        {
            yield return new Error($"Keep the terms of reference to {InformationRequest.TextMaxLength} characters or fewer.", nameof(TermsOfReference));
        }
    }

    /// "1 Jan 2020 to 31 Oct 2026", or null for a request sent before periods were asked for.
    public static string? DescribePeriod(DateOnly? from, DateOnly? to) =>
        from is { } f && to is { } t ? $"{UkDate.Format(f)} to {UkDate.Format(t)}" : null;
}
