package dpcsim.debug;

import dpcsim.kernel.debug.PrcbDpcFields;
import dpcsim.kernel.debug.ProcessorSnapshot;
import java.util.List;
import java.util.Locale;

/**
 * {@code !prcb [cpu]}: the KPRCB's DPC fields, in the shape of Kdexts' {@code !prcb}
 * ({@code PRCB for Processor N at ADDRESS:}, {@code Current IRQL -- n}, {@code Times -- Dpc ...
 * Interrupt ...} in clock ticks, hex) followed by the DPC fields by their kernel names.
 */
final class PrcbView {
  private PrcbView() {}

  static List<String> render(ProcessorSnapshot s) {
    PrcbDpcFields f = s.prcb();
    return List.of(
        "PRCB for Processor " + s.cpu() + " at " + Addresses.plain(Addresses.prcb(s.cpu())) + ":",
        "Current IRQL -- " + s.irql().level() + " (" + s.irql().kernelName() + ")",
        "Idle -- IdleSummary " + bit(s.idle()) + "  IdleHalt " + bit(s.halted()),
        "DpcData[0] Normal   -- DpcQueueDepth " + f.normalDepth() + "  DpcCount " + f.normalCount(),
        "DpcData[1] Threaded -- DpcQueueDepth "
            + f.threadedDepth()
            + "  DpcCount "
            + f.threadedCount(),
        "MaximumDpcQueueDepth  " + f.maximumDpcQueueDepth(),
        "MinimumDpcRate        " + f.minimumDpcRate(),
        "DpcRequestRate        " + f.dpcRequestRate(),
        "DpcLastCount          " + f.dpcLastCount(),
        "AdjustDpcThreshold    " + f.adjustDpcThreshold(),
        "DpcRoutineActive      " + bit(f.dpcRoutineActive()),
        "DpcInterruptRequested " + bit(f.dpcInterruptRequested()),
        "DpcThreadActive       " + bit(f.dpcThreadActive()),
        "DpcThreadRequested    " + bit(f.dpcThreadRequested()),
        "ThreadDpcEnable       " + bit(f.threadDpcEnable()),
        "QuantumEnd            " + bit(f.quantumEnd()),
        "DpcTimeCount          " + f.dpcTimeCount() + "  DpcWatchdogCount " + f.dpcWatchdogCount(),
        String.format(
            Locale.ROOT,
            "Times -- Dpc    %08x Interrupt %08x Thread %08x (ticks)",
            f.dpcTime(),
            f.interruptTime(),
            f.threadTime()));
  }

  private static String bit(boolean b) {
    return b ? "1" : "0";
  }
}
