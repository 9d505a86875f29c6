package dpcsim.report.html;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.report.ProfileOutcome;
import dpcsim.report.SweepReport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a browser shows it: Debian's headless Chromium loads the file (no network), and its
 * DOM holds every chart figure of the file; a screenshot shows the DPC share in its colour. The
 * same for the {@code compare --html} and {@code sweep --html} pages. Skipped, saying how to
 * install it, where {@code /usr/bin/chromium} is missing ({@code .ci/run} installs it).
 */
@DisplayName("the HTML report in headless Chromium")
class ReportChromiumTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Pattern FIGURE =
      Pattern.compile("data-(count|depth|mean-depth|ns|max-depth|sent|p99-ns)=\"([0-9.]+)\"");

  private static final Pattern VALUE = Pattern.compile("data-value=\"([^\"]*)\"");

  @TempDir Path tmp;

  /** Every figure attribute in document order, e.g. {@code count=3}. */
  private static List<String> figures(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = FIGURE.matcher(html);
    while (m.find()) {
      out.add(m.group(1) + "=" + m.group(2));
    }
    return out;
  }

  /** Runs headless Chromium on {@code page} with {@code args}; returns its standard output. */
  private String chromium(Path page, String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(tmp, "profile")));
    cmd.addAll(List.of(args));
    cmd.add(page.toUri().toString());
    Path out = Files.createTempFile(tmp, "chromium", ".out");
    Path err = Files.createTempFile(tmp, "chromium", ".err");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s: " + cmd);
    }
    assertEquals(0, p.exitValue(), () -> "chromium failed: " + read(err));
    return read(out);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  @Test
  @DisplayName("renders offline: the DOM holds the file's figures, the screenshot its colours")
  void rendersInChromium() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM), "chromium not installed: apt-get install chromium");
    HtmlReportTest.Rendered r =
        HtmlReportTest.render(
            HtmlReportTest.example("nic-storm-cpu0.yaml").withDuration(100_000_000L));
    Path page = tmp.resolve("report.html");
    Files.writeString(page, r.html(), StandardCharsets.UTF_8);

    String dom = chromium(page, "--dump-dom");
    List<String> expected = figures(r.html());
    assertAll(
        () -> assertTrue(expected.size() > 300, "figures in the file: " + expected.size()),
        () -> assertEquals(expected, figures(dom), "the DOM holds the file's figures, in order"),
        () ->
            assertEquals(
                8, count(dom, "<svg"), "depth, latency, share, by KDPC, 3 histograms, IPI"),
        () -> assertTrue(count(dom, "data-p99-ns=") > 150, "a latency dot per slice of CPU 0"),
        () -> assertEquals(1, count(dom, "<polyline"), "CPU 0's latency line, unbroken"),
        () -> assertEquals(2, count(dom, "<tr data-dpc="), "the per-KDPC table's rows"),
        () -> assertEquals(1, count(dom, "<tr data-device="), "the per-device table's row"),
        () -> assertTrue(dom.contains(">" + r.result().traceSha256() + "</dd>"), "the header"),
        () -> assertTrue(dom.contains(r.result().scenario().name()), "the title from the file"),
        () -> assertFalse(dom.contains("<script"), "no script"));

    Path png = tmp.resolve("report.png");
    chromium(page, "--screenshot=" + png, "--window-size=1280,2000", "--hide-scrollbars");
    BufferedImage shot = ImageIO.read(png.toFile());
    long dpcPixels = pixelsNear(shot, 0xe8590c);
    // The depth chart's mean bars at depth 2 (the deepest here) and the latency line and dots.
    long depthPixels = pixelsNear(shot, rgb(Palette.darker(Palette.depth(2, 2))));
    long latencyPixels = pixelsNear(shot, 0x1c7ed6);
    assertAll(
        () -> assertEquals(1280, shot.getWidth()),
        () -> assertEquals(2000, shot.getHeight()),
        // CPU 0 spends about 41% in DPCs: about 330 x 22 px of the DPC colour.
        () -> assertTrue(dpcPixels > 4_000, "DPC-coloured pixels: " + dpcPixels),
        () -> assertTrue(depthPixels > 100, "deepest-queue pixels: " + depthPixels),
        () -> assertTrue(latencyPixels > 1_000, "latency line pixels: " + latencyPixels));
  }

  @Test
  @DisplayName("the compare page renders offline: its figures in the DOM, the profiles' colours")
  void comparePageInChromium() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM), "chromium not installed: apt-get install chromium");
    String html =
        CompareHtml.render(
            CompareHtmlTest.SCENARIO,
            "sequential",
            List.of(
                new ProfileOutcome.Ran(
                    CompareHtmlTest.figures("ws03", 1_000_000_000L, 500_000_000L)),
                new ProfileOutcome.Faulted("win10", "processor 0 makes no progress at 7 ns"),
                new ProfileOutcome.Ran(
                    CompareHtmlTest.figures("textbook", 1_000_000_000L, 250_000_000L))));
    Path page = tmp.resolve("compare.html");
    Files.writeString(page, html, StandardCharsets.UTF_8);
    String dom = chromium(page, "--dump-dom");
    assertAll(
        () -> assertEquals(values(html), values(dom), "the DOM holds the file's figures"),
        () -> assertEquals(2 * 7 + 2 * 17, values(dom).size(), "bars and table cells"),
        () -> assertEquals(7, count(dom, "<svg"), "one chart per figure"),
        () -> assertFalse(dom.contains("<script"), "no script"));
    Path png = tmp.resolve("compare.png");
    chromium(page, "--screenshot=" + png, "--window-size=1280,1600", "--hide-scrollbars");
    BufferedImage shot = ImageIO.read(png.toFile());
    long first = pixelsNear(shot, 0x1c7ed6);
    long third = pixelsNear(shot, 0x2f9e44);
    // Seven bars of 60 px wide each (most full height) in each profile's colour.
    assertAll(
        () -> assertTrue(first > 20_000, "ws03-coloured pixels: " + first),
        () -> assertTrue(third > 10_000, "textbook-coloured pixels: " + third));
  }

  @Test
  @DisplayName("the sweep page renders offline: a line per figure, its dots' figures in the DOM")
  void sweepPageInChromium() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM), "chromium not installed: apt-get install chromium");
    List<SweepReport.Point> points = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      points.add(
          new SweepReport.Point(
              (i + 1) * 10_000 + "/s",
              CompareHtmlTest.figures("ws03", 1_000_000_000L, 100_000_000L * (i + 1))));
    }
    String html =
        SweepHtml.render(
            CompareHtmlTest.SCENARIO,
            "devices.nic.interrupts.poisson",
            List.of("lat-p99", "dpc", "ipi-tx"),
            points);
    Path page = tmp.resolve("sweep.html");
    Files.writeString(page, html, StandardCharsets.UTF_8);
    String dom = chromium(page, "--dump-dom");
    assertAll(
        () -> assertEquals(values(html), values(dom), "the DOM holds the file's figures"),
        () -> assertEquals(3 * 5 + 3 * 5, values(dom).size(), "dots and table cells"),
        () -> assertEquals(3, count(dom, "<svg"), "a chart per figure"),
        () -> assertEquals(3, count(dom, "<polyline"), "a line per figure"),
        () -> assertEquals(3 * 5, count(dom, "class=\"point-label\""), "every dot labelled"),
        () -> assertFalse(dom.contains("<script"), "no script"));
    Path png = tmp.resolve("sweep.png");
    chromium(page, "--screenshot=" + png, "--window-size=1280,1400", "--hide-scrollbars");
    BufferedImage shot = ImageIO.read(png.toFile());
    long first = pixelsNear(shot, rgb(Palette.series(0)));
    long second = pixelsNear(shot, rgb(Palette.series(1)));
    // Lines of about 700 px, 2 px wide, and five dots each.
    assertAll(
        () -> assertTrue(first > 500, "first figure's pixels: " + first),
        () -> assertTrue(second > 500, "second figure's pixels: " + second));
  }

  private static int rgb(String hex) {
    return Integer.parseInt(hex.substring(1), 16);
  }

  private static List<String> values(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = VALUE.matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  /** Pixels within 12 of {@code rgb} in each channel (Chromium may shift colours slightly). */
  private static long pixelsNear(BufferedImage img, int rgb) {
    long n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int p = img.getRGB(x, y);
        if (Math.abs((p >> 16 & 0xff) - (rgb >> 16 & 0xff)) <= 12
            && Math.abs((p >> 8 & 0xff) - (rgb >> 8 & 0xff)) <= 12
            && Math.abs((p & 0xff) - (rgb & 0xff)) <= 12) {
          n++;
        }
      }
    }
    return n;
  }
}
