package dpcsim.coordinator;

import dpcsim.wire.DriverMessage;
import java.util.List;

/** The one line a failed run ends with, for each way a run fails at the driver. */
final class RunFailures {
  private RunFailures() {}

  /**
   * @return a processor's or a node's failure, as the node reported it
   */
  static String failed(DriverMessage.Failed m) {
    String where =
        m.cpu() >= 0
            ? "processor " + m.cpu() + " (node " + m.host() + ") failed at " + m.timeNs() + " ns: "
            : "node " + m.host() + " cannot run the scenario: ";
    return where + m.cause();
  }

  /**
   * @param unreachable the failure detector's verdict (killed, paused, cut off), else it left
   * @return a node lost during the run: which, how, its processors, the simulated time reached
   */
  static String nodeLost(
      String address, boolean unreachable, List<HostSlot> slots, long reachedNs) {
    StringBuilder cpus = new StringBuilder();
    for (HostSlot s : slots) {
      if (s.address().equals(address)) {
        cpus.append(cpus.length() == 0 ? "" : ",");
        cpus.append(s.firstCpu()).append('-').append(s.endCpu() - 1);
      }
    }
    return "node "
        + address
        + (unreachable
            ? " became unreachable during the run (stopped, paused or cut off); processors "
            : " left during the run; processors ")
        + cpus
        + " lost; simulated time reached "
        + reachedNs
        + " ns";
  }

  /**
   * @return the nodes fell silent for {@code seconds} during {@code phase}
   */
  static String silent(long seconds, String phase, long reachedNs) {
    return "no answer from the processor nodes for "
        + seconds
        + " s ("
        + phase
        + ", simulated time reached "
        + reachedNs
        + " ns)";
  }
}
