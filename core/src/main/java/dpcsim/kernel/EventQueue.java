package dpcsim.kernel;

import java.util.Arrays;

/** A binary min-heap of {@link SimEvent}s by their key; the processor's future event list. */
final class EventQueue {
  private SimEvent[] heap = new SimEvent[16];
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  SimEvent peek() {
    return size == 0 ? null : heap[0];
  }

  /** Calls {@code action} with every pending event, in no particular order. */
  void forEach(java.util.function.Consumer<SimEvent> action) {
    for (int i = 0; i < size; i++) {
      action.accept(heap[i]);
    }
  }

  void add(SimEvent e) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      SimEvent p = heap[parent];
      if (SimEvent.compare(e, p) >= 0) {
        break;
      }
      heap[i] = p;
      i = parent;
    }
    heap[i] = e;
  }

  SimEvent poll() {
    if (size == 0) {
      return null;
    }
    SimEvent top = heap[0];
    SimEvent last = heap[--size];
    heap[size] = null;
    if (size > 0) {
      int i = 0;
      int half = size >>> 1;
      while (i < half) {
        int child = 2 * i + 1;
        int right = child + 1;
        if (right < size && SimEvent.compare(heap[right], heap[child]) < 0) {
          child = right;
        }
        if (SimEvent.compare(last, heap[child]) <= 0) {
          break;
        }
        heap[i] = heap[child];
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}
