package dpcsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code --json}: trace-format.md's keys in order, the additions after them, and it parses. */
@DisplayName("StatsJson")
class StatsJsonTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final String ODD = "odd\"name\\";

  private final JsonNode root = parse(StatsJson.render(SampleRuns.remoteHigh(ODD)));

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  private static List<String> keys(JsonNode n) {
    List<String> keys = new ArrayList<>();
    n.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** The percentiles and, last, the mean (LatencyMon's average). */
  private static List<Long> spread(JsonNode n) {
    assertEquals(List.of("p50", "p99", "max", "mean"), keys(n));
    return List.of(n.get("p50").asLong(), n.get("p99").asLong(), n.get("max").asLong());
  }

  @Test
  @DisplayName(
      "top-level keys: the listed ones, seed and stoppedByWatchdog, then dpcs, devices, modules")
  void topLevel() {
    assertEquals(
        List.of(
            "scenario",
            "profile",
            "engine",
            "nodes",
            "processors",
            "simulatedNs",
            "events",
            "traceSha256",
            "seed",
            "stoppedByWatchdog",
            "cpus",
            "dpcs",
            "devices",
            "modules"),
        keys(root));
    assertEquals(4, root.get("cpus").size());
  }

  @Test
  @DisplayName("a cpus entry: the listed keys, then durationNs, isrCount and node last")
  void cpuEntry() {
    JsonNode c = root.get("cpus").get(1);
    assertEquals(
        List.of(
            "cpu",
            "dpcInserted",
            "dpcExecuted",
            "dpcInterrupts",
            "ipisSent",
            "ipisReceived",
            "maxQueueDepth",
            "dpcTimeNs",
            "isrTimeNs",
            "idleTimeNs",
            "latencyNs",
            "watchdog",
            "durationNs",
            "isrCount",
            "node",
            "coalesced"),
        keys(c));
    assertEquals(7, c.get("coalesced").asLong());
    assertEquals(List.of(1_500L, 40_000L, 2_000_000L), spread(c.get("latencyNs")));
    assertEquals(30_000, c.get("latencyNs").get("mean").asLong());
    assertEquals(List.of(10_000L, 250_000L, 1_500_000L), spread(c.get("durationNs")));
    assertEquals(90_000, c.get("durationNs").get("mean").asLong());
    assertEquals(4_000, c.get("isrCount").asLong());
    assertEquals("local", c.get("node").asText());
  }

  @Test
  @DisplayName("a dpcs entry per KDPC, with its figures; names are escaped")
  void dpcEntries() {
    JsonNode dpcs = root.get("dpcs");
    assertEquals(2, dpcs.size());
    JsonNode d = dpcs.get(0);
    assertEquals(
        List.of(
            "dpc",
            "dpcInserted",
            "dpcExecuted",
            "dpcInterrupts",
            "ipisSent",
            "maxQueueDepth",
            "dpcTimeNs",
            "latencyNs",
            "durationNs",
            "watchdog",
            "coalesced"),
        keys(d));
    assertEquals("toBusy", d.get("dpc").asText());
    assertEquals(5, d.get("coalesced").asLong());
    assertEquals(12_000, d.get("dpcInserted").asLong());
    assertEquals(12_000, d.get("dpcExecuted").asLong());
    assertEquals(300, d.get("dpcInterrupts").asLong());
    assertEquals(2, d.get("ipisSent").asLong());
    assertEquals(3, d.get("maxQueueDepth").asInt());
    assertEquals(4_000_000, d.get("dpcTimeNs").asLong());
    assertEquals(List.of(1_500L, 40_000L, 2_000_000L), spread(d.get("latencyNs")));
    assertEquals(List.of(10_000L, 250_000L, 1_500_000L), spread(d.get("durationNs")));
    assertEquals(1, d.get("watchdog").asLong());
    assertEquals(ODD, dpcs.get(1).get("dpc").asText());
  }

  @Test
  @DisplayName("a devices entry per device")
  void deviceEntries() {
    JsonNode v = root.get("devices").get(0);
    assertEquals(List.of("device", "isrCount", "isrTimeNs", "durationNs"), keys(v));
    assertEquals("nic", v.get("device").asText());
    assertEquals(4_000, v.get("isrCount").asLong());
    assertEquals(1_200_000, v.get("isrTimeNs").asLong());
    assertEquals(List.of(250L, 900L, 12_000L), spread(v.get("durationNs")));
  }
}
