package dpcsim.imports;

import java.util.List;

/**
 * What a {@code xperf -a dpcisr} text report says, as {@link XperfParser} read it.
 *
 * @param spanUs the trace's length ({@code CPU Usage from A us to B us:}, B - A)
 * @param processors the CPU columns of the usage tables
 * @param dpcs the modules of the {@code DPC Info} section, in the report's order
 * @param isrs the modules of the {@code Interrupt Info} section
 */
public record XperfData(long spanUs, int processors, List<Module> dpcs, List<Module> isrs) {
  public XperfData {
    dpcs = List.copyOf(dpcs);
    isrs = List.copyOf(isrs);
  }

  /**
   * One module of one section.
   *
   * @param usecByCpu its usage per processor in microseconds (zeros when the table had no row)
   * @param count its calls ({@code Total = N for module M})
   * @param buckets its histogram, in the report's order
   */
  public record Module(String name, long[] usecByCpu, long count, List<Bucket> buckets) {
    public Module {
      usecByCpu = usecByCpu.clone();
      buckets = List.copyOf(buckets);
    }

    @Override
    public long[] usecByCpu() {
      return usecByCpu.clone();
    }
  }

  /**
   * One histogram line: {@code > lowUs AND <= highUs}, or the open last bucket {@code > lowUs}
   * ({@code highUs} -1).
   */
  public record Bucket(long lowUs, long highUs, long count) {
    public boolean open() {
      return highUs < 0;
    }
  }

  /**
   * @return the DPC module named {@code name}, or null
   */
  public Module dpc(String name) {
    return dpcs.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
  }

  /**
   * @return the ISR module named {@code name}, or null
   */
  public Module isr(String name) {
    return isrs.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
  }
}
