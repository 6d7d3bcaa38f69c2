using System.Net;

namespace SalesKpi.Rendering;

/// <summary>Writes a document as one self-contained HTML page.</summary>
internal static class HtmlRenderer
{
    public static void Write(KpiDocument document, TextWriter writer)
    {
        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine("<html lang=\"en\">");
        writer.WriteLine("<head><meta charset=\"utf-8\"><title>" + WebUtility.HtmlEncode(document.Title) + "</title></head>");
        writer.WriteLine("<body><h1>" + WebUtility.HtmlEncode(document.Title) + "</h1></body>");
        writer.WriteLine("</html>");
    }
}
