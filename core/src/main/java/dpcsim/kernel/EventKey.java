package dpcsim.kernel;

/**
 * The global order key of a pending event: {@code (time, lane, major, originCpu, seq)}. Lane 0
 * holds script actions ({@code major} = their index in the file), lane 1 everything else ({@code
 * major} = the processor, then the originating processor and its running count). Engines compare
 * the keys of different processors to decide which event comes first globally.
 */
public record EventKey(long time, int lane, int major, int originCpu, long seq)
    implements Comparable<EventKey> {
  @Override
  public int compareTo(EventKey o) {
    int c = Long.compare(time, o.time);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(lane, o.lane);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(major, o.major);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(originCpu, o.originCpu);
    if (c != 0) {
      return c;
    }
    return Long.compare(seq, o.seq);
  }
}
