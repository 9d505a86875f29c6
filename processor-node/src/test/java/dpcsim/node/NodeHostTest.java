package dpcsim.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dpcsim.lookahead.ProcessorStatus;
import dpcsim.partition.NodeWindows;
import dpcsim.trace.TraceBuffer;
import dpcsim.trace.TraceEvent;
import dpcsim.trace.TraceNames;
import dpcsim.trace.TraceRecord;
import dpcsim.wire.DriverMessage;
import dpcsim.wire.HostMessage;
import dpcsim.wire.ScenarioSource;
import dpcsim.wire.TunableChange;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The node's processor host with real actors; every message is serialized (CBOR) as if remote. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LogCapturingExtension.class)
class NodeHostTest {
  static final Config CONFIG =
      ConfigFactory.parseString(
          """
          pekko.actor.serialize-messages = on
          pekko.actor.serialize-creators = off
          """);

  final ActorTestKit testKit = ActorTestKit.create("host-test", CONFIG);

  @AfterAll
  void shutdown() {
    testKit.shutdownTestKit();
  }

  private ActorRef<HostMessage> prepared(
      String runId, String yaml, List<TunableChange> tunables, TestProbe<DriverMessage> driver) {
    ActorRef<HostMessage> host = testKit.spawn(NodeHost.create());
    host.tell(
        new HostMessage.Prepare(
            runId,
            new ScenarioSource(yaml, "test.yaml", 0, -1),
            0,
            2,
            List.of(0),
            tunables,
            driver.getRef()));
    DriverMessage.Prepared p = driver.expectMessageClass(DriverMessage.Prepared.class);
    assertEquals(2, p.statuses().size());
    return host;
  }

  @Test
  @DisplayName("a window runs every processor given work and comes back as one report per node")
  void windowReport() {
    TestProbe<DriverMessage> driver = testKit.createTestProbe();
    ActorRef<HostMessage> host = prepared("r1", TestScenarios.REMOTE_HIGH, List.of(), driver);
    host.tell(
        new HostMessage.Window(
            "r1",
            0,
            10_100,
            Long.MAX_VALUE,
            List.of(new HostMessage.CpuWork(0, List.of()), new HostMessage.CpuWork(1, List.of())),
            List.of()));
    DriverMessage.Report r = driver.expectMessageClass(DriverMessage.Report.class);
    assertTrue(r.last());
    assertEquals(0, r.step());
    assertEquals(List.of(0, 1), r.statuses().stream().map(ProcessorStatus::cpu).toList());
    assertEquals(List.of(), r.outbound(), "CPU 0's remote insert stays on the node");
    assertEquals(1, r.localMessages(), "CPU 0's remote insert, delivered by the host");
    assertTrue(r.localWindows() >= 2, "the insert's arrival needs a second local window");
    assertTrue(
        r.processorMessages() >= 4 && r.processorMessages() % 2 == 0,
        "a RunWindow to each processor of each local window and its answer: "
            + r.processorMessages());
  }

  @Test
  @DisplayName("a node of its own sends a remote insert to the driver, to be routed to its node")
  void crossNodeInsertGoesToTheDriver() {
    TestProbe<DriverMessage> driver = testKit.createTestProbe();
    ActorRef<HostMessage> host = testKit.spawn(NodeHost.create());
    host.tell(
        new HostMessage.Prepare(
            "r4",
            new ScenarioSource(TestScenarios.REMOTE_HIGH, "test.yaml", 0, -1),
            0,
            1,
            List.of(0, 1),
            List.of(),
            driver.getRef()));
    DriverMessage.Prepared p = driver.expectMessageClass(DriverMessage.Prepared.class);
    assertEquals(1, p.statuses().size());
    host.tell(
        new HostMessage.Window(
            "r4",
            0,
            10_100,
            Long.MAX_VALUE,
            List.of(new HostMessage.CpuWork(0, List.of())),
            List.of()));
    DriverMessage.Report r = driver.expectMessageClass(DriverMessage.Report.class);
    assertTrue(r.last());
    assertEquals(1, r.outbound().size(), "CPU 0's remote insert to CPU 1, on another node");
    assertEquals(1, r.outbound().get(0).to());
    assertEquals(0, r.localMessages());
  }

  @Test
  @DisplayName("R-10: a broadcast tunable changes only the global; ws03's R-26 then climbs past it")
  void tunableBroadcast() {
    String idle =
        """
        profile: ws03
        processors: 2
        duration: 400ms
        """;
    TestProbe<DriverMessage> driver = testKit.createTestProbe();
    ActorRef<HostMessage> host =
        prepared("r2", idle, List.of(new TunableChange(0, 0, "maximumDpcQueueDepth", 2)), driver);
    host.tell(
        new HostMessage.Window(
            "r2",
            0,
            400_000_001,
            Long.MAX_VALUE,
            List.of(new HostMessage.CpuWork(0, List.of()), new HostMessage.CpuWork(1, List.of())),
            List.of()));
    List<TraceEvent> events = collect(driver, TraceNames.of(TestScenarios.parse(idle)));
    List<TraceEvent.Tick> ticks =
        events.stream()
            .filter(e -> e instanceof TraceEvent.Tick t && t.cpu() == 0)
            .map(e -> (TraceEvent.Tick) e)
            .toList();
    // The KPRCB copy stays 4; after 20 quiet ticks R-26 sees 4 != 2 and increments (WRK).
    assertEquals(4, ticks.get(18).maxDepth());
    assertEquals(5, ticks.get(19).maxDepth());
  }

  @Test
  @DisplayName("a report to a remote driver is cut in parts no larger than a frame allows")
  void reportParts() {
    String busy =
        """
        profile: ws03
        processors: 2
        duration: 200ms
        dpcs:
          d0: { routine: { duration: 1us } }
          d1: { routine: { duration: 1us } }
        devices:
          dev0: { interrupts: { periodic: 20us }, cpus: [0], isr: { duration: 1us, then: [ { insert: d0 } ] } }
          dev1: { interrupts: { periodic: 20us }, cpus: [1], isr: { duration: 1us, then: [ { insert: d1 } ] } }
        """;
    TestProbe<DriverMessage> driver = testKit.createTestProbe();
    ActorRef<HostMessage> host = prepared("r3", busy, List.of(), driver);
    host.tell(
        new HostMessage.Window(
            "r3",
            0,
            200_000_001,
            Long.MAX_VALUE,
            List.of(new HostMessage.CpuWork(0, List.of()), new HostMessage.CpuWork(1, List.of())),
            List.of()));
    // 200 ms of two busy processors in one grant, serialized for verification: give it time.
    DriverMessage.Report whole =
        driver.expectMessageClass(DriverMessage.Report.class, java.time.Duration.ofSeconds(30));
    assertTrue(whole.last(), "a driver in the same JVM takes the report in one part");
    int records = whole.trace().size();
    assertTrue(records > 20_000, records + " records");
    NodeWindows.GrantReport grant =
        new NodeWindows.GrantReport(
            whole.statuses(),
            whole.outbound(),
            whole.trace(),
            whole.processed(),
            whole.localMessages(),
            whole.crossOutput(),
            whole.localWindows());
    List<DriverMessage.Report> parts =
        ReportParts.split("r3", 0, "node", grant, whole.processorMessages(), true);
    assertTrue(parts.size() > 10, "split in " + parts.size());
    TraceBuffer joined = new TraceBuffer(TraceNames.NONE, records);
    List<ProcessorStatus> statuses = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      DriverMessage.Report p = parts.get(i);
      statuses.addAll(p.statuses());
      assertTrue(p.trace().size() <= ReportParts.RECORDS, "part of " + p.trace().size());
      assertEquals(i == parts.size() - 1, p.last());
      joined.addAll(p.trace());
    }
    assertEquals(whole.trace(), joined.columns(0, joined.size()), "the parts add up");
    DriverMessage.Report last = parts.get(parts.size() - 1);
    assertEquals(whole.processed(), last.processed());
    assertEquals(whole.statuses(), statuses, "the statuses add up");
  }

  private static List<TraceEvent> collect(TestProbe<DriverMessage> driver, TraceNames names) {
    List<TraceEvent> out = new ArrayList<>();
    while (true) {
      DriverMessage.Report r =
          driver.expectMessageClass(DriverMessage.Report.class, java.time.Duration.ofSeconds(30));
      for (TraceRecord t : r.trace().records(names)) {
        out.add(t.event());
      }
      if (r.last()) {
        return out;
      }
    }
  }
}
