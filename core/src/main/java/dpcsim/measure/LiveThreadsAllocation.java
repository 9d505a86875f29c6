package dpcsim.measure;

import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What every live thread of the JVM but some named ones allocated between this snapshot and a later
 * read: for engines that spread a run over pools of threads (the actor engines' dispatchers, the
 * cluster's remoting), where no one thread does the work.
 *
 * <p>The figure is the sum, over the threads alive at the later read, of each thread's bytes now
 * minus its bytes at the snapshot; a thread started since counts from zero. A thread that ended in
 * between is lost with its count (the JVM forgets a dead thread's allocation), so the figure is a
 * lower bound when threads come and go during a run. Only this JVM's threads count: a cluster's
 * nodes in other processes are not seen.
 */
public final class LiveThreadsAllocation {
  private final Set<String> excluded;
  private final Map<Long, Long> before;

  private LiveThreadsAllocation(Set<String> excluded, Map<Long, Long> before) {
    this.excluded = excluded;
    this.before = before;
  }

  /**
   * Reads every live thread's count now, leaving out threads named as one of {@code excluded} (then
   * and at {@link #bytesSince}).
   */
  public static LiveThreadsAllocation snapshot(Set<String> excluded) {
    Set<String> names = Set.copyOf(excluded);
    return new LiveThreadsAllocation(names, read(names));
  }

  /**
   * @return the bytes the live threads (not excluded) allocated since the snapshot, or {@link
   *     ThreadAllocation#UNSUPPORTED} if this JVM cannot count
   */
  public long bytesSince() {
    if (!ThreadAllocation.supported()) {
      return ThreadAllocation.UNSUPPORTED;
    }
    long sum = 0;
    for (Map.Entry<Long, Long> now : read(excluded).entrySet()) {
      sum += now.getValue() - before.getOrDefault(now.getKey(), 0L);
    }
    return sum;
  }

  /**
   * Each live thread's count by thread id, but the excluded ones' and those that ended meanwhile.
   */
  private static Map<Long, Long> read(Set<String> excluded) {
    com.sun.management.ThreadMXBean bean = ThreadAllocation.bean();
    Map<Long, Long> out = new HashMap<>();
    if (bean == null) {
      return out;
    }
    long[] ids = bean.getAllThreadIds();
    ThreadInfo[] infos = bean.getThreadInfo(ids); // names only: no stack traces
    long[] bytes = bean.getThreadAllocatedBytes(ids);
    for (int i = 0; i < ids.length; i++) {
      if (infos[i] != null && bytes[i] >= 0 && !excluded.contains(infos[i].getThreadName())) {
        out.put(ids[i], bytes[i]);
      }
    }
    return out;
  }
}
