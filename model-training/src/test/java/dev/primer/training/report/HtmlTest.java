package dev.primer.training.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void rendersTheReportsMarkdownAsAPageWithItsTitleAndStyle() {
    String html =
        Html.fromMarkdown(
            "# Title\n\nText with `code`.\n\n| a | b |\n|---|---|\n| x | 1.0% |\n\n"
                + "![plot](plot.png)\n\n- item\n",
            "Primer evaluation 1..2");

    assertThat(html)
        .startsWith("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .contains("<title>Primer evaluation 1..2</title>", "td:first-child")
        .contains("<h1>Title</h1>", "<p>Text with <code>code</code>.</p>")
        .contains("<th>a</th>", "<td>x</td>", "<td>1.0%</td>")
        .contains("<img src=\"plot.png\" alt=\"plot\" />", "<li>item</li>")
        .endsWith("</body></html>\n");
  }

  @Test
  void escapesMarkupInTheTextAndTheTitle() {
    String html = Html.fromMarkdown("Data set `<x>` and <b>bold</b>\n", "a <b> & \"c\"");

    assertThat(html)
        .contains("<title>a &lt;b&gt; &amp; &quot;c&quot;</title>")
        .contains("<code>&lt;x&gt;</code>", "&lt;b&gt;bold&lt;/b&gt;")
        .doesNotContain("<b>");
  }
}
