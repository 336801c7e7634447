namespace Infrastructure.Seeding;

/// The demo accounts and their password, written once to the console when the demo data set is made. Never through
/// ILogger: logs are kept and shipped (and in Production would hold a working password); the console is seen once.
public static class DemoAnnouncement
{
    /// `--demo` on the command line: the demo data set (Seed:DemoData=true), in the environment "Demo" rather than
    /// Production, which refuses demo data.
    public static string[] ExpandSwitch(string[] args) =>
        args.Contains("--demo", StringComparer.OrdinalIgnoreCase)
            ? [.. args.Where(a => !a.Equals("--demo", StringComparison.OrdinalIgnoreCase)), "--Seed:DemoData=true", "--environment=Demo"]
            : args;

    public static void Write(TextWriter console, SeededDemo demo)
    {
        console.WriteLine();
        console.WriteLine("Demo data created. Sign in with any of these accounts:");
        foreach (var account in demo.Accounts)
        {
            console.WriteLine($"  {account.Role,-26} {account.Email}");
        }

        console.WriteLine($"Password of every demo account: {demo.Password}");
        console.WriteLine("It is shown this once and stored nowhere: to start again with a new one, delete the data folder and run with --demo.");
        console.WriteLine();
    }
}
