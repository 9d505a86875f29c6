package dpcsim.coordinator;

import dpcsim.wire.HostMessage;
import org.apache.pekko.actor.typed.ActorRef;

/** A node's host and the processors {@code [firstCpu, endCpu)} it runs. */
record HostSlot(ActorRef<HostMessage> host, String address, int firstCpu, int endCpu) {
  /**
   * @return the host's name in its reports: its node's address and its actor's name (a node may run
   *     several hosts, a partition each)
   */
  String id() {
    return address + "/" + host.path().name();
  }

  boolean owns(int cpu) {
    return cpu >= firstCpu && cpu < endCpu;
  }
}
