package dpcsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.Runs;
import dpcsim.scenario.Phold;
import dpcsim.trace.TraceEvent.DpcEnd;
import dpcsim.trace.TraceEvent.DpcInsert;
import dpcsim.trace.TraceEvent.DpcStart;
import dpcsim.trace.TraceEvent.IpiSend;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An insert step with {@code target: { random: P }} (the DPC-PHOLD extension). */
class RetargetTest {

  @Test
  @DisplayName("the target is the runner with probability 1 - P + P/N, each other one P/N")
  void distribution() {
    RandomStream stream = new RandomStream(7, RandomStream.RETARGET, 1); // processor 1's
    int draws = 200_000;
    int[] counts = new int[4];
    for (int i = 0; i < draws; i++) {
      counts[Operations.retarget(stream, 1, 4, 0.25)]++;
    }
    assertEquals(0.8125, counts[1] / (double) draws, 0.005, "stays: 0.75 + 0.25/4");
    for (int other : new int[] {0, 2, 3}) {
      assertEquals(0.0625, counts[other] / (double) draws, 0.003, "moves to " + other);
    }
    int[] never = new int[4];
    int[] always = new int[4];
    for (int i = 0; i < 10_000; i++) {
      never[Operations.retarget(stream, 1, 4, 0.0)]++;
      always[Operations.retarget(stream, 1, 4, 1.0)]++;
    }
    assertEquals(10_000, never[1], "P = 0 always keeps the runner");
    assertEquals(0.25, always[1] / 10_000.0, 0.02, "P = 1 is uniform, the runner included");
  }

  @Test
  @DisplayName(
      "a local choice inserts at once, with no message and no IPI; a remote one 200ns later")
  void localAndRemote() {
    Runs sim = Runs.of(Phold.yaml(4, 2, 0.25, "10us", 11, "5ms")).run();
    List<DpcInsert> inserts = sim.events(DpcInsert.class);
    List<DpcEnd> ends = sim.events(DpcEnd.class);
    assertTrue(
        ends.size() > 1_000 && ends.size() <= 2_000,
        "at most 4 x 5ms / 10us routine runs, less the idle gaps; got " + ends.size());
    int local = 0;
    int remote = 0;
    for (DpcInsert i : inserts) {
      assertTrue(i.ok(), "a token is never found queued (R-12): " + i);
      if (i.t() == 0) {
        continue; // the script's initial insertions
      }
      // The routine that inserted it ended on the inserting processor, at once or 200ns before.
      long sent = i.by() == i.cpu() ? i.t() : i.t() - 200;
      assertTrue(
          ends.stream()
              .anyMatch(e -> e.cpu() == i.by() && e.dpc().equals(i.dpc()) && e.t() == sent),
          "no DpcEnd of " + i.dpc() + " on cpu " + i.by() + " at " + sent);
      if (i.by() == i.cpu()) {
        local++;
      } else {
        remote++;
      }
    }
    double movedShare = remote / (double) (local + remote);
    assertEquals(0.25 * 3 / 4, movedShare, 0.03, "moves: P x (N-1)/N");
    List<IpiSend> ipis = sim.events(IpiSend.class);
    assertTrue(ipis.stream().allMatch(s -> s.cpu() != s.to()), "no IPI to oneself");
    assertTrue(ipis.size() <= remote, ipis.size() + " IPIs for " + remote + " remote insertions");
  }

  @Test
  @DisplayName("with P = 0 every token stays where it started: no remote insertion, no IPI")
  void neverRemote() {
    Runs sim = Runs.of(Phold.yaml(3, 2, 0.0, "5us", 3, "2ms")).run();
    assertTrue(sim.events(DpcInsert.class).stream().allMatch(i -> i.by() == i.cpu()));
    assertEquals(0, sim.events(IpiSend.class).size());
    for (DpcStart s : sim.events(DpcStart.class)) {
      assertEquals("p" + s.cpu(), s.dpc().substring(0, s.dpc().indexOf('_')));
    }
  }

  @Test
  @DisplayName("the retarget sets the KDPC's Number as KeSetTargetProcessorDpc does (R-6)")
  void numberFollows() {
    Runs sim = Runs.of(Phold.yaml(4, 1, 1.0, "10us", 5, "3ms")).run();
    Kdpc d = sim.dpc("p2_0");
    DpcInsert last =
        sim.events(DpcInsert.class, e -> e.dpc().equals("p2_0"))
            .get(sim.events(DpcInsert.class, e -> e.dpc().equals("p2_0")).size() - 1);
    assertEquals(last.cpu() + sim.machine.profile().targetBias(), d.number());
  }
}
