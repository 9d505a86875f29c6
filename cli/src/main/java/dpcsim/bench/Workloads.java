package dpcsim.bench;

import dpcsim.scenario.Phold;
import java.util.List;
import java.util.Locale;

/**
 * The generated workloads of {@code dpcsim bench --workload}, as scenario YAML text (the actor
 * engine ships the text to its nodes, which parse it like a file):
 *
 * <ul>
 *   <li>{@code storm}: nic-storm-cpu0.yaml's receive storm on every processor: each has its own NIC
 *       queue (20,000 interrupts/s) and its own receive/transmit KDPC pair, so nothing crosses
 *       processors (R-13, R-14 local);
 *   <li>{@code spread}: nic-rss-spread8.yaml's RSS spread over N queues (2,500/s each) whose
 *       receive routines also queue a High completion KDPC targeted at the next processor, as
 *       server-64's storage completion is: remote High inserts and IPIs (R-14 remote half);
 *   <li>{@code phold}: the PHOLD tokens of {@link Phold}.
 * </ul>
 *
 * <p>Every KDPC is used by one processor only, so no shared-KDPC steps serialize the actor engine.
 */
public final class Workloads {
  /** The workloads' names, in the order of {@code --workload}'s help. */
  public static final List<String> NAMES = List.of("storm", "phold", "spread");

  /**
   * What to generate.
   *
   * @param duration the simulated duration ({@code 500ms}), or null for {@link #defaultDurationNs}
   * @param dpcsPerProcessor phold only: tokens per processor
   * @param remote phold only: the probability that a token moves to another processor
   * @param mean phold only: the routine's mean duration
   */
  public record Spec(
      String workload,
      int processors,
      long seed,
      String duration,
      int dpcsPerProcessor,
      double remote,
      String mean) {}

  private Workloads() {}

  /**
   * @return the default processor count of {@code workload}: storm and spread 8, phold 64
   */
  public static int defaultProcessors(String workload) {
    return workload.equals("phold") ? 64 : 8;
  }

  /**
   * The default simulated duration: one sequential run takes about a second on a 2-core machine at
   * the default processor count; it shrinks in proportion as processors are added, so the work
   * (simulated events) stays about the same, and is never below 1ms.
   */
  public static long defaultDurationNs(String workload, int processors) {
    long base =
        switch (workload) {
          case "storm" -> 600_000_000L;
          case "spread" -> 2_000_000_000L;
          case "phold" -> 200_000_000L; // estimated: ~1.3M DPC executions at 64 CPUs
          default -> throw new IllegalArgumentException(workload);
        };
    long scaled = base / processors * defaultProcessors(workload);
    return Math.max(1_000_000L, scaled);
  }

  /**
   * @return the scenario text of {@code spec}
   */
  public static String yaml(Spec spec) {
    String duration =
        spec.duration() != null
            ? spec.duration()
            : defaultDurationNs(spec.workload(), spec.processors()) + "ns";
    return switch (spec.workload()) {
      case "storm" -> storm(spec.processors(), spec.seed(), duration);
      case "spread" -> spread(spec.processors(), spec.seed(), duration);
      case "phold" ->
          Phold.yaml(
              spec.processors(),
              spec.dpcsPerProcessor(),
              spec.remote(),
              spec.mean(),
              spec.seed(),
              duration);
      default -> throw new IllegalArgumentException("unknown workload " + spec.workload());
    };
  }

  /**
   * @return the receive storm on {@code n} processors, named {@code storm-N}
   */
  public static String storm(int n, long seed, String duration) {
    StringBuilder y = header("storm", n, seed, duration);
    y.append("clock: { tick: 15.625ms }\n");
    y.append("latency: { ipi: 2us, remoteInsert: 200ns }\n");
    y.append("load: { default: 0.3, period: 1ms }\n");
    y.append("dpcs:\n");
    for (int c = 0; c < n; c++) {
      line(
          y,
          "  rx%d: { importance: medium, target: %d, routine: { duration: { exp: 20us },"
              + " then: [ { insert: tx%d, args: [1, 2] } ] } }",
          c,
          c,
          c);
      line(y, "  tx%d: { importance: low, target: %d, routine: { duration: 5us } }", c, c);
    }
    receiveQueues(y, n, "nic", "20000/s");
    return y.toString();
  }

  /**
   * @return the RSS spread with remote High completions on {@code n} processors, named {@code
   *     spread-N}
   */
  public static String spread(int n, long seed, String duration) {
    StringBuilder y = header("spread", n, seed, duration);
    y.append("latency: { ipi: 2us, remoteInsert: 200ns }\n");
    y.append("load: { default: 0.3, period: 1ms }\n");
    y.append("dpcs:\n");
    for (int c = 0; c < n; c++) {
      line(
          y,
          "  rx%d: { importance: medium, target: %d, routine: { duration: { exp: 20us },"
              + " then: [ { insert: tx%d, args: [1, 2] }, { insert: done%d } ] } }",
          c,
          c,
          c,
          c);
      line(y, "  tx%d: { importance: low, target: %d, routine: { duration: 5us } }", c, c);
      // The completion runs on the next processor: a remote High insert from every rx.
      line(
          y,
          "  done%d: { importance: high, target: %d, routine: { duration: { exp: 25us } } }",
          c,
          (c + 1) % n);
    }
    receiveQueues(y, n, "rxq", "2500/s");
    return y.toString();
  }

  /**
   * The {@code devices} section: one receive queue per processor, {@code <device>N} interrupting
   * only processor N at {@code rate}, its 2 us ISR queuing that processor's {@code rxN}.
   */
  private static void receiveQueues(StringBuilder y, int n, String device, String rate) {
    y.append("devices:\n");
    for (int c = 0; c < n; c++) {
      line(
          y,
          "  %s%d: { interrupts: { poisson: %s }, cpus: [%d],"
              + " isr: { duration: 2us, then: [ { insert: rx%d } ] } }",
          device,
          c,
          rate,
          c,
          c);
    }
  }

  private static StringBuilder header(String workload, int n, long seed, String duration) {
    StringBuilder y = new StringBuilder(200 * n + 256);
    y.append("name: ").append(workload).append('-').append(n).append('\n');
    y.append("profile: ws03\n");
    y.append("processors: ").append(n).append('\n');
    y.append("seed: ").append(seed).append('\n');
    y.append("duration: ").append(duration).append('\n');
    return y;
  }

  private static void line(StringBuilder y, String format, Object... args) {
    y.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
