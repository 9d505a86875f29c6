package dpcsim.coordinator;

import dpcsim.wire.HostMessage;
import org.apache.pekko.actor.typed.ActorRef;

/** A node's host and the processors {@code [firstCpu, endCpu)} it runs. */
record HostSlot(ActorRef<HostMessage> host, String address, int firstCpu, int endCpu) {
  boolean owns(int cpu) {
    return cpu >= firstCpu && cpu < endCpu;
  }
}
