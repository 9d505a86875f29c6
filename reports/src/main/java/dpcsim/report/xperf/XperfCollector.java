package dpcsim.report.xperf;

import dpcsim.scenario.DeviceDef;
import dpcsim.scenario.DpcDef;
import dpcsim.scenario.Scenario;
import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gathers what {@code xperf -a dpcisr} reports from the ordered trace: per module, the DPC (or ISR)
 * time on each processor, the count, and the power-of-two histogram of durations.
 *
 * <p>A duration runs from start to end on the processor, preemptions included: the elapsed time an
 * ETW DPC or ISR event carries, and what the run's {@code dur} columns show. Threaded routines (the
 * DPC thread at PASSIVE_LEVEL, R-32) are left out: the report's DPC section is about DISPATCH_LEVEL
 * routines, and a threaded routine preempted by thread scheduling would be counted as if it had
 * held the processor. A routine or ISR still running when the run ends counts with its duration so
 * far, as in the statistics.
 */
public final class XperfCollector implements TraceConsumer {
  private final int processors;
  private final Map<String, String> dpcModules = new HashMap<>();
  private final Map<String, String> deviceModules = new HashMap<>();
  private final Section dpcs;
  private final Section isrs;
  private final Stack[] running;
  private final Stack[] interrupts;
  private long simulatedNs;

  /** One section of the report (DPC or Interrupt): its modules in ordinal name order. */
  static final class Section {
    private final int processors;
    final Map<String, Module> modules = new TreeMap<>();
    final Module all;

    Section(int processors) {
      this.processors = processors;
      this.all = new Module(processors);
    }

    void add(String module, int cpu, long ns) {
      modules.computeIfAbsent(module, m -> new Module(processors)).add(cpu, ns);
      all.add(cpu, ns);
    }
  }

  /** One module's figures. */
  static final class Module {
    final long[] nsByCpu;
    long count;
    long[] buckets = new long[8];

    Module(int processors) {
      nsByCpu = new long[processors];
    }

    void add(int cpu, long ns) {
      nsByCpu[cpu] += ns;
      count++;
      int b = bucket(ns);
      if (b >= buckets.length) {
        buckets = java.util.Arrays.copyOf(buckets, Math.max(b + 1, buckets.length * 2));
      }
      buckets[b]++;
    }

    /**
     * @return the highest bucket holding a duration, or -1
     */
    int highest() {
      for (int b = buckets.length - 1; b >= 0; b--) {
        if (buckets[b] > 0) {
          return b;
        }
      }
      return -1;
    }
  }

  /** The bucket of a duration: 0 for (0, 1] us (and a zero duration), k for (2^(k-1), 2^k] us. */
  static int bucket(long ns) {
    int b = 0;
    long hi = 1_000;
    while (ns > hi) {
      hi *= 2;
      b++;
    }
    return b;
  }

  /** The routines (or ISRs) running on one processor: start time, module, threaded or not. */
  private static final class Stack {
    long[] since = new long[4];
    String[] module = new String[4];
    boolean[] threaded = new boolean[4];
    int size;

    void push(long t, String m, boolean th) {
      if (size == since.length) {
        since = java.util.Arrays.copyOf(since, size * 2);
        module = java.util.Arrays.copyOf(module, size * 2);
        threaded = java.util.Arrays.copyOf(threaded, size * 2);
      }
      since[size] = t;
      module[size] = m;
      threaded[size] = th;
      size++;
    }
  }

  public XperfCollector(Scenario s) {
    processors = s.processors();
    for (DpcDef d : s.dpcs()) {
      dpcModules.put(d.name(), d.module());
    }
    for (DeviceDef d : s.devices()) {
      deviceModules.put(d.name(), d.module());
    }
    dpcs = new Section(processors);
    isrs = new Section(processors);
    running = new Stack[processors];
    interrupts = new Stack[processors];
    for (int i = 0; i < processors; i++) {
      running[i] = new Stack();
      interrupts[i] = new Stack();
    }
  }

  @Override
  public void accept(TraceEvent event) {
    if (event instanceof TraceEvent.DpcStart e) {
      running[e.cpu()].push(
          e.t(), dpcModules.getOrDefault(e.dpc(), e.dpc()), e.irql().equals("PASSIVE"));
    } else if (event instanceof TraceEvent.DpcEnd e) {
      end(running[e.cpu()], dpcs, e.cpu(), e.t());
    } else if (event instanceof TraceEvent.IsrStart e) {
      interrupts[e.cpu()].push(e.t(), deviceModules.getOrDefault(e.device(), e.device()), false);
    } else if (event instanceof TraceEvent.IsrEnd e) {
      end(interrupts[e.cpu()], isrs, e.cpu(), e.t());
    }
  }

  private static void end(Stack s, Section section, int cpu, long t) {
    if (s.size == 0) {
      return;
    }
    s.size--;
    if (!s.threaded[s.size]) {
      section.add(s.module[s.size], cpu, t - s.since[s.size]);
    }
  }

  @Override
  public void finish(long simulatedNs) {
    this.simulatedNs = simulatedNs;
    for (int cpu = 0; cpu < processors; cpu++) {
      while (running[cpu].size > 0) {
        end(running[cpu], dpcs, cpu, simulatedNs);
      }
      while (interrupts[cpu].size > 0) {
        end(interrupts[cpu], isrs, cpu, simulatedNs);
      }
    }
  }

  Section dpcs() {
    return dpcs;
  }

  Section isrs() {
    return isrs;
  }

  int processors() {
    return processors;
  }

  long simulatedNs() {
    return simulatedNs;
  }
}
