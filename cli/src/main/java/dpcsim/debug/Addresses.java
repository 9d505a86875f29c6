package dpcsim.debug;

/**
 * The made-up x64 kernel addresses the debugger prints: the simulator has no memory, but WinDbg
 * output names objects by address, so every KDPC, routine and KPRCB gets a fixed, distinct one
 * derived from its number (the same on every engine and every run).
 */
final class Addresses {
  private static final long KDPC_BASE = 0xffffe000_00100000L;
  private static final long ROUTINE_BASE = 0xfffff800_01000000L;
  private static final long PRCB_BASE = 0xfffff800_02000000L;
  private static final long DPC_DATA_OFFSET = 0x2180L;

  private Addresses() {}

  /** KDPC {@code id} (0x40 bytes on x64, R-7). */
  static long kdpc(int id) {
    return KDPC_BASE + 0x40L * id;
  }

  /** The DeferredRoutine of KDPC {@code id}. */
  static long routine(int id) {
    return ROUTINE_BASE + 0x100L * id;
  }

  /** Processor {@code cpu}'s KPRCB. */
  static long prcb(int cpu) {
    return PRCB_BASE + 0x10000L * cpu;
  }

  /** DpcData[0] (normal) or DpcData[1] (threaded) of processor {@code cpu}. */
  static long dpcData(int cpu, boolean threaded) {
    return prcb(cpu) + DPC_DATA_OFFSET + (threaded ? 0x20 : 0);
  }

  /** A routine's symbol: the scenario names KDPCs, not routines, so the KDPC name stands in. */
  static String symbol(String dpcName) {
    return "dpcsim!" + dpcName;
  }

  /** An address as WinDbg prints one in extension output: 16 hex digits, no backtick. */
  static String plain(long address) {
    return String.format(java.util.Locale.ROOT, "%016x", address);
  }
}
