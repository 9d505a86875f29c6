package dpcsim.kernel;

import dpcsim.scenario.ScriptAction;

/**
 * The books one processor keeps on the KDPCs its engine calls shared ({@link SharedKdpcs}): how
 * many sit in its queues, and whether an event may touch one. Bookkeeping only: nothing here
 * changes what the processor does, only when a windowed engine lets it run.
 */
final class SharedAccess {
  private final SharedKdpcs sharing;

  /** Shared KDPCs in this processor's queues: while any is queued, any event may retire one. */
  private int queued;

  SharedAccess(SharedKdpcs sharing) {
    this.sharing = sharing;
  }

  /** {@code dpc} was linked into one of this processor's queues. */
  void queued(Kdpc dpc) {
    if (sharing.shared(dpc.id())) {
      queued++;
    }
  }

  /** {@code dpc} left this processor's queues (removed, or its routine is called). */
  void dequeued(Kdpc dpc) {
    if (sharing.shared(dpc.id())) {
      queued--;
    }
  }

  /**
   * @return true if {@code dpc} is a token: its Number travels in the remote-insert message
   */
  boolean token(int dpc) {
    return sharing.token(dpc);
  }

  /**
   * @return true if some step of {@code dpc}'s routine touches a shared KDPC
   */
  boolean routineTouches(Kdpc dpc) {
    return sharing.routineTouchesShared(dpc.id());
  }

  /**
   * @return true if some step of the ISR of device {@code device} touches a shared KDPC
   */
  boolean isrTouches(int device) {
    return sharing.isrTouchesShared(device);
  }

  /**
   * @return true if processing {@code e} may read or write a shared KDPC
   */
  boolean touches(SimEvent e) {
    if (queued > 0) {
      return true; // settling after any event may retire a shared DPC
    }
    return switch (e.kind) {
      case SCRIPT -> sharing.touchesShared(((ScriptAction) e.ref).op());
      case MILESTONE -> {
        Activity a = (Activity) e.ref;
        yield a.touchesShared && a.generation == e.value && a.running();
      }
      case REMOTE_INSERT -> sharing.shared(((CrossCpu.RemoteInsert) e.ref).dpc());
      case REMOTE_REMOVE -> sharing.shared(((CrossCpu.RemoteRemove) e.ref).dpc());
      default -> false;
    };
  }
}
