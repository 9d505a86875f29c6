package dpcsim.measure;

/** Test allocations the JIT cannot remove: each array escapes to a field. */
final class Allocations {
  static final int MB = 1 << 20;

  /** The last array allocated, kept reachable from a field so the allocation is real. */
  static volatile byte[] last;

  private Allocations() {}

  /** Allocates {@code megabytes} arrays of one MiB each on the calling thread. */
  static void allocate(int megabytes) {
    for (int i = 0; i < megabytes; i++) {
      last = new byte[MB];
    }
  }

  /** Starts a thread that runs {@code body}, and waits for it to end. */
  static void runOnThread(String name, Runnable body) throws InterruptedException {
    Thread t = new Thread(body, name);
    t.start();
    t.join();
  }
}
