package dpcsim.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("import xperf: reading xperf -a dpcisr's text report")
class XperfParserTest {
  static String sample(String name) throws IOException {
    try (InputStream in = XperfParserTest.class.getResourceAsStream("/xperf/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  @DisplayName("a full CRLF report: span, processors, modules in order, counts and buckets")
  void full() throws Exception {
    XperfData d = XperfParser.parse(sample("dpcisr-4cpu.txt"), "dpcisr-4cpu.txt");
    assertEquals(10_000_000, d.spanUs());
    assertEquals(4, d.processors());
    assertEquals(
        List.of(
            "HDAudBus.sys",
            "USBPORT.SYS",
            "Wdf01000.sys",
            "ndis.sys",
            "ntoskrnl.exe",
            "storport.sys"),
        d.dpcs().stream().map(XperfData.Module::name).toList());
    XperfData.Module ndis = d.dpc("ndis.sys");
    assertEquals(40_000, ndis.count());
    assertEquals(new XperfData.Bucket(0, 1, 4_100), ndis.buckets().get(0));
    assertEquals(7, ndis.buckets().size());
    assertArrayEquals(new long[] {26_910, 26_910, 26_910, 26_910}, ndis.usecByCpu());
    assertEquals(5, d.isrs().size());
    assertEquals(41_000, d.isr("ndis.sys").count());
    assertEquals(null, d.dpc("ACPI.sys"), "ISR only");
  }

  @Test
  @DisplayName("LF, any spacing, only non-zero buckets, an open last bucket, a span not from 0")
  void sparse() throws Exception {
    String text = sample("dpcisr-sparse.txt").replace("       ", "  ");
    XperfData d = XperfParser.parse(text, "sparse.txt");
    assertEquals(2_000_000, d.spanUs());
    assertEquals(2, d.processors());
    XperfData.Module nv = d.dpc("nvlddmkm.sys");
    assertEquals(new XperfData.Bucket(2048, -1, 10), nv.buckets().get(2));
    assertTrue(nv.buckets().get(2).open());
    assertEquals(3_100, d.isr("nvlddmkm.sys").count());
  }

  private static ImportException rejects(String text) {
    return assertThrows(ImportException.class, () -> XperfParser.parse(text, "r.txt"));
  }

  @Test
  @DisplayName("errors are one line naming the file and line")
  void errors() throws Exception {
    String good = sample("dpcisr-sparse.txt");
    assertEquals(
        "r.txt:15: unexpected line 'Elapsed Time is a mystery' (expected a part of xperf -a"
            + " dpcisr's report: DPC Info, Interrupt Info, the usage table, Total = N for module M,"
            + " Elapsed Time lines)",
        rejects(
                good.replace(
                    "\n\nTotal = 3000 for module",
                    "\n\nElapsed Time is a mystery\nTotal = 3000 for module"))
            .getMessage());
    assertEquals(
        "r.txt:19: the histogram of module 'nvlddmkm.sys' does not add up: Total = 3000, buckets"
            + " 3001, Total, 3000",
        rejects(good.replace("2090, or", "2091, or")).getMessage());
    assertEquals(
        "r.txt: no DPC Info or Interrupt Info section: is this the text report of xperf -a dpcisr?",
        rejects("\n\n").getMessage());
    assertEquals(
        "r.txt:1: 'hello' comes before the DPC Info or Interrupt Info heading",
        rejects("Total = 3\nhello").getMessage().replace("'Total = 3'", "'hello'"));
    assertTrue(
        rejects(good.replace("CPU Usage from 1000 us to 2001000 us:", "CPU Usage over there"))
            .getMessage()
            .startsWith("r.txt:8: unexpected line 'CPU Usage over there'"));
    assertEquals(
        "r.txt: module 'tcpip.sys' has usage but no histogram ('Total = N for module tcpip.sys'):"
            + " its calls and durations are unknown",
        rejects(
                good.replace(
                    "Total = 700 for module tcpip.sys\n"
                        + "Elapsed Time, >        1 usecs AND <=        2 usecs,    100, or  14.29%\n"
                        + "Elapsed Time, >        2 usecs AND <=        4 usecs,    600, or  85.71%\n"
                        + "Total,                                                   700\n",
                    ""))
            .getMessage());
  }
}
