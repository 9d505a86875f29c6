package dpcsim.kernel;

import dpcsim.scenario.DeviceDef;
import dpcsim.trace.TraceEvent;
import dpcsim.trace.TraceKind;
import dpcsim.trace.TraceSymbols;
import java.util.ArrayList;
import java.util.List;

/**
 * The interrupts that reach one processor: its clock ticks (R-24..R-29), IPIs and device
 * interrupts. Any of them wakes an idle-halted processor. Ticks and IPIs that arrive while
 * the IRQL is HIGH wait in the {@link ExecutionStack} and are taken when it drops; a device
 * interrupt waits there until the IRQL is below DIRQL.
 */
final class Interrupts {
  private final int cpu;
  private final Machine machine;
  private final Kprcb prcb;
  private final GlobalTunables globals;
  private final Timeline timeline;
  private final ExecutionStack stack;
  private final IdleState idle;
  private final DeviceStream[] devices;
  private boolean stopRequested;

  Interrupts(
      Machine machine,
      Kprcb prcb,
      GlobalTunables globals,
      Timeline timeline,
      ExecutionStack stack,
      IdleState idle) {
    this.cpu = prcb.number;
    this.machine = machine;
    this.prcb = prcb;
    this.globals = globals;
    this.timeline = timeline;
    this.stack = stack;
    this.idle = idle;
    long seed = machine.scenario().seed();
    List<DeviceStream> mine = new ArrayList<>();
    List<DeviceDef> defs = machine.scenario().devices();
    for (int i = 0; i < defs.size(); i++) {
      if (DeviceStream.serves(defs.get(i), cpu)) {
        mine.add(new DeviceStream(i, defs.get(i), cpu, seed));
      }
    }
    this.devices = mine.toArray(new DeviceStream[0]);
  }

  /** Schedules the first arrival of each device this processor serves, then the first tick. */
  void start() {
    for (DeviceStream d : devices) {
      scheduleDevice(d);
    }
    timeline.schedule(machine.scenario().tickNs(), SimEvent.Kind.TICK, null, 1);
  }

  /**
   * @return true if a watchdog violation with {@code action: stop} happened here
   */
  boolean stopRequested() {
    return stopRequested;
  }

  /** Clock tick number {@code e.value} arrives; the next one is scheduled. */
  void tick(SimEvent e) {
    long k = e.value;
    timeline.schedule((k + 1) * machine.scenario().tickNs(), SimEvent.Kind.TICK, null, k + 1);
    if (stack.masks()) {
      stack.mask(e);
      return;
    }
    clockInterrupt(k);
  }

  /** An IPI arrives; its sender is {@code e.value}. */
  void ipi(SimEvent e) {
    if (stack.masks()) {
      stack.mask(e);
      return;
    }
    idle.wake();
    timeline.trace(TraceKind.IPI_RECEIVE, 0, (int) e.value, (Integer) e.ref, 0, 0, 0);
    // serviced at IPI_LEVEL, it raises a DISPATCH software interrupt here.
    stack.requestDispatch();
  }

  /** A device this processor serves interrupts; its next arrival is scheduled. */
  void deviceFires(DeviceStream stream) {
    scheduleDevice(stream);
    device(stream.deviceIndex());
  }

  /** Device {@code device} interrupts this processor (its stream, or an {@code interrupt} op). */
  void device(int device) {
    idle.wake();
    stack.interruptArrives(device);
  }

  /** Takes the ticks and IPIs that waited for the IRQL to leave HIGH, in arrival order. */
  void replay(List<SimEvent> masked) {
    for (SimEvent e : masked) {
      if (e.kind == SimEvent.Kind.TICK) {
        clockInterrupt(e.value);
      } else {
        ipi(e);
      }
    }
  }

  /** The clock interrupt proper: accounting, R-24..R-28, the watchdog. */
  private void clockInterrupt(long k) {
    idle.wake();
    boolean dpcExecuting = stack.retiring() && stack.dpcRoutine() != null;
    ClockTick.account(prcb, stack.isr() != null, stack.retiring());
    boolean request = ClockTick.apply(prcb, globals, machine.profile(), k);
    long now = timeline.now();
    timeline.trace(
        TraceKind.TICK,
        0,
        0,
        0,
        prcb.dpcRequestRate,
        prcb.maximumDpcQueueDepth,
        prcb.adjustDpcThreshold);
    if (request) {
      stack.requestDispatch();
      timeline.trace(TraceKind.DPC_INTERRUPT_REQUEST, 0, cpu, TraceSymbols.VIA_TICK, 0, 0, 0);
    }
    if (machine.watchdogEnabled()) {
      for (DpcWatchdog.Violation v :
          DpcWatchdog.tick(prcb, dpcExecuting, stack.atOrAboveDispatch())) {
        timeline.trace(TraceKind.WATCHDOG, 0, TraceEvent.Watchdog.CODE, 0, v.p1(), v.p2(), v.p3());
        if (machine.stopOnWatchdog()) {
          stopRequested = true;
        }
      }
    }
  }

  private void scheduleDevice(DeviceStream d) {
    timeline.schedule(d.nextFor(machine.durationNs()), SimEvent.Kind.DEVICE, d, 0);
  }
}
