package dpcsim.trace;

import java.util.Arrays;

/**
 * Writes an entry of a {@link TraceBuffer} as its JSON Lines line, byte for byte what {@link
 * TraceEvent#writeJson} writes for the same event (docs/trace-format.md; {@code TraceFormatTest}
 * compares the two for every kind). Every string a line can hold — the KDPC and device names and
 * the {@link TraceSymbols} — is encoded with its key once, so a line is built from copies of
 * prepared bytes and numbers.
 */
final class TraceFormat {
  private static final JsonLine.EvName[] EV = new JsonLine.EvName[TraceKind.COUNT];

  static {
    for (int k = 0; k < TraceKind.COUNT; k++) {
      EV[k] = new JsonLine.EvName(TraceKind.ev(k));
    }
  }

  private static final byte[] LIST_NORMAL = pair(TraceEvent.Keys.LIST, "normal");
  private static final byte[] LIST_THREADED = pair(TraceEvent.Keys.LIST, "threaded");
  private static final byte[] POS_HEAD = pair(TraceEvent.Keys.POS, "head");
  private static final byte[] POS_TAIL = pair(TraceEvent.Keys.POS, "tail");
  private static final byte[][] VIA = symbolPairs(TraceEvent.Keys.VIA);
  private static final byte[][] KIND = symbolPairs(TraceEvent.Keys.KIND);
  private static final byte[][] IRQL = symbolPairs(TraceEvent.Keys.IRQL);
  private static final byte[][] LEVEL = symbolPairs(TraceEvent.Keys.LEVEL);

  private TraceNames names;
  private byte[][] dpcPairs = new byte[0][];
  private byte[][] devicePairs = new byte[0][];

  private static byte[] pair(byte[] key, String value) {
    JsonLine l = new JsonLine();
    l.raw(key).str(value);
    return Arrays.copyOf(l.bytes(), l.length());
  }

  private static byte[][] symbolPairs(byte[] key) {
    byte[][] p = new byte[TraceSymbols.count()][];
    for (int s = 0; s < p.length; s++) {
      p[s] = pair(key, TraceSymbols.name(s));
    }
    return p;
  }

  /** Prepares the name pairs of {@code n} (once per run: a run's buffers share their names). */
  private void use(TraceNames n) {
    if (n == names) {
      return;
    }
    names = n;
    dpcPairs = new byte[n.dpcCount()][];
    for (int i = 0; i < dpcPairs.length; i++) {
      dpcPairs[i] = pair(TraceEvent.Keys.DPC, n.dpc(i));
    }
    devicePairs = new byte[n.deviceCount()][];
    for (int i = 0; i < devicePairs.length; i++) {
      devicePairs[i] = pair(TraceEvent.Keys.DEVICE, n.device(i));
    }
  }

  /** Writes entry {@code i} of {@code in} as a whole JSON object (no newline). */
  void write(TraceBuffer in, int i, JsonLine out) {
    use(in.names());
    int kind = in.kind(i);
    out.time(in.t(i));
    out.cpuAndEv(in.cpu(i), EV[kind]);
    switch (kind) {
      case TraceKind.DPC_INSERT -> {
        int flags = in.c(i);
        out.raw(dpcPairs[in.a(i)]);
        out.raw(TraceEvent.Keys.BY).num(in.b(i));
        boolean ok = (flags & TraceKind.INSERT_OK) != 0;
        out.raw(TraceEvent.Keys.OK).bool(ok);
        if (ok) {
          out.raw((flags & TraceKind.INSERT_THREADED) != 0 ? LIST_THREADED : LIST_NORMAL);
          out.raw((flags & TraceKind.INSERT_TAIL) != 0 ? POS_TAIL : POS_HEAD);
          out.raw(TraceEvent.Keys.DEPTH).num(in.x(i));
        }
      }
      case TraceKind.DPC_INTERRUPT_REQUEST -> {
        out.raw(TraceEvent.Keys.BY).num(in.b(i));
        out.raw(VIA[in.c(i)]);
      }
      case TraceKind.IPI_SEND -> {
        out.raw(TraceEvent.Keys.TO).num(in.b(i));
        out.raw(KIND[in.c(i)]);
      }
      case TraceKind.IPI_RECEIVE -> {
        out.raw(TraceEvent.Keys.FROM).num(in.b(i));
        out.raw(KIND[in.c(i)]);
      }
      case TraceKind.DPC_START -> {
        out.raw(dpcPairs[in.a(i)]);
        out.raw(IRQL[in.c(i)]);
        out.raw(TraceEvent.Keys.ARGS)
            .raw('[')
            .unsigned(in.x(i))
            .raw(',')
            .unsigned(in.y(i))
            .raw(']');
      }
      case TraceKind.DPC_END -> out.raw(dpcPairs[in.a(i)]);
      case TraceKind.DPC_REMOVE -> {
        out.raw(dpcPairs[in.a(i)]);
        out.raw(TraceEvent.Keys.BY).num(in.b(i));
        out.raw(TraceEvent.Keys.OK).bool(in.c(i) != 0);
      }
      case TraceKind.ISR_START, TraceKind.ISR_END -> out.raw(devicePairs[in.a(i)]);
      case TraceKind.IDLE -> {
        out.raw(TraceEvent.Keys.ON).bool((in.c(i) & TraceKind.IDLE_ON) != 0);
        out.raw(TraceEvent.Keys.HALTED).bool((in.c(i) & TraceKind.IDLE_HALTED) != 0);
      }
      case TraceKind.TICK -> {
        out.raw(TraceEvent.Keys.RATE).num(in.x(i));
        out.raw(TraceEvent.Keys.MAX_DEPTH).num(in.y(i));
        out.raw(TraceEvent.Keys.THRESHOLD).num(in.z(i));
      }
      case TraceKind.WATCHDOG -> {
        out.raw(TraceEvent.Keys.CODE).num(in.b(i));
        out.raw(TraceEvent.Keys.P1).num(in.x(i));
        out.raw(TraceEvent.Keys.P2).num(in.y(i));
        out.raw(TraceEvent.Keys.P3).num(in.z(i));
      }
      case TraceKind.IRQL -> out.raw(LEVEL[in.c(i)]);
      default -> throw new IllegalStateException("not a trace kind: " + kind);
    }
    out.raw('}');
  }
}
