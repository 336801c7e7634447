using DocumentFormat.OpenXml.Wordprocessing;
using Workflows.Reports;

namespace Portal.Features.Reports;

/// The board report's actions appendix in the .docx: the same heading, words and table as the page.
public static class BoardActionsDocx
{
    public static void Append(Body body, BoardActions appendix, uint usableWidth)
    {
        body.Append(WordParts.Heading("Appendix: outstanding actions", 2));
        body.Append(WordParts.Text(BoardActionsText.Help(appendix)));
        WordParts.AppendTable(body, BoardActionsText.Table(appendix), BoardActionsText.Empty, usableWidth);
    }
}
