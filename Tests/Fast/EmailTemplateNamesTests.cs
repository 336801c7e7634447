using Workflows.Email;

namespace Portal.Fast.Tests;

/// The email templates page names each template in plain English: every template file needs an entry, and every entry a file.
public class EmailTemplateNamesTests
{
    private static List<string> TemplateFiles()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "portal.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Directory.EnumerateFiles(Path.Combine(dir.FullName, "Infrastructure", "Email", "Templates"), "*.txt")
            .Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void EveryTemplateFile_HasAFriendlyNameAndWhenItIsSent()
    {
        var files = TemplateFiles();

        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.True(EmailTemplateNames.All.ContainsKey(f), $"Add {f} to EmailTemplateNames.All"));
        Assert.Empty(EmailTemplateNames.All.Keys.Except(files, StringComparer.Ordinal));
        Assert.All(EmailTemplateNames.All.Values, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Name));
            Assert.EndsWith(".", d.WhenSent, StringComparison.Ordinal);
        });
        Assert.Equal(EmailTemplateNames.All.Count, EmailTemplateNames.All.Values.Select(d => d.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void For_AnUnknownTemplate_ShowsItsKey() => Assert.Equal("NewThing", EmailTemplateNames.For("NewThing").Name);
}
