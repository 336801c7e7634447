using Domain;
using Domain.Access;
using Domain.Authors;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Workflows.Authors;

namespace Portal.Features.Authors;

public partial class AuthorEditPage
{
    private static readonly string[] Fields =
    [
        nameof(AuthorProfileForm.Name), nameof(AuthorProfileForm.Email), nameof(AuthorProfileForm.Phone), nameof(AuthorProfileForm.DbsCheckedOn),
        nameof(AuthorProfileForm.Specialisms), nameof(AuthorProfileForm.Areas), nameof(AuthorProfileForm.Availability),
        nameof(AuthorProfileForm.DayRate), nameof(AuthorProfileForm.ReviewFee),
    ];

    private readonly FormModel form = new();
    private AuthorDetails? details;
    private bool loaded;
    private string? loadError;
    private string? saved;

    [Parameter]
    public int? Id { get; set; }

    [Inject]
    private GetAuthorProfileHandler Get { get; set; } = null!;

    [Inject]
    private SaveAuthorProfileHandler Save { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private CommandRunner Run { get; set; } = null!;

    private ServerErrors errors => Run.Errors;

    private string Title => Id is null ? "Add an independent author" : details?.Profile.Name ?? "Independent author";

    protected override async Task OnParametersSetAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        if (Id is int id)
        {
            var result = await Get.HandleAsync(Actor, id);
            if (!result.IsSuccess)
            {
                loadError = result.Error!.Message;
                return;
            }

            details = result.Value;
            form.Load(details.Profile);
        }

        loaded = true;
    }

    private async Task SaveAsync()
    {
        saved = null;
        await Run.RunAsync(actor => Id is int id ? Save.ChangeAsync(actor, id, form.ToForm()) : Save.AddAsync(actor, form.ToForm()), _ => null, async done =>
        {
            if (Id is null)
            {
                Navigation.NavigateTo($"authors/{done.Id}?added={(done.Invited ? "invited" : "linked")}");
                return;
            }

            await OnParametersSetAsync();
            saved = "Changes saved.";
        });
    }

    protected override void OnInitialized()
    {
        var added = Navigation.ToAbsoluteUri(Navigation.Uri).Query;
        if (added.Contains("added=invited", StringComparison.Ordinal))
        {
            saved = "Added to the directory. They have been sent an invitation to set up their portal account.";
        }
        else if (added.Contains("added=linked", StringComparison.Ordinal))
        {
            saved = "Added to the directory and linked to their existing portal account.";
        }
    }

    private sealed class FormModel
    {
        public string? Name { get; set; }

        public string? Email { get; set; }

        public string? Phone { get; set; }

        public string? Specialisms { get; set; }

        public string? Areas { get; set; }

        public DateTime? DbsCheckedOn { get; set; }

        public string? Availability { get; set; }

        public string? DayRate { get; set; }

        public string? ReviewFee { get; set; }

        public int? Version { get; set; }

        public void Load(AuthorProfile p)
        {
            (Name, Email, Phone, Specialisms, Areas, Availability) = (p.Name, p.Email, p.Phone, p.Specialisms, p.Areas, p.Availability);
            DbsCheckedOn = p.DbsCheckedOn?.ToDateTime(TimeOnly.MinValue);
            DayRate = p.DayRatePence is long d ? Money.ForInput(d) : null;
            ReviewFee = p.ReviewFeePence is long f ? Money.ForInput(f) : null;
            Version = p.Version;
        }

        public AuthorProfileForm ToForm() => new(Name, Email, Phone, Specialisms, Areas,
            DbsCheckedOn is { } d ? DateOnly.FromDateTime(d) : null, Availability, DayRate, ReviewFee, Version);
    }
}
