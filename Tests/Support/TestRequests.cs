using Workflows.Requests;

namespace Portal.Testing;

/// What a test's information request asks for, where the test is about something else.
public static class TestRequests
{
    public static readonly RequestScope Scope = new("Contacts with the people involved and what was known of the risks.",
        new DateOnly(2024, 1, 1), new DateOnly(2026, 10, 31), "Terms of reference 2 and 3: the agencies' contacts in the two years before the death.");
}
