package dpcsim.engine;

import dpcsim.kernel.Processor;

/**
 * An indexed min-heap of processors ordered by their next event's key, so the sequential engine
 * always steps the processor whose event comes first globally. A processor's position is kept so
 * that a delivery (which may make its next event earlier) re-sorts it in O(log n).
 */
final class ProcessorHeap {
  private final Processor[] heap;
  private final int[] position;
  private int size;

  ProcessorHeap(Processor[] processors) {
    heap = new Processor[processors.length];
    position = new int[processors.length];
    for (Processor p : processors) {
      heap[size] = p;
      position[p.cpu()] = size;
      size++;
    }
    for (int i = size / 2 - 1; i >= 0; i--) {
      siftDown(i);
    }
  }

  Processor top() {
    return heap[0];
  }

  /** Restores the order after processor {@code cpu}'s next event changed. */
  void update(int cpu) {
    int i = position[cpu];
    siftUp(i);
    siftDown(position[cpu]);
  }

  private void siftUp(int i) {
    Processor p = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (Processor.compareNext(p, heap[parent]) >= 0) {
        break;
      }
      place(heap[parent], i);
      i = parent;
    }
    place(p, i);
  }

  private void siftDown(int i) {
    Processor p = heap[i];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && Processor.compareNext(heap[right], heap[child]) < 0) {
        child = right;
      }
      if (Processor.compareNext(p, heap[child]) <= 0) {
        break;
      }
      place(heap[child], i);
      i = child;
    }
    place(p, i);
  }

  private void place(Processor p, int i) {
    heap[i] = p;
    position[p.cpu()] = i;
  }
}
