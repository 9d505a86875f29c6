package dpcsim.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * One KDPC_DATA: a processor's normal or threaded DPC list with its depth and its count of
 * successful insertions. The list is intrusive through {@link Kdpc#prev}/{@link Kdpc#next}.
 */
public final class DpcQueue {
  /** Which of the two lists of R-8. */
  public enum Kind {
    NORMAL("normal"),
    THREADED("threaded");

    private final String traceName;

    Kind(String traceName) {
      this.traceName = traceName;
    }

    /**
     * @return the spelling in traces ({@code list} key)
     */
    public String traceName() {
      return traceName;
    }
  }

  private final int owner;
  private final Kind kind;
  private Kdpc head;
  private Kdpc tail;
  private int depth;
  private long count;

  DpcQueue(int owner, Kind kind) {
    this.owner = owner;
    this.kind = kind;
  }

  /**
   * @return the processor whose KPRCB holds this list
   */
  public int owner() {
    return owner;
  }

  /**
   * @return normal or threaded
   */
  public Kind kind() {
    return kind;
  }

  /**
   * @return DpcQueueDepth: the number of DPCs in the list
   */
  public int depth() {
    return depth;
  }

  /**
   * @return DpcCount: successful insertions ever, never decremented
   */
  public long count() {
    return count;
  }

  /** links {@code dpc} at the head (High) or the tail, counts it, and sets DpcData. */
  void insert(Kdpc dpc, boolean atHead) {
    dpc.dpcData = this;
    if (head == null) {
      dpc.prev = null;
      dpc.next = null;
      head = dpc;
      tail = dpc;
    } else if (atHead) {
      dpc.prev = null;
      dpc.next = head;
      head.prev = dpc;
      head = dpc;
    } else {
      dpc.next = null;
      dpc.prev = tail;
      tail.next = dpc;
      tail = dpc;
    }
    depth++;
    count++;
  }

  /** unlinks the head entry and clears its DpcData; the list must not be empty. */
  Kdpc removeHead() {
    Kdpc dpc = head;
    unlink(dpc);
    return dpc;
  }

  /** unlinks {@code dpc}, which must be in this list, and clears its DpcData. */
  void unlink(Kdpc dpc) {
    if (dpc.prev == null) {
      head = dpc.next;
    } else {
      dpc.prev.next = dpc.next;
    }
    if (dpc.next == null) {
      tail = dpc.prev;
    } else {
      dpc.next.prev = dpc.prev;
    }
    dpc.prev = null;
    dpc.next = null;
    dpc.dpcData = null;
    depth--;
  }

  /**
   * @return the DPCs in queue order (head first), for inspection and tests
   */
  /** Calls {@code action} with each queued KDPC's index, head first, allocating nothing. */
  void forEachId(java.util.function.IntConsumer action) {
    for (Kdpc d = head; d != null; d = d.next) {
      action.accept(d.id());
    }
  }

  public List<Kdpc> entries() {
    List<Kdpc> out = new ArrayList<>(depth);
    for (Kdpc d = head; d != null; d = d.next) {
      out.add(d);
    }
    return out;
  }
}
