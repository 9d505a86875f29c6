package dpcsim.scenario;

import static dpcsim.scenario.ScenarioFixtures.assertError;
import static dpcsim.scenario.ScenarioFixtures.rejects;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Validation of devices: interrupt sources, affinity and ISRs")
class DeviceValidationTest {

  /** Five header lines; the device under test goes on line 6. */
  private static final String HEAD =
      "processors: 4\nduration: 1ms\ndpcs:\n  a: { routine: { duration: 1us } }\ndevices:\n";

  private static final String ISR = ", isr: { duration: 1us } }\n";

  @Test
  @DisplayName("interrupts: an unknown source kind names the three")
  void unknownSource() {
    assertError(
        rejects(HEAD + "  nic: { interrupts: { random: 1ms }" + ISR),
        6,
        24,
        "devices.nic.interrupts.random",
        "unknown key 'random' (allowed keys: poisson, periodic, burst, times)");
  }

  @Test
  @DisplayName("interrupts: exactly one source kind")
  void oneSource() {
    assertError(
        rejects(HEAD + "  nic: { interrupts: { periodic: 1ms, poisson: 1/s }" + ISR),
        6,
        22,
        "devices.nic.interrupts",
        "interrupts takes exactly one of poisson, periodic, burst, times");
  }

  @Test
  @DisplayName("poisson: the rate must be N/s and > 0")
  void poisson() {
    assertError(
        rejects(HEAD + "  nic: { interrupts: { poisson: 0/s }" + ISR),
        6,
        33,
        "devices.nic.interrupts.poisson",
        "rate must be greater than zero, found '0/s'");
    assertError(
        rejects(HEAD + "  nic: { interrupts: { poisson: 20000 }" + ISR),
        6,
        33,
        "devices.nic.interrupts.poisson",
        "rate '20000' has no unit (write it per second, e.g. 20000/s)");
  }

  @Test
  @DisplayName("periodic: the period must be > 0")
  void periodic() {
    assertError(
        rejects(HEAD + "  nic: { interrupts: { periodic: 0ms }" + ISR),
        6,
        34,
        "devices.nic.interrupts.periodic",
        "greater than zero");
  }

  @Test
  @DisplayName("burst: count >= 1, every and gap > 0, all three required")
  void burst() {
    assertError(
        rejects(HEAD + "  nic: { interrupts: { burst: { every: 1ms, count: 0, gap: 1us } }" + ISR),
        6,
        52,
        "devices.nic.interrupts.burst.count",
        "must be at least 1, found 0");
    assertError(
        rejects(HEAD + "  nic: { interrupts: { burst: { every: 1ms, count: 2 } }" + ISR),
        6,
        31,
        "devices.nic.interrupts.burst.gap",
        "missing required key 'gap'");
    assertError(
        rejects(HEAD + "  nic: { interrupts: { burst: { every: 0us, count: 2, gap: 1us } }" + ISR),
        6,
        40,
        "devices.nic.interrupts.burst.every",
        "greater than zero");
  }

  @Test
  @DisplayName("cpus: a non-empty list of processors of the scenario")
  void cpus() {
    assertError(
        rejects(HEAD + "  nic: { interrupts: { periodic: 1ms }, cpus: []" + ISR),
        6,
        47,
        "devices.nic.cpus",
        "cpus must name at least one processor");
    assertError(
        rejects(HEAD + "  nic: { interrupts: { periodic: 1ms }, cpus: [0, 4]" + ISR),
        6,
        51,
        "devices.nic.cpus[1]",
        "processor 4 is out of range (the scenario has 4 processors: 0..3)");
    assertError(
        rejects(HEAD + "  nic: { interrupts: { periodic: 1ms }, cpus: 0" + ISR),
        6,
        47,
        "devices.nic.cpus",
        "expected a list, found the scalar '0'");
  }

  @Test
  @DisplayName("interrupts and isr are required; unknown device keys are named")
  void requiredAndUnknown() {
    assertError(
        rejects(HEAD + "  nic: { interrupts: { periodic: 1ms } }\n"),
        6,
        8,
        "devices.nic.isr",
        "missing required key 'isr'");
    assertError(
        rejects(
            HEAD + "  nic: { interrupts: { periodic: 1ms }, isr: { duration: 1us }, irql: 5 }\n"),
        6,
        65,
        "devices.nic.irql",
        "unknown key 'irql' (allowed keys: interrupts, cpus, isr, module, function, perCpu)");
  }

  @Test
  @DisplayName("ISR then steps: DPC names only, DPC operations only")
  void isrSteps() {
    String isr = "  nic: { interrupts: { periodic: 1ms }, isr: { duration: 1us, then: [ %s ] } }\n";
    assertError(
        rejects(HEAD + isr.formatted("{ insert: nope }")),
        6,
        81,
        "devices.nic.isr.then[0].insert",
        "unknown DPC 'nope' (defined: a)");
    assertError(
        rejects(HEAD + isr.formatted("{ interrupt: nic }")),
        6,
        73,
        "devices.nic.isr.then[0].interrupt",
        "a routine or ISR cannot interrupt");
  }
}
