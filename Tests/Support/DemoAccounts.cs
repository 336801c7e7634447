namespace Portal.Testing;

/// The seeded demo accounts (Infrastructure/Seeding/DemoData.cs), by role.
public static class DemoAccounts
{
    public const string LrOfficer = "officer@lr.example.org";
    public const string LrManager = "manager@lr.example.org";
    public const string KentOfficer = "officer@kent.example.org";
    public const string Author = "author@example.org";
    public const string AgencyContact = "contact@police.example.org";
    public const string CrgMember = "crg@lr.example.org";
    public const string BoardMember = "board@lr.example.org";
    public const string Dpo = "dpo@example.org";
    public const string Admin = "admin@example.org";
}
