package dpcsim.engine;

import dpcsim.kernel.Processor;

/**
 * An indexed min-heap of processors ordered by their next event's key, so the sequential engine
 * always steps the processor whose event comes first globally. A processor's position is kept so
 * that a delivery (which may make its next event earlier) re-sorts it in O(log n).
 *
 * <p>The heap holds processor numbers and a copy of each one's next event time, refreshed by {@link
 * #update}: most comparisons are then two array reads, and only processors due at the same instant
 * compare their whole event keys (chasing each processor's event list cost a third of the engine's
 * thread at 64 processors).
 */
final class ProcessorHeap {
  private final Processor[] processors;
  private final int[] heap;
  private final int[] position;
  private final long[] nextTime;
  private final int size;

  ProcessorHeap(Processor[] processors) {
    this.processors = processors;
    size = processors.length;
    heap = new int[size];
    position = new int[size];
    nextTime = new long[size];
    for (Processor p : processors) {
      int cpu = p.cpu();
      heap[cpu] = cpu;
      position[cpu] = cpu;
      nextTime[cpu] = p.nextEventTime();
    }
    for (int i = size / 2 - 1; i >= 0; i--) {
      siftDown(i);
    }
  }

  Processor top() {
    return processors[heap[0]];
  }

  /**
   * Restores the order after processor {@code cpu}'s next event changed, earlier or later (the
   * processor that just stepped). Only one direction can apply: a processor that still comes first
   * (the usual case within an instant) costs the compares with its two children and nothing more.
   */
  void update(int cpu) {
    nextTime[cpu] = processors[cpu].nextEventTime();
    int i = position[cpu];
    if (i > 0 && compare(cpu, heap[(i - 1) >>> 1]) < 0) {
      siftUp(i);
    } else {
      siftDown(i);
    }
  }

  /**
   * Restores the order after a message arrived at processor {@code cpu} for {@code time}. An
   * arrival can only make the processor's next event earlier, and one strictly after its current
   * next event leaves the key unchanged: then nothing moves and the processor is not even asked
   * (most messages on a busy machine). Needs this processor's entry up to date, which holds for
   * every processor but the one that just stepped, and for that one {@link #update} follows.
   */
  void arrived(int cpu, long time) {
    if (time > nextTime[cpu]) {
      return;
    }
    nextTime[cpu] = processors[cpu].nextEventTime();
    siftUp(position[cpu]);
  }

  /** Negative if processor {@code a}'s next event comes before {@code b}'s. */
  private int compare(int a, int b) {
    long x = nextTime[a];
    long y = nextTime[b];
    if (x != y) {
      return x < y ? -1 : 1;
    }
    return Processor.compareNext(processors[a], processors[b]);
  }

  private void siftUp(int i) {
    int cpu = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (compare(cpu, heap[parent]) >= 0) {
        break;
      }
      place(heap[parent], i);
      i = parent;
    }
    place(cpu, i);
  }

  private void siftDown(int i) {
    int cpu = heap[i];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && compare(heap[right], heap[child]) < 0) {
        child = right;
      }
      if (compare(cpu, heap[child]) <= 0) {
        break;
      }
      place(heap[child], i);
      i = child;
    }
    place(cpu, i);
  }

  private void place(int cpu, int i) {
    heap[i] = cpu;
    position[cpu] = i;
  }
}
