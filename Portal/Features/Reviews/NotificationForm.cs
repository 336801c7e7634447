using System.ComponentModel.DataAnnotations;
using Domain.Reviews;

namespace Portal.Features.Reviews;

/// The registration form's fields. Field rules here give instant feedback; the handler checks everything again.
public sealed class NotificationForm
{
    public ReviewType Type { get; set; }

    public bool JointWithSar { get; set; }

    public bool JointWithCspr { get; set; }

    public bool IsAlternativeReview { get; set; }

    [Required(ErrorMessage = "Choose the lead CSP.")]
    public int? LeadCspId { get; set; }

    public IReadOnlyCollection<int> OtherCspIds { get; set; } = [];

    [Required(ErrorMessage = "Choose the agency that notified the death.")]
    public int? NotifyingAgencyId { get; set; }

    [Required(ErrorMessage = "Enter the date the death was notified.")]
    public DateTime? DateNotified { get; set; }

    [Required(ErrorMessage = "Choose the month of death.")]
    public int? DeathMonth { get; set; }

    [Required(ErrorMessage = "Enter the year of death.")]
    [Range(2011, 9999, ErrorMessage = "Enter a year from 2011 (when reviews began).")]
    public int? DeathYear { get; set; }

    [Range(1, 20, ErrorMessage = "Enter the number of people who died (at least 1).")]
    public int NumberOfDeceased { get; set; } = 1;

    [Required(ErrorMessage = "Enter a case label, or use the suggested one.")]
    [StringLength(Notification.CaseLabelMaxLength, ErrorMessage = "The case label must be 40 characters or fewer.")]
    public string? CaseLabel { get; set; }

    [StringLength(Notification.NamesMaxLength, ErrorMessage = "Names must be 400 characters or fewer.")]
    public string? DeceasedNames { get; set; }

    [StringLength(Notification.NamesMaxLength, ErrorMessage = "Names must be 400 characters or fewer.")]
    public string? PerpetratorNames { get; set; }

    [StringLength(Notification.SummaryMaxLength, ErrorMessage = "The summary must be 2000 characters or fewer.")]
    public string? Summary { get; set; }

    public Notification ToNotification() => new(
        Type, JointWithSar, JointWithCspr, IsAlternativeReview, LeadCspId, OtherCspIds.ToArray(), NotifyingAgencyId,
        DateNotified is { } d ? DateOnly.FromDateTime(d) : null, DeathYear, DeathMonth, NumberOfDeceased, CaseLabel,
        DeceasedNames, PerpetratorNames, Summary);
}
