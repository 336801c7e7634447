using Workflows.Email;

namespace Portal.Fast.Tests;

public sealed class EmailOptionsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000")]
    [InlineData("https://portal.example:8443/;http://127.0.0.1:5000", "https://portal.example:8443")]
    [InlineData("http://*:8080", "http://localhost:8080")]
    [InlineData("http://+:80", "http://localhost:80")]
    [InlineData("http://0.0.0.0:5000", "http://localhost:5000")]
    [InlineData("http://[::]:5000", "http://localhost:5000")]
    [InlineData("http://[::1]:5000", "http://[::1]:5000")]
    [InlineData("", "http://localhost:5000")]
    [InlineData(null, "http://localhost:5000")]
    public void FirstListeningAddress_TakesTheFirstUrl_ReadingAWildcardHostAsLocalhost(string? urls, string expected) =>
        Assert.Equal(expected, EmailOptions.FirstListeningAddress(urls));
}
