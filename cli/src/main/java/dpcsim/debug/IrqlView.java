package dpcsim.debug;

import dpcsim.kernel.debug.ProcessorSnapshot;
import java.util.List;

/**
 * {@code !irql [cpu]}: as Kdexts prints it, {@code Debugger saved IRQL for processor 0x1 -- 2
 * (DISPATCH_LEVEL)}. The level is what the processor runs at at the break: DIRQL in an ISR,
 * DISPATCH in a retire pass or the idle loop, else the thread's level.
 */
final class IrqlView {
  private IrqlView() {}

  static List<String> render(ProcessorSnapshot s) {
    return List.of(
        "Debugger saved IRQL for processor 0x"
            + Integer.toHexString(s.cpu())
            + " -- "
            + s.irql().level()
            + " ("
            + s.irql().kernelName()
            + ")");
  }
}
