package dpcsim.scenario;

import java.math.BigDecimal;

/**
 * The PHOLD benchmark as scenario text (a stand-in for the kernel feature's own generator, to be
 * reconciled at merge): {@code dpcsPerProcessor} KDPCs per processor, {@code p<cpu>_<k>}, each
 * started by a script insert at 0us on its processor; each routine runs for an exponential time and
 * then re-inserts its own KDPC on a processor drawn by {@code target: { random: P }} (another
 * processor with probability P).
 */
public final class Phold {
  private Phold() {}

  /**
   * @param remote the probability that a token moves to another processor, 0..1
   * @param mean the routine's mean duration ({@code 10us})
   * @param duration the simulated time to run ({@code 200ms})
   * @return the scenario's YAML text, named {@code phold-N}
   */
  public static String yaml(
      int processors,
      int dpcsPerProcessor,
      double remote,
      String mean,
      long seed,
      String duration) {
    String p = BigDecimal.valueOf(remote).toPlainString();
    StringBuilder y = new StringBuilder(64 * processors * dpcsPerProcessor + 256);
    y.append("name: phold-").append(processors).append('\n');
    y.append("profile: ws03\n");
    y.append("processors: ").append(processors).append('\n');
    y.append("seed: ").append(seed).append('\n');
    y.append("duration: ").append(duration).append('\n');
    y.append("dpcs:\n");
    for (int cpu = 0; cpu < processors; cpu++) {
      for (int k = 0; k < dpcsPerProcessor; k++) {
        y.append("  p").append(cpu).append('_').append(k);
        y.append(": { importance: medium, target: ").append(cpu);
        y.append(", routine: { duration: { exp: ").append(mean);
        y.append(" }, then: [ { insert: SELF, target: { random: ").append(p);
        y.append(" } } ] } }\n");
      }
    }
    y.append("script:\n");
    for (int cpu = 0; cpu < processors; cpu++) {
      for (int k = 0; k < dpcsPerProcessor; k++) {
        y.append("  - { at: 0us, cpu: ").append(cpu).append(", do: insert, dpc: p");
        y.append(cpu).append('_').append(k).append(" }\n");
      }
    }
    return y.toString();
  }
}
