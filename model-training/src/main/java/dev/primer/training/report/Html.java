package dev.primer.training.report;

/**
 * Renders the small subset of Markdown the report uses (headings, paragraphs, lists, tables,
 * images, inline code) as a standalone HTML page.
 */
final class Html {
  private Html() {}

  static String fromMarkdown(String markdown, String title) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(escape(title))
        .append("</title>\n<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;}")
        .append(
            "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}")
        .append(
            "td:first-child,th:first-child{text-align:left}code{background:#f4f4f4}</style></head><body>\n");
    boolean inTable = false;
    boolean inList = false;
    boolean header = false;
    for (String line : markdown.split("\n")) {
      if (line.startsWith("|")) {
        if (line.matches("\\|[-|]+\\|?")) {
          continue;
        }
        if (!inTable) {
          html.append("<table>\n");
          inTable = true;
          header = true;
        }
        String[] cells =
            line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0)).split("\\|");
        html.append("<tr>");
        for (String cell : cells) {
          String tag = header ? "th" : "td";
          html.append('<')
              .append(tag)
              .append('>')
              .append(inline(cell.trim()))
              .append("</")
              .append(tag)
              .append('>');
        }
        html.append("</tr>\n");
        header = false;
        continue;
      }
      if (inTable) {
        html.append("</table>\n");
        inTable = false;
      }
      if (line.startsWith("- ")) {
        if (!inList) {
          html.append("<ul>\n");
          inList = true;
        }
        html.append("<li>").append(inline(line.substring(2))).append("</li>\n");
        continue;
      }
      if (inList) {
        html.append("</ul>\n");
        inList = false;
      }
      if (line.startsWith("## ")) {
        html.append("<h2>").append(inline(line.substring(3))).append("</h2>\n");
      } else if (line.startsWith("# ")) {
        html.append("<h1>").append(inline(line.substring(2))).append("</h1>\n");
      } else if (!line.isBlank()) {
        html.append("<p>").append(inline(line)).append("</p>\n");
      }
    }
    if (inTable) {
      html.append("</table>\n");
    }
    if (inList) {
      html.append("</ul>\n");
    }
    return html.append("</body></html>\n").toString();
  }

  private static String inline(String text) {
    String escaped = escape(text);
    escaped = escaped.replaceAll("!\\[([^\\]]*)\\]\\(([^)]+)\\)", "<img alt=\"$1\" src=\"$2\">");
    return escaped.replaceAll("`([^`]*)`", "<code>$1</code>");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
