using System.Globalization;
using System.Text;
using Domain.Calendar;
using Workflows.Spreadsheets;

namespace Workflows.Audit;

/// The audit export as a spreadsheet-safe .csv: plain-English columns, UK dates and London times. The detail column is
/// there only for the data protection officer.
public static class AuditCsv
{
    public static byte[] Build(AuditExport export)
    {
        string[] headings = ["Date", "Time (London)", "Person", "Email", "What", "Subject", "Case"];
        var csv = new StringBuilder(Csv.Line(export.WithDetail ? [.. headings, "Detail"] : headings));
        foreach (var r in export.Rows)
        {
            string?[] cells = [UkDate.Format(r.AtUtc), London.ToLocal(r.AtUtc).ToString("HH:mm:ss", CultureInfo.InvariantCulture), r.Who, r.UserEmail, r.What, r.Subject, r.CaseReference];
            csv.Append(Csv.Line(export.WithDetail ? [.. cells, r.Detail] : cells));
        }

        return Csv.Bytes(csv.ToString());
    }

    public static string FileName(DateOnly today) => $"audit-trail-{today:yyyy-MM-dd}.csv";
}
