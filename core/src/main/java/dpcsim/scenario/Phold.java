package dpcsim.scenario;

import java.math.BigDecimal;

/**
 * The DPC-PHOLD workload: the classic PHOLD benchmark of parallel simulation in DPC form. N
 * processors each start with K KDPCs; every routine's duration is exponential with the given mean,
 * and when it ends it inserts its own KDPC again, on a uniformly random processor with probability
 * {@code remote}, else on its own ({@code target: { random: remote }}). Every KDPC is a token (one
 * holder at a time), so a parallel engine runs it without serialising anything.
 */
public final class Phold {
  private Phold() {}

  /**
   * @param processors N, 1..{@link Scenario#MAX_PROCESSORS}
   * @param dpcsPerProcessor K, at least 1
   * @param remote the probability that a routine hands its KDPC to a random processor, 0..1
   * @param mean the mean routine duration, a scenario duration such as {@code 10us}
   * @param seed the scenario seed
   * @param duration the simulated duration, such as {@code 100ms}
   * @return the scenario as YAML text (KDPC {@code p<i>_<k>} is the k-th of processor i)
   */
  public static String yaml(
      int processors,
      int dpcsPerProcessor,
      double remote,
      String mean,
      long seed,
      String duration) {
    if (processors < 1 || processors > Scenario.MAX_PROCESSORS) {
      throw new IllegalArgumentException(
          "processors must be 1.." + Scenario.MAX_PROCESSORS + ", not " + processors);
    }
    if (dpcsPerProcessor < 1) {
      throw new IllegalArgumentException("DPCs per processor must be at least 1");
    }
    if (!(remote >= 0 && remote <= 1)) {
      throw new IllegalArgumentException("remote must be in 0..1, not " + remote);
    }
    String p = BigDecimal.valueOf(remote).toPlainString();
    StringBuilder y = new StringBuilder();
    y.append("name: DPC-PHOLD (")
        .append(processors)
        .append(" processors x ")
        .append(dpcsPerProcessor)
        .append(" DPCs, remote ")
        .append(p)
        .append(", mean ")
        .append(mean)
        .append(")\n");
    y.append("processors: ").append(processors).append('\n');
    y.append("seed: ").append(seed).append('\n');
    y.append("duration: ").append(duration).append('\n');
    y.append("dpcs:\n");
    for (int cpu = 0; cpu < processors; cpu++) {
      for (int k = 0; k < dpcsPerProcessor; k++) {
        String name = name(cpu, k);
        y.append("  ")
            .append(name)
            .append(": { importance: medium, target: ")
            .append(cpu)
            .append(", routine: { duration: { exp: ")
            .append(mean)
            .append(" }, then: [ { insert: ")
            .append(name)
            .append(", target: { random: ")
            .append(p)
            .append(" } } ] } }\n");
      }
    }
    y.append("script:\n");
    for (int cpu = 0; cpu < processors; cpu++) {
      for (int k = 0; k < dpcsPerProcessor; k++) {
        y.append("  - { at: 0us, cpu: ")
            .append(cpu)
            .append(", do: insert, dpc: ")
            .append(name(cpu, k))
            .append(" }\n");
      }
    }
    return y.toString();
  }

  /**
   * @return the name of processor {@code cpu}'s {@code k}-th KDPC
   */
  public static String name(int cpu, int k) {
    return "p" + cpu + "_" + k;
  }
}
