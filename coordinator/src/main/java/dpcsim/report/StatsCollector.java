package dpcsim.report;

import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates per-processor statistics from the ordered trace (including Tick events, which it
 * ignores). Time is attributed to the innermost activity: ISR time while an ISR runs, DPC time
 * while a routine (normal or threaded) runs and no ISR does, idle time while the processor is in
 * the idle summary and runs neither.
 */
public final class StatsCollector implements TraceConsumer {
  private final Cpu[] cpus;
  private List<CpuStats> result;

  private static final class Cpu {
    long inserted;
    long executed;
    long interrupts;
    long ipisSent;
    long ipisReceived;
    int maxDepth;
    long dpcTime;
    long isrTime;
    long idleTime;
    long watchdog;
    long lastT;
    int isrOpen;
    int dpcOpen;
    boolean idle;
    final LongSamples latency = new LongSamples();
    final Map<String, Long> insertedAt = new HashMap<>();

    void advance(long t) {
      long delta = t - lastT;
      if (delta > 0) {
        if (isrOpen > 0) {
          isrTime += delta;
        } else if (dpcOpen > 0) {
          dpcTime += delta;
        } else if (idle) {
          idleTime += delta;
        }
      }
      lastT = t;
    }
  }

  /** Collects statistics for {@code processors} processors. */
  public StatsCollector(int processors) {
    cpus = new Cpu[processors];
    for (int i = 0; i < processors; i++) {
      cpus[i] = new Cpu();
    }
  }

  @Override
  public void accept(TraceEvent event) {
    Cpu c = cpus[event.cpu()];
    c.advance(event.t());
    if (event instanceof TraceEvent.DpcInsert e) {
      if (e.ok()) {
        c.inserted++;
        c.maxDepth = Math.max(c.maxDepth, e.depth());
        c.insertedAt.put(e.dpc(), e.t());
      }
    } else if (event instanceof TraceEvent.DpcStart e) {
      c.executed++;
      c.dpcOpen++;
      Long at = c.insertedAt.remove(e.dpc());
      if (at != null) {
        c.latency.add(e.t() - at);
      }
    } else if (event instanceof TraceEvent.DpcEnd) {
      c.dpcOpen--;
    } else if (event instanceof TraceEvent.DpcRemove e) {
      if (e.ok()) {
        c.insertedAt.remove(e.dpc());
      }
    } else if (event instanceof TraceEvent.DpcInterruptRequest) {
      c.interrupts++;
    } else if (event instanceof TraceEvent.IpiSend) {
      c.ipisSent++;
    } else if (event instanceof TraceEvent.IpiReceive) {
      c.ipisReceived++;
    } else if (event instanceof TraceEvent.IsrStart) {
      c.isrOpen++;
    } else if (event instanceof TraceEvent.IsrEnd) {
      c.isrOpen--;
    } else if (event instanceof TraceEvent.Idle e) {
      c.idle = e.on();
    } else if (event instanceof TraceEvent.Watchdog) {
      c.watchdog++;
    }
  }

  @Override
  public void finish(long simulatedNs) {
    List<CpuStats> out = new ArrayList<>(cpus.length);
    for (int i = 0; i < cpus.length; i++) {
      Cpu c = cpus[i];
      c.advance(simulatedNs);
      out.add(
          new CpuStats(
              i,
              c.inserted,
              c.executed,
              c.interrupts,
              c.ipisSent,
              c.ipisReceived,
              c.maxDepth,
              c.dpcTime,
              c.isrTime,
              c.idleTime,
              c.latency.percentile(50),
              c.latency.percentile(99),
              c.latency.max(),
              c.watchdog));
    }
    result = List.copyOf(out);
  }

  /**
   * @return one entry per processor; valid after {@link #finish}
   */
  public List<CpuStats> cpus() {
    if (result == null) {
      throw new IllegalStateException("statistics are complete only after finish()");
    }
    return result;
  }
}
