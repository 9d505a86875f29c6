package dpcsim.report.html;

/**
 * The frame every dpcsim page shares ({@code run --report}, {@code compare --html}): one stylesheet
 * inline, a header of run facts, sections of a chart and a caption, a footer. No script, nothing
 * fetched, and well-formed XML throughout (see {@link Html}).
 */
final class Page {
  private Page() {}

  /**
   * Starts a page: the document head with the stylesheet, then the header with {@code heading} and
   * an open fact list for {@link #fact}; close it with {@link #endHeader}.
   *
   * @param title the window title, already escaped
   * @param heading the page's {@code h1}, already escaped
   */
  static StringBuilder start(String title, String heading) {
    StringBuilder s = new StringBuilder(64 * 1024);
    s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<title>")
        .append(title)
        .append("</title>\n<style>")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<header>\n<h1 id=\"scenario-name\">")
        .append(heading)
        .append("</h1>\n<dl class=\"run\">\n");
    return s;
  }

  /** One fact of the header: {@code key} and {@code value}, the value with {@code data-key}. */
  static void fact(StringBuilder s, String key, String value) {
    s.append("<div><dt>")
        .append(Html.esc(key))
        .append("</dt><dd data-key=\"")
        .append(Html.esc(key))
        .append("\">")
        .append(Html.esc(value))
        .append("</dd></div>\n");
  }

  static void endHeader(StringBuilder s) {
    s.append("</dl>\n</header>\n");
  }

  /**
   * A section with a heading, one chart and a caption.
   *
   * @param caption HTML (may hold markup such as {@code <b>})
   */
  static void section(StringBuilder s, String id, String title, String svg, String caption) {
    s.append("<section id=\"")
        .append(id)
        .append("\">\n<h2>")
        .append(title)
        .append("</h2>\n<div class=\"figure\">")
        .append(svg)
        .append("</div>\n<p class=\"caption\">")
        .append(caption)
        .append("</p>\n</section>\n");
  }

  /** Ends the page with {@code footer} (plain text). */
  static String end(StringBuilder s, String footer) {
    s.append("<footer>")
        .append(Html.esc(footer))
        .append("</footer>\n")
        .append("</body>\n</html>\n");
    return s.toString();
  }

  private static final String CSS =
      """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#212529;\
      margin:24px auto;max-width:1040px;padding:0 16px}
      h1{font-size:22px;margin:0 0 8px}h2{font-size:18px;margin:28px 0 6px;border-bottom:1px solid\
       #dee2e6}h3{font-size:15px;margin:16px 0 4px}.total{font-weight:normal;color:#495057}
      dl.run{display:flex;flex-wrap:wrap;gap:2px 22px;margin:0}
      dl.run div{display:flex;gap:6px}dt{color:#6c757d}dd{margin:0;font-weight:600}
      dd[data-key="traceSha256"]{font:12px ui-monospace,monospace;align-self:center}
      .figure{overflow-x:auto}svg.chart{display:block;font-size:11px}svg .small{font-size:10px}
      svg .axis-title{fill:#495057}.caption{color:#495057;max-width:900px;margin:4px 0 12px}
      pre.latencymon{font-size:12px;background:#f8f9fa;padding:6px 10px;margin:4px 0;\
      display:inline-block}
      table.summary{border-collapse:collapse;font-variant-numeric:tabular-nums;font-size:12.5px}
      table.summary th,table.summary td{padding:2px 5px;text-align:right;border-bottom:1px solid\
       #e9ecef;white-space:nowrap}table.summary th{background:#f1f3f5}
      table.summary .name{text-align:left}table.summary tfoot td{font-weight:600;border-top:1px\
       solid #adb5bd}
      .panels{display:flex;flex-wrap:wrap;gap:8px 28px}.panel h3{margin:8px 0 2px;font-size:14px}
      .fault{color:#c92a2a}code.hash{font-size:12px}
      footer{margin-top:28px;color:#868e96;font-size:12px}
      """;
}
