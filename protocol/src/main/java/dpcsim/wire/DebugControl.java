package dpcsim.wire;

import java.util.List;

/**
 * How far a run under the debugger may go before it pauses: every event before {@code pauseBefore}
 * runs (Long.MAX_VALUE: no time limit), and with {@code breakOn} set (spellings {@code ipi}, {@code
 * watchdog}, {@code dpc:NAME}) the run also pauses after the instant of the first trace event that
 * hits one of them.
 */
public record DebugControl(long pauseBefore, List<String> breakOn) implements CborSerializable {
  public DebugControl {
    breakOn = List.copyOf(breakOn);
  }
}
