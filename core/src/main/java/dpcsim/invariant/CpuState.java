package dpcsim.invariant;

import dpcsim.kernel.DpcQueue;
import dpcsim.kernel.Processor;
import dpcsim.kernel.RunningWork;
import dpcsim.scenario.Irql;

/**
 * What the invariants read of one processor: its DPC lists, its clock, its IRQL and the work on its
 * execution stack. {@link #of(Processor)} reads a live processor; tests build broken ones.
 */
public interface CpuState {
  int cpu();

  DpcQueue normal();

  DpcQueue threaded();

  /**
   * @return the processor's simulated time now
   */
  long now();

  Irql irql();

  /**
   * @return the ISR under way, or null
   */
  RunningWork isr();

  /**
   * @return the DPC routine under way (inside a retire pass), or null
   */
  RunningWork dpcRoutine();

  /**
   * @return the threaded DPC routine under way (on the DPC thread), or null
   */
  RunningWork threadedRoutine();

  /**
   * @return a view of {@code p} that reads its state at each call
   */
  static CpuState of(Processor p) {
    return new CpuState() {
      @Override
      public int cpu() {
        return p.cpu();
      }

      @Override
      public DpcQueue normal() {
        return p.prcb().normal();
      }

      @Override
      public DpcQueue threaded() {
        return p.prcb().threaded();
      }

      @Override
      public long now() {
        return p.now();
      }

      @Override
      public Irql irql() {
        return p.currentIrql();
      }

      @Override
      public RunningWork isr() {
        return p.isr();
      }

      @Override
      public RunningWork dpcRoutine() {
        return p.dpcRoutine();
      }

      @Override
      public RunningWork threadedRoutine() {
        return p.threadedRoutine();
      }
    };
  }
}
