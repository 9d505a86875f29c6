package dpcsim.report.html;

import java.util.List;

/**
 * A row of colour swatches with their names, under a chart: what each colour of a scale means. The
 * group has {@code class="legend"} (its swatches carry no figure) and {@code data-legend}; each
 * name is a {@code text} with {@code data-swatch}, the colour it names.
 */
final class Legend {
  private Legend() {}

  /**
   * One swatch.
   *
   * @param fill its colour
   * @param label its name, plain text
   */
  record Item(String fill, String label) {}

  /** The width of a name at the chart's 11 px type: about 6.5 px per character. */
  private static int textWidth(String label) {
    return (int) Math.ceil(label.length() * 6.5);
  }

  /**
   * Appends the legend with its baseline at {@code y}, from {@code x}.
   *
   * @param name the {@code data-legend} value and the word before the swatches, e.g. {@code queue
   *     depth}
   */
  static void append(StringBuilder s, int x, int y, String name, List<Item> items) {
    s.append("<g class=\"legend\" data-legend=\"")
        .append(Html.esc(name))
        .append("\"><text x=\"")
        .append(x)
        .append("\" y=\"")
        .append(y)
        .append("\" class=\"axis-title\">")
        .append(Html.esc(name))
        .append(":</text>");
    int at = x + textWidth(name + ":") + 10;
    for (Item item : items) {
      s.append("<rect x=\"")
          .append(at)
          .append("\" y=\"")
          .append(y - 10)
          .append("\" width=\"12\" height=\"12\" fill=\"")
          .append(item.fill())
          .append("\" stroke=\"#adb5bd\" stroke-width=\"0.5\"/><text x=\"")
          .append(at + 16)
          .append("\" y=\"")
          .append(y)
          .append("\" data-swatch=\"")
          .append(item.fill())
          .append("\">")
          .append(Html.esc(item.label()))
          .append("</text>");
      at += 16 + textWidth(item.label()) + 14;
    }
    s.append("</g>\n");
  }
}
