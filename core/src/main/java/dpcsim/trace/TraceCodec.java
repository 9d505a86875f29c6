package dpcsim.trace;

/**
 * Converts between a {@link TraceEvent} object and its columns in a {@link TraceBuffer} (the layout
 * {@link TraceKind} lists). The engines never make the objects; tests, the debugger and the
 * reports' object-based observers do.
 */
public final class TraceCodec {
  private TraceCodec() {}

  /** Emits {@code event}'s columns into {@code sink}, its names looked up in {@code names}. */
  public static void encode(
      TraceEvent event, TraceNames names, TraceSink sink, int emitter, long emitSeq) {
    long t = event.t();
    int cpu = event.cpu();
    if (event instanceof TraceEvent.DpcInsert e) {
      int flags = 0;
      if (e.ok()) {
        flags = TraceKind.INSERT_OK;
        if ("threaded".equals(e.list())) {
          flags |= TraceKind.INSERT_THREADED;
        } else if (!"normal".equals(e.list())) {
          throw new IllegalArgumentException("not a DPC list: " + e.list());
        }
        if ("tail".equals(e.pos())) {
          flags |= TraceKind.INSERT_TAIL;
        } else if (!"head".equals(e.pos())) {
          throw new IllegalArgumentException("not a queue position: " + e.pos());
        }
      }
      sink.emit(
          TraceKind.DPC_INSERT,
          t,
          cpu,
          names.dpcId(e.dpc()),
          e.by(),
          flags,
          e.ok() ? e.depth() : 0,
          0,
          0,
          emitter,
          emitSeq);
    } else if (event instanceof TraceEvent.DpcInterruptRequest e) {
      sink.emit(
          TraceKind.DPC_INTERRUPT_REQUEST,
          t,
          cpu,
          0,
          e.by(),
          TraceSymbols.of(e.via()),
          0,
          0,
          0,
          emitter,
          emitSeq);
    } else if (event instanceof TraceEvent.IpiSend e) {
      sink.emit(
          TraceKind.IPI_SEND,
          t,
          cpu,
          0,
          e.to(),
          TraceSymbols.of(e.kind()),
          0,
          0,
          0,
          emitter,
          emitSeq);
    } else if (event instanceof TraceEvent.IpiReceive e) {
      sink.emit(
          TraceKind.IPI_RECEIVE,
          t,
          cpu,
          0,
          e.from(),
          TraceSymbols.of(e.kind()),
          0,
          0,
          0,
          emitter,
          emitSeq);
    } else if (event instanceof TraceEvent.DpcStart e) {
      sink.emit(
          TraceKind.DPC_START,
          t,
          cpu,
          names.dpcId(e.dpc()),
          0,
          TraceSymbols.of(e.irql()),
          e.arg1(),
          e.arg2(),
          0,
          emitter,
          emitSeq);
    } else if (event instanceof TraceEvent.DpcEnd e) {
      sink.emit(TraceKind.DPC_END, t, cpu, names.dpcId(e.dpc()), 0, 0, 0, 0, 0, emitter, emitSeq);
    } else if (event instanceof TraceEvent.DpcRemove e) {
      sink.emit(
          TraceKind.DPC_REMOVE,
          t,
          cpu,
          names.dpcId(e.dpc()),
          e.by(),
          e.ok() ? 1 : 0,
          0,
          0,
          0,
          emitter,
          emitSeq);
    } else if (event instanceof TraceEvent.IsrStart e) {
      sink.emit(
          TraceKind.ISR_START, t, cpu, names.deviceId(e.device()), 0, 0, 0, 0, 0, emitter, emitSeq);
    } else if (event instanceof TraceEvent.IsrEnd e) {
      sink.emit(
          TraceKind.ISR_END, t, cpu, names.deviceId(e.device()), 0, 0, 0, 0, 0, emitter, emitSeq);
    } else if (event instanceof TraceEvent.Idle e) {
      sink.emit(
          TraceKind.IDLE,
          t,
          cpu,
          0,
          0,
          (e.on() ? TraceKind.IDLE_ON : 0) | (e.halted() ? TraceKind.IDLE_HALTED : 0),
          0,
          0,
          0,
          emitter,
          emitSeq);
    } else if (event instanceof TraceEvent.Tick e) {
      sink.emit(
          TraceKind.TICK, t, cpu, 0, 0, 0, e.rate(), e.maxDepth(), e.threshold(), emitter, emitSeq);
    } else if (event instanceof TraceEvent.Watchdog e) {
      sink.emit(
          TraceKind.WATCHDOG, t, cpu, 0, e.code(), 0, e.p1(), e.p2(), e.p3(), emitter, emitSeq);
    } else if (event instanceof TraceEvent.Irql e) {
      sink.emit(
          TraceKind.IRQL, t, cpu, 0, 0, TraceSymbols.of(e.level()), 0, 0, 0, emitter, emitSeq);

    } else {
      throw new IllegalArgumentException("not a trace event: " + event);
    }
  }

  /** Entry {@code i} of {@code in} as an object. */
  public static TraceEvent decode(TraceBuffer in, int i) {
    long t = in.t(i);
    int cpu = in.cpu(i);
    TraceNames names = in.names();
    return switch (in.kind(i)) {
      case TraceKind.DPC_INSERT -> {
        int flags = in.c(i);
        String dpc = names.dpc(in.a(i));
        if ((flags & TraceKind.INSERT_OK) == 0) {
          yield TraceEvent.DpcInsert.rejected(t, cpu, dpc, in.b(i));
        }
        yield new TraceEvent.DpcInsert(
            t,
            cpu,
            dpc,
            in.b(i),
            true,
            (flags & TraceKind.INSERT_THREADED) != 0 ? "threaded" : "normal",
            (flags & TraceKind.INSERT_TAIL) != 0 ? "tail" : "head",
            (int) in.x(i));
      }
      case TraceKind.DPC_INTERRUPT_REQUEST ->
          new TraceEvent.DpcInterruptRequest(t, cpu, in.b(i), TraceSymbols.name(in.c(i)));
      case TraceKind.IPI_SEND ->
          new TraceEvent.IpiSend(t, cpu, in.b(i), TraceSymbols.name(in.c(i)));
      case TraceKind.IPI_RECEIVE ->
          new TraceEvent.IpiReceive(t, cpu, in.b(i), TraceSymbols.name(in.c(i)));
      case TraceKind.DPC_START ->
          new TraceEvent.DpcStart(
              t, cpu, names.dpc(in.a(i)), TraceSymbols.name(in.c(i)), in.x(i), in.y(i));
      case TraceKind.DPC_END -> new TraceEvent.DpcEnd(t, cpu, names.dpc(in.a(i)));
      case TraceKind.DPC_REMOVE ->
          new TraceEvent.DpcRemove(t, cpu, names.dpc(in.a(i)), in.b(i), in.c(i) != 0);
      case TraceKind.ISR_START -> new TraceEvent.IsrStart(t, cpu, names.device(in.a(i)));
      case TraceKind.ISR_END -> new TraceEvent.IsrEnd(t, cpu, names.device(in.a(i)));
      case TraceKind.IDLE ->
          new TraceEvent.Idle(
              t, cpu, (in.c(i) & TraceKind.IDLE_ON) != 0, (in.c(i) & TraceKind.IDLE_HALTED) != 0);
      case TraceKind.TICK -> new TraceEvent.Tick(t, cpu, in.x(i), in.y(i), in.z(i));
      case TraceKind.WATCHDOG ->
          new TraceEvent.Watchdog(t, cpu, in.b(i), in.x(i), in.y(i), in.z(i));
      case TraceKind.IRQL -> new TraceEvent.Irql(t, cpu, TraceSymbols.name(in.c(i)));
      default -> throw new IllegalStateException("not a trace kind: " + in.kind(i));
    };
  }
}
