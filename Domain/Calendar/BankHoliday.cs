namespace Domain.Calendar;

/// A bank holiday added by an administrator (e.g. a new one-off day, or years beyond the shipped list).
public sealed class BankHoliday
{
    public int Id { get; set; }

    public DateOnly Date { get; set; }

    public required string Name { get; set; }

    public string? AddedByUserId { get; set; }

    public DateTime AddedAtUtc { get; set; }
}
