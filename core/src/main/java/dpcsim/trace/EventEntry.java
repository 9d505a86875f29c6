package dpcsim.trace;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One {@link TraceEvent} object as a one-entry {@link TraceBuffer}, so a consumer that reads
 * columns takes objects through the same code ({@code accept(entries.of(event), 0, 1)}) instead of
 * keeping a second copy of its logic for them.
 *
 * <p>Objects carry names, not ids, and a consumer fed objects has no names table: the entry's table
 * holds every name seen so far, in order of first appearance. A table cannot grow, so a new name
 * makes a new one (a consumer that maps a table once, as {@link DpcIds} does, maps again once per
 * new name); a name keeps its id from then on.
 */
public final class EventEntry {
  private final Set<String> dpcs = new LinkedHashSet<>();
  private final Set<String> devices = new LinkedHashSet<>();
  private TraceBuffer entry = new TraceBuffer(TraceNames.NONE, 1);

  /**
   * @return {@code event} as entry 0 of a buffer reused by the next call
   */
  public TraceBuffer of(TraceEvent event) {
    if (learn(event)) {
      entry = new TraceBuffer(new TraceNames(new ArrayList<>(dpcs), new ArrayList<>(devices)), 1);
    }
    entry.clear();
    entry.add(event);
    return entry;
  }

  /**
   * @return true if {@code event} names a KDPC or device not seen before (now added)
   */
  private boolean learn(TraceEvent event) {
    if (event instanceof TraceEvent.DpcInsert e) {
      return dpcs.add(e.dpc());
    } else if (event instanceof TraceEvent.DpcStart e) {
      return dpcs.add(e.dpc());
    } else if (event instanceof TraceEvent.DpcEnd e) {
      return dpcs.add(e.dpc());
    } else if (event instanceof TraceEvent.DpcRemove e) {
      return dpcs.add(e.dpc());
    } else if (event instanceof TraceEvent.IsrStart e) {
      return devices.add(e.device());
    } else if (event instanceof TraceEvent.IsrEnd e) {
      return devices.add(e.device());
    }
    return false;
  }
}
