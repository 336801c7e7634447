using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Calendar;

public sealed record BankHolidayRow(DateOnly Date, string Name, bool Shipped);

/// The bank holidays the deadlines use: the list shipped with the portal plus the days administrators add
/// (a new one-off holiday, or years beyond the shipped list). New deadlines use the merged list at once.
public sealed class BankHolidaysHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<IReadOnlyList<BankHolidayRow>> ListAsync(int year, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var added = await db.BankHolidays.AsNoTracking().Where(h => h.Date >= from && h.Date <= to)
            .Select(h => new BankHolidayRow(h.Date, h.Name, false)).ToListAsync(ct);
        return EnglandAndWalesBankHolidays.Shipped.Where(h => h.Date.Year == year).Select(h => new BankHolidayRow(h.Date, h.Name, true))
            .Concat(added).OrderBy(h => h.Date).ToList();
    }

    /// Administrators only.
    public async Task<Result<BankHolidayRow>> AddAsync(Actor actor, DateOnly date, string? name, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (!actor.Is(Role.Administrator))
        {
            await audit.RefusedAsync(db, actor, "BankHoliday", date.ToString("yyyy-MM-dd"), null, "add a bank holiday", ct);
            return new AccessRefused("the bank holiday list (administrators only)");
        }

        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            errors.Add(new Error("Enter the holiday's name (up to 100 characters).", "Name"));
        }

        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            errors.Add(new Error("Choose a weekday: weekends are never working days.", "Date"));
        }
        else if (EnglandAndWalesBankHolidays.Shipped.Any(h => h.Date == date) || await db.BankHolidays.AnyAsync(h => h.Date == date, ct))
        {
            errors.Add(new Error("That date is already a bank holiday.", "Date"));
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        db.BankHolidays.Add(new BankHoliday { Date = date, Name = name!.Trim(), AddedByUserId = actor.UserId, AddedAtUtc = clock.UtcNow });
        audit.Add(db, actor, AuditAction.Created, "BankHoliday", date.ToString("yyyy-MM-dd"), detail: "added a bank holiday");
        await db.SaveChangesAsync(ct);
        return new BankHolidayRow(date, name.Trim(), false);
    }
}
