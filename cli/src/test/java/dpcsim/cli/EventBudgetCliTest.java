package dpcsim.cli;

import static dpcsim.cli.CliTest.assertOneLineError;
import static dpcsim.cli.CliTest.dpcsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.cli.CliTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --max-events}: a valid scenario that would never finish is refused before it runs, by
 * every command that runs one, naming what produces the events and the flag that raises the budget.
 * (Every example is within the default budget: {@link CliTest}'s validate tests.)
 */
@DisplayName("the event budget (--max-events)")
class EventBudgetCliTest {
  @TempDir Path tmp;

  /** A 1 ns clock tick on 64 processors for 100 s: 6.4e12 ticks. */
  private static final String TICKS = "processors: 64\nduration: 100s\nclock: { tick: 1ns }\n";

  private static final String TICKS_ERROR =
      ": the scenario would produce about 6.4e12 simulation events, more than the budget of"
          + " 2000000000; most from clock ticks (64 processors x 100s / 1ns); shorten it or raise"
          + " the budget with --max-events N";

  private String file(String name, String yaml) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, yaml);
    return p.toString();
  }

  @Test
  @DisplayName("validate prints the estimate on a second line")
  void validatePrintsEstimate() throws IOException {
    String f =
        file(
            "small.yaml",
            """
            processors: 2
            duration: 1s
            dpcs:
              rx: { routine: { duration: 5us } }
            devices:
              nic: { interrupts: { periodic: 1ms }, isr: { duration: 1us, then: [ { insert: rx } ] } }
            """);
    Result r = dpcsim("validate", f);
    assertEquals(0, r.status(), r.err());
    assertEquals(
        f
            + ": about 4128 simulation events (budget 2000000000): device interrupts 3000 (device"
            + " nic: 1000 interrupts x 3 events), DPC routines 1000 (KDPC rx: 1000 runs x 1"
            + " event), clock ticks 128 (2 processors x 1s / 15.625ms)",
        r.outLines().get(1));
  }

  @Test
  @DisplayName("validate refuses a 1 ns tick on 64 processors for 100 s, naming the ticks")
  void validateRefusesTicks() throws IOException {
    String f = file("ticks.yaml", TICKS);
    assertOneLineError(dpcsim("validate", f), f + TICKS_ERROR);
  }

  @Test
  @DisplayName("a 1 ns periodic device for 1000 s and a day of 1e9/s are refused too")
  void devicesRefused() throws IOException {
    String isr = ", isr: { duration: 1ns } }\n";
    String periodic =
        file(
            "periodic.yaml",
            "processors: 1\nduration: 1000s\ndevices:\n  nic: { interrupts: { periodic: 1ns }"
                + isr);
    assertOneLineError(
        dpcsim("validate", periodic),
        "about 2e12 simulation events",
        "most from device interrupts (device nic: 1e12 interrupts x 2 events)",
        "--max-events N");
    String poisson =
        file(
            "poisson.yaml",
            "processors: 1\nduration: 86400s\ndevices:\n  nic: { interrupts: { poisson:"
                + " 1000000000/s }"
                + isr);
    assertOneLineError(
        dpcsim("validate", poisson), "about 1.73e14 simulation events", "device interrupts");
  }

  @Test
  @DisplayName("a self-inserting 1 ns routine for a day is refused, naming the KDPC")
  void selfInsertRefused() throws IOException {
    String f =
        file(
            "loop.yaml",
            """
            processors: 1
            duration: 86400s
            clock: { tick: 1s }
            dpcs:
              loop: { routine: { duration: 1ns, then: [ { insert: loop } ] } }
            script:
              - { at: 0us, cpu: 0, do: insert, dpc: loop }
            """);
    assertOneLineError(
        dpcsim("validate", f),
        "most from DPC routines (KDPC loop: 8.64e13 runs x 2 events)",
        "--max-events N");
  }

  @Test
  @DisplayName("--max-events raises the budget")
  void raised() throws IOException {
    Result r = dpcsim("validate", file("ticks.yaml", TICKS), "--max-events", "7000000000000");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.outLines().get(1).contains("about 6.4e12 simulation events (budget"), r.out());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"run", "compare", "bench", "debug"})
  @DisplayName("run, compare, bench and debug refuse before running")
  void everyCommand(String command) throws IOException {
    String f = file("ticks.yaml", TICKS);
    String[] args =
        command.equals("compare")
            ? new String[] {command, f, "--profiles", "ws03,win10"}
            : new String[] {command, f};
    assertOneLineError(dpcsim(args), f + TICKS_ERROR);
  }

  @Test
  @DisplayName("run checks the scenario after --duration")
  void afterDuration() throws IOException {
    String f = file("ticks.yaml", TICKS.replace("100s", "1us"));
    Result r = dpcsim("run", f, "--engine", "sequential", "--duration", "86400s");
    assertOneLineError(r, "about 5.53e15 simulation events", "86400s / 1ns");
  }

  @Test
  @DisplayName("--max-events must be positive")
  void positive() throws IOException {
    assertOneLineError(
        dpcsim("validate", file("ticks.yaml", TICKS), "--max-events", "0"),
        "--max-events must be at least 1, not 0");
  }

  @Test
  @DisplayName("the flag is in each command's help")
  void help() {
    for (String command : List.of("run", "compare", "bench", "debug", "validate")) {
      Result r = dpcsim(command, "--help");
      assertTrue(r.out().contains("--max-events=N"), command + ":\n" + r.out());
    }
  }
}
