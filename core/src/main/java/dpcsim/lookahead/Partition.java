package dpcsim.lookahead;

import java.util.Arrays;

/**
 * How a run's processors are split over nodes: contiguous ranges, node {@code i} running {@code
 * [first(i), end(i))}. The split changes how the engines cut their work, never the trace.
 */
public final class Partition {
  private final int[] firsts;
  private final int processors;
  private final int[] nodeOf;

  private Partition(int[] firsts, int processors) {
    if (firsts.length == 0 || firsts[0] != 0) {
      throw new IllegalArgumentException("the first node must start at processor 0");
    }
    for (int i = 1; i < firsts.length; i++) {
      if (firsts[i] <= firsts[i - 1] || firsts[i] >= processors) {
        throw new IllegalArgumentException(
            "node ranges must be non-empty: " + Arrays.toString(firsts));
      }
    }
    this.firsts = firsts.clone();
    this.processors = processors;
    this.nodeOf = new int[processors];
    for (int node = 0; node < firsts.length; node++) {
      Arrays.fill(nodeOf, firsts[node], end(node), node);
    }
  }

  /**
   * @return {@code processors} split into {@code nodes} ranges of nearly equal size (the first ones
   *     one larger), as the coordinator places them; at most one node per processor
   */
  public static Partition even(int processors, int nodes) {
    int n = Math.max(1, Math.min(nodes, processors));
    int[] firsts = new int[n];
    int first = 0;
    for (int node = 0; node < n; node++) {
      firsts[node] = first;
      first += processors / n + (node < processors % n ? 1 : 0);
    }
    return new Partition(firsts, processors);
  }

  /**
   * @return the ranges starting at {@code firsts} (ascending, the first 0) over {@code processors}
   */
  public static Partition ofFirsts(int[] firsts, int processors) {
    return new Partition(firsts, processors);
  }

  /**
   * @return one node holding every processor
   */
  public static Partition single(int processors) {
    return new Partition(new int[] {0}, processors);
  }

  /**
   * @return the number of nodes
   */
  public int nodes() {
    return firsts.length;
  }

  /**
   * @return the number of processors
   */
  public int processors() {
    return processors;
  }

  /**
   * @return the node that runs {@code cpu}
   */
  public int nodeOf(int cpu) {
    return nodeOf[cpu];
  }

  /**
   * @return node {@code node}'s first processor
   */
  public int first(int node) {
    return firsts[node];
  }

  /**
   * @return one past node {@code node}'s last processor
   */
  public int end(int node) {
    return node + 1 < firsts.length ? firsts[node + 1] : processors;
  }

  /**
   * @return true if {@code a} and {@code b} run on the same node
   */
  public boolean sameNode(int a, int b) {
    return nodeOf[a] == nodeOf[b];
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (int node = 0; node < nodes(); node++) {
      b.append(node == 0 ? "" : ", ").append(first(node)).append('-').append(end(node) - 1);
    }
    return b.toString();
  }
}
