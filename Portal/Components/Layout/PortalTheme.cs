using MudBlazor;

namespace Portal.Components.Layout;

internal static class PortalTheme
{
    // Colours chosen for WCAG AA contrast against white text and backgrounds.
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d4f91",
            Secondary = "#6a1b9a",
            AppbarBackground = "#1d4f91",
            Error = "#b00020",
            Warning = "#8a4b00",
            Success = "#1b5e20",
            Info = "#0b5394",
            TextSecondary = "rgba(0,0,0,0.70)",
        },
    };
}
