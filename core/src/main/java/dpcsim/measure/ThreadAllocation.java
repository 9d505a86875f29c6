package dpcsim.measure;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The heap bytes a thread has allocated since it started, as the JVM counts them ({@code
 * com.sun.management.ThreadMXBean}, part of the JDK): a count that only grows, whatever the garbage
 * collector frees, so the difference between two reads is what the thread allocated in between.
 * {@code dpcsim bench} divides such differences by the DPCs a run executed, to see how far the
 * engines are from allocating nothing per DPC.
 *
 * <p>A read costs a little (the current thread's is cheap, another thread's needs a look-up), so
 * callers read once per run, never per event. Where the JVM cannot count (no {@code
 * com.sun.management}, or the count is disabled and cannot be enabled) every read gives {@link
 * #UNSUPPORTED}; so does a thread that is no longer alive, whose count is lost.
 */
public final class ThreadAllocation {
  /** What a read gives when there is no count. */
  public static final long UNSUPPORTED = -1;

  private static final com.sun.management.ThreadMXBean BEAN = counting();

  private ThreadAllocation() {}

  /** The JVM's thread bean with allocation counting on, or null if it cannot count. */
  private static com.sun.management.ThreadMXBean counting() {
    ThreadMXBean plain = ManagementFactory.getThreadMXBean();
    if (!(plain instanceof com.sun.management.ThreadMXBean bean)
        || !bean.isThreadAllocatedMemorySupported()) {
      return null;
    }
    if (!bean.isThreadAllocatedMemoryEnabled()) {
      try {
        bean.setThreadAllocatedMemoryEnabled(true);
      } catch (UnsupportedOperationException | SecurityException e) {
        return null;
      }
    }
    return bean;
  }

  /**
   * @return the bean to read, or null if this JVM cannot count
   */
  static com.sun.management.ThreadMXBean bean() {
    return BEAN;
  }

  /**
   * @return whether this JVM counts threads' allocations
   */
  public static boolean supported() {
    return BEAN != null;
  }

  /**
   * @return the bytes the calling thread has allocated since it started, or {@link #UNSUPPORTED}
   */
  public static long currentThread() {
    if (BEAN == null) {
      return UNSUPPORTED;
    }
    long bytes = BEAN.getCurrentThreadAllocatedBytes();
    return bytes < 0 ? UNSUPPORTED : bytes;
  }

  /**
   * @return the bytes the live thread {@code threadId} has allocated since it started, or {@link
   *     #UNSUPPORTED} (also for a thread that has ended or never existed)
   */
  public static long of(long threadId) {
    if (BEAN == null) {
      return UNSUPPORTED;
    }
    long bytes = BEAN.getThreadAllocatedBytes(threadId);
    return bytes < 0 ? UNSUPPORTED : bytes;
  }
}
