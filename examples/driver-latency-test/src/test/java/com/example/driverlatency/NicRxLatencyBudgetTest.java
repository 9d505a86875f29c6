package com.example.driverlatency;

import static dpcsim.api.Action.insert;
import static dpcsim.api.DurationSpec.exp;
import static dpcsim.scenario.Importance.HIGH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.api.DpcResult;
import dpcsim.api.InvalidScenarioException;
import dpcsim.api.ScenarioBuilder;
import dpcsim.api.Scenarios;
import dpcsim.api.Simulation;
import dpcsim.api.SimulationResult;
import dpcsim.scenario.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The receive DPC of a NIC driver has a latency budget: 99% of its calls must start within 100 us
 * of the ISR queuing it. On processor 0, which also takes the disk's interrupts and runs its long
 * completion DPC, it cannot meet it: a High DPC goes to the head of the queue but waits for the
 * routine already running. Targeted at an idle processor, it meets it for every seed tried.
 */
class NicRxLatencyBudgetTest {
  /** The budget: nicRx's insert-to-start p99, in simulated nanoseconds. */
  private static final long BUDGET_NS = 100_000;

  /** The machine of src/test/resources/nic-and-disk.yaml, written in Java. */
  private static ScenarioBuilder machine(long seed) {
    return Scenarios.builder()
        .name("NIC and disk on processor 0")
        .profile("win10")
        .processors(4)
        .seed(seed)
        .duration("500ms")
        .dpc("nicRx", d -> d.importance(HIGH).routine(exp("10us")))
        .dpc("diskDone", d -> d.routine(exp("250us")))
        .device("nic", d -> d.poisson(20_000).cpus(0).isr("2us", insert("nicRx")))
        .device("disk", d -> d.poisson(2_000).cpus(0).isr("3us", insert("diskDone")));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void onAnIdleProcessorNicRxMeetsItsBudget(long seed) {
    SimulationResult run = Simulation.run(machine(seed).dpc("nicRx", d -> d.target(2)));
    DpcResult nicRx = run.dpc("nicRx");
    assertTrue(nicRx.executed() > 9_000, "nicRx ran " + nicRx.executed() + " times");
    assertTrue(
        nicRx.latency().p99() < BUDGET_NS,
        "nicRx p99 " + nicRx.latency().p99() + " ns is over the budget of " + BUDGET_NS + " ns");
    assertEquals(nicRx.executed(), run.cpu(2).dpcExecuted(), "every call ran on processor 2");
  }

  @Test
  void movingNicRxOffTheDiskProcessorCutsItsTailLatency() {
    DpcResult shared = Simulation.run(machine(1)).dpc("nicRx");
    DpcResult moved = Simulation.run(machine(1).dpc("nicRx", d -> d.target(2))).dpc("nicRx");
    assertTrue(shared.latency().p99() > BUDGET_NS, "shared p99 " + shared.latency().p99());
    assertTrue(
        moved.latency().p99() * 5 < shared.latency().p99(),
        "moved p99 " + moved.latency().p99() + " against shared " + shared.latency().p99());
    // Sharing processor 0, many inserts find nicRx still queued and are lost (coalesced, R-12).
    assertTrue(shared.coalesced() > moved.coalesced());
  }

  @Test
  void theYamlFileDescribesTheSameMachine() throws IOException {
    String yaml;
    try (InputStream in = getClass().getResourceAsStream("/nic-and-disk.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Scenario fromFile = Scenarios.fromYaml(yaml);
    Scenario built = machine(1).build();
    assertEquals(
        Simulation.run(fromFile).traceSha256(),
        Simulation.run(built).traceSha256(),
        "the same scenario and seed give the same trace");
    // toYaml writes a scenario back as a file would say it.
    assertEquals(fromFile, Scenarios.fromYaml(fromFile.toYaml()));
  }

  @Test
  void aMistakeFailsWithTheLoadersMessage() {
    InvalidScenarioException e =
        assertThrows(
            InvalidScenarioException.class,
            () -> machine(1).dpc("nicRx", d -> d.target(4)).build());
    assertEquals(
        "builder: dpcs.nicRx.target: processor 4 is out of range"
            + " (the scenario has 4 processors: 0..3)",
        e.getMessage());
  }
}
