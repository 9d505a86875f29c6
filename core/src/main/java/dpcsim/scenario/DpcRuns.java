package dpcsim.scenario;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many times each KDPC's routine may run in a scenario, for {@link EventEstimate}: an upper
 * estimate from the flow of inserts, not a simulation.
 *
 * <ul>
 *   <li>Inserts flow from the sources (device interrupts through their ISR's steps, script inserts
 *       and script interrupts) along routine steps, in topological order of the KDPCs' insert
 *       graph. A KDPC runs at most once per insert that reaches it (a second insert of a queued
 *       KDPC does nothing), and at most {@code processors x duration / mean routine}.
 *   <li>KDPCs that insert one another in a cycle keep running once started (DPC-PHOLD's tokens):
 *       each runs back to back, {@code duration / mean routine} times.
 *   <li>Routines cannot take more processor time than there is: if the runs above add up to more
 *       than {@code processors x duration} of routine time, all are scaled down to fit.
 * </ul>
 *
 * The graph's strongly connected components come from Kosaraju's algorithm with explicit stacks,
 * since a generated scenario's chain of inserts can be deeper than the thread's stack.
 */
final class DpcRuns {
  private final List<DpcDef> dpcs;
  private final Map<String, Integer> index = new HashMap<>();
  private final double durationNs;
  private final int processors;

  /** Per KDPC: the KDPCs its routine inserts, once per insert step. */
  private final List<List<Integer>> inserts = new ArrayList<>();

  /** Per KDPC: inserts that reach it from outside any routine (ISRs, the script). */
  private final double[] external;

  private DpcRuns(Scenario s) {
    this.dpcs = s.dpcs();
    this.durationNs = s.durationNs();
    this.processors = s.processors();
    for (DpcDef d : dpcs) {
      index.put(d.name(), index.size());
    }
    for (DpcDef d : dpcs) {
      List<Integer> to = new ArrayList<>();
      for (String name : insertedBy(d.routine())) {
        to.add(index.get(name));
      }
      inserts.add(to);
    }
    external = new double[dpcs.size()];
  }

  /**
   * @param interrupts per device (in the scenario's order), the interrupts it raises in the run
   * @return per KDPC (in the scenario's order), the estimated runs of its routine
   */
  static double[] of(Scenario s, double[] interrupts) {
    DpcRuns flow = new DpcRuns(s);
    for (int i = 0; i < s.devices().size(); i++) {
      flow.addExternal(s.devices().get(i).isr(), interrupts[i]);
    }
    Map<String, DeviceDef> devices = new HashMap<>();
    for (DeviceDef d : s.devices()) {
      devices.put(d.name(), d);
    }
    for (ScriptAction a : s.script()) {
      if (a.op() instanceof Op.Insert insert) {
        flow.external[flow.index.get(insert.dpc())] += 1;
      } else if (a.op() instanceof Op.Interrupt interrupt) {
        flow.addExternal(devices.get(interrupt.device()).isr(), 1);
      }
    }
    return flow.runs();
  }

  /**
   * @return the names of the KDPCs a routine or ISR inserts, once per insert step
   */
  static List<String> insertedBy(Work work) {
    List<String> names = new ArrayList<>();
    for (Step step : work.then()) {
      if (step.op() instanceof Op.Insert insert) {
        names.add(insert.dpc());
      }
    }
    return names;
  }

  private void addExternal(Work isr, double times) {
    for (String name : insertedBy(isr)) {
      external[index.get(name)] += times;
    }
  }

  private double[] runs() {
    int n = dpcs.size();
    double[] inflow = external.clone();
    double[] runs = new double[n];
    int[] componentOf = new int[n];
    List<List<Integer>> components = components(componentOf);
    for (List<Integer> component : components) {
      int first = component.get(0);
      boolean cycle = component.size() > 1 || inserts.get(first).contains(first);
      double reached = 0;
      for (int d : component) {
        reached += inflow[d];
      }
      for (int d : component) {
        double backToBack = durationNs / mean(d);
        runs[d] =
            cycle ? (reached > 0 ? backToBack : 0) : Math.min(inflow[d], processors * backToBack);
      }
      for (int d : component) {
        for (int to : inserts.get(d)) {
          if (componentOf[to] != componentOf[first]) {
            inflow[to] += runs[d];
          }
        }
      }
    }
    double busyNs = 0;
    for (int d = 0; d < n; d++) {
      busyNs += runs[d] * mean(d);
    }
    double capacityNs = (double) processors * durationNs;
    if (busyNs > capacityNs) {
      for (int d = 0; d < n; d++) {
        runs[d] *= capacityNs / busyNs;
      }
    }
    return runs;
  }

  private double mean(int d) {
    return Math.max(1.0, dpcs.get(d).routine().duration().meanNs());
  }

  /**
   * @param component filled with each KDPC's component number
   * @return the insert graph's strongly connected components, each before the components it inserts
   *     into (Kosaraju: the second pass, over the reversed graph in decreasing finish order, finds
   *     them in topological order)
   */
  private List<List<Integer>> components(int[] component) {
    int n = dpcs.size();
    List<List<Integer>> reversed = new ArrayList<>();
    for (int d = 0; d < n; d++) {
      reversed.add(new ArrayList<>());
    }
    for (int d = 0; d < n; d++) {
      for (int to : inserts.get(d)) {
        reversed.get(to).add(d);
      }
    }
    int[] finished = new int[n];
    int count = 0;
    boolean[] seen = new boolean[n];
    for (int root = 0; root < n; root++) {
      if (seen[root]) {
        continue;
      }
      // Each frame: a KDPC and how many of its edges have been followed.
      Deque<int[]> stack = new ArrayDeque<>();
      seen[root] = true;
      stack.push(new int[] {root, 0});
      while (!stack.isEmpty()) {
        int[] top = stack.peek();
        List<Integer> edges = inserts.get(top[0]);
        if (top[1] < edges.size()) {
          int to = edges.get(top[1]++);
          if (!seen[to]) {
            seen[to] = true;
            stack.push(new int[] {to, 0});
          }
        } else {
          finished[count++] = stack.pop()[0];
        }
      }
    }
    Arrays.fill(component, -1);
    List<List<Integer>> out = new ArrayList<>();
    for (int i = n - 1; i >= 0; i--) {
      int root = finished[i];
      if (component[root] >= 0) {
        continue;
      }
      List<Integer> members = new ArrayList<>();
      Deque<Integer> stack = new ArrayDeque<>();
      component[root] = out.size();
      stack.push(root);
      while (!stack.isEmpty()) {
        int d = stack.pop();
        members.add(d);
        for (int from : reversed.get(d)) {
          if (component[from] < 0) {
            component[from] = out.size();
            stack.push(from);
          }
        }
      }
      out.add(members);
    }
    return out;
  }
}
