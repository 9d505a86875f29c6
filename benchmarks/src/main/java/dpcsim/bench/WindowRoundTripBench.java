package dpcsim.bench;

import dpcsim.interconnect.RunProtocol;
import dpcsim.kernel.KdpcTable;
import dpcsim.kernel.Machine;
import dpcsim.lookahead.DpcReach;
import dpcsim.lookahead.ProcessorStatus;
import dpcsim.lookahead.ProcessorWindow;
import dpcsim.lookahead.WindowReport;
import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One window of the windowed protocol, in one JVM and without actors: {@link RunProtocol} plans it,
 * every participating {@link ProcessorWindow} runs to the horizon (and the shared-KDPC steps run
 * one at a time), the reports are merged and the trace below the watermark is released in order.
 * That is what the actor engine does per window minus the messaging. The scenario keeps every
 * processor busy (a device each, inserting a DPC targeted at the next processor), so every window
 * carries work; the {@link Counts} give events per window, hence the cost per event.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class WindowRoundTripBench {
  @Param({"8", "64"})
  public int processors;

  private RunProtocol protocol;
  private ProcessorWindow[] cpus;
  private RunProtocol.Step.Window pending;

  /** Windows and trace events per iteration (JMH sums them): events / windows = per window. */
  @AuxCounters(AuxCounters.Type.EVENTS)
  @State(Scope.Thread)
  public static class Counts {
    public long windows;
    public long events;
  }

  private long released;

  @Setup(Level.Iteration)
  public void setUp() {
    Machine machine = new Machine(Scenarios.parse(scenario(processors)));
    DpcReach reach = new DpcReach(machine);
    TraceConsumer counter =
        new TraceConsumer() {
          @Override
          public void accept(TraceEvent event) {
            released++;
          }
        };
    protocol = new RunProtocol(machine, reach, counter, Long.MAX_VALUE);
    KdpcTable kdpcs = new KdpcTable(machine);
    cpus = new ProcessorWindow[processors];
    List<ProcessorStatus> initial = new ArrayList<>(processors);
    for (int p = 0; p < processors; p++) {
      cpus[p] = new ProcessorWindow(p, machine, kdpcs, reach, machine.globalChanges());
      initial.add(cpus[p].status());
    }
    protocol.start(initial);
    pending = nextWindow();
  }

  /**
   * @return processor i's device and its DPC, which runs on processor i + 1: every window has local
   *     work and cross-processor inserts
   */
  static String scenario(int n) {
    StringBuilder yaml =
        new StringBuilder("processors: ")
            .append(n)
            .append("\nseed: 7\nduration: 86400s\nload: { default: 0.3, period: 1ms }\ndpcs:\n");
    for (int i = 0; i < n; i++) {
      yaml.append("  rx")
          .append(i)
          .append(": { target: ")
          .append((i + 1) % n)
          .append(", routine: { duration: { exp: 10us } } }\n");
    }
    yaml.append("devices:\n");
    for (int i = 0; i < n; i++) {
      yaml.append("  q")
          .append(i)
          .append(": { interrupts: { poisson: 20000/s }, cpus: [")
          .append(i)
          .append("], isr: { duration: 2us, then: [ { insert: rx")
          .append(i)
          .append(" } ] } }\n");
    }
    return yaml.toString();
  }

  @Benchmark
  public long window(Counts counts) {
    long before = released;
    RunProtocol.Step.Window w = pending;
    for (int i = 0; i < w.participants().length; i++) {
      int p = w.participants()[i];
      protocol.accept(cpus[p].run(w.horizon(), w.inbound().get(i)));
    }
    pending = nextWindow();
    counts.windows++;
    counts.events += released - before;
    return released;
  }

  /** Runs the shared-KDPC steps of the window just run, then plans the next window. */
  private RunProtocol.Step.Window nextWindow() {
    while (true) {
      RunProtocol.Step step = protocol.next();
      if (step instanceof RunProtocol.Step.Window w) {
        return w;
      }
      if (step instanceof RunProtocol.Step.Shared s) {
        WindowReport r = cpus[s.cpu()].stepShared(s.horizon(), s.inbound(), s.limit(), s.shared());
        protocol.accept(r);
      } else {
        throw new IllegalStateException("the benchmark run ended: make its duration longer");
      }
    }
  }
}
