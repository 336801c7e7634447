using Domain.Calendar;
using MudBlazor;

namespace Portal.Components.Shared;

/// A date typed or picked as people in the UK write it: day/month/year ("02/11/2026"), weeks from Monday, typed text
/// taken as it is entered. Every date field of the portal is one, so the rule lives here and not in each form.
public sealed class UkDatePicker : MudDatePicker
{
    public UkDatePicker()
    {
        DateFormat = "dd/MM/yyyy";
        Culture = UkDate.Culture;
        Placeholder = "dd/mm/yyyy";
        Editable = true;
        ImmediateText = true;
    }
}
