using Domain.Calendar;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Portal.Components.Shared;

/// A date typed or picked as people in the UK write it: typed text read by UkDate's one rule ("1/12/2026", "01/12/26",
/// "1 Dec 2026", "2026-12-01"), shown back as dd/mm/yyyy, weeks from Monday. Every date field of the portal is one, so
/// the rule lives here and not in each form.
public sealed class UkDatePicker : MudDatePicker
{
    public UkDatePicker()
    {
        DateFormat = "dd/MM/yyyy";
        Culture = UkDate.Culture;
        Placeholder = "dd/mm/yyyy";
        Editable = true;
        ImmediateText = true;
        Converter = new TextConverter();
    }

    // MudBlazor marks a field whose text it could not read as in error but shows beside it only the page's ErrorText:
    // show what was wrong instead, for as long as the text stays unreadable, even when the page's own message (from the
    // server, which received no date) would say the field is empty. Readable again, the page's message is back.
    private string? _pageErrorText;

    public override Task SetParametersAsync(ParameterView parameters)
    {
        if (parameters.TryGetValue<string?>(nameof(ErrorText), out var errorText))
        {
            _pageErrorText = errorText;
        }

        return base.SetParametersAsync(parameters);
    }

    protected override async Task StringValueChangedAsync(string? value)
    {
        await base.StringValueChangedAsync(value);
        await ErrorTextState.SetValueAsync(ConversionError ? ConversionErrorMessage : _pageErrorText);
    }

    protected override async Task OnParametersSetAsync()
    {
        await base.OnParametersSetAsync();
        if (ConversionError && ErrorTextState.Value != ConversionErrorMessage)
        {
            await ErrorTextState.SetValueAsync(ConversionErrorMessage);
        }
    }

    private sealed class TextConverter : IReversibleConverter<DateTime?, string?>
    {
        public string? Convert(DateTime? input) => input?.ToString("dd/MM/yyyy", UkDate.Culture);

        public DateTime? ConvertBack(string? input) =>
            string.IsNullOrWhiteSpace(input) ? null
            : UkDate.TryParse(input, out var date) ? date.ToDateTime(TimeOnly.MinValue)
            : throw new FormatException(UkDate.Unreadable(input));
    }
}
