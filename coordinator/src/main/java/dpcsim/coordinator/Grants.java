package dpcsim.coordinator;

import dpcsim.interconnect.RunProtocol;
import dpcsim.lookahead.ProcessorStatus;
import dpcsim.wire.HostMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run driver's side of a grant: one {@link HostMessage.Window} to each host whose processors
 * take part, carrying the messages from other nodes and where its processors stand after the
 * shared-KDPC steps the driver ran straight on them since its last grant.
 */
final class Grants {
  private final List<HostSlot> slots;

  /** Per host, the latest status of each processor that took a shared step since its grant. */
  private final List<Map<Integer, ProcessorStatus>> refreshed = new ArrayList<>();

  Grants(List<HostSlot> slots) {
    this.slots = slots;
    for (int i = 0; i < slots.size(); i++) {
      refreshed.add(new TreeMap<>());
    }
  }

  /** Remembers where a processor stands after a shared step, for its host's next grant. */
  void refreshed(ProcessorStatus status) {
    refreshed.get(slotOf(status.cpu())).put(status.cpu(), status);
  }

  /**
   * Sends window {@code w} to the hosts whose processors take part, each with its own horizon.
   *
   * @return the number of hosts told (each answers with one report)
   */
  int send(RunProtocol.Step.Window w, String runId, long step, long lastInstant) {
    List<List<HostMessage.CpuWork>> perHost = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      perHost.add(new ArrayList<>());
    }
    for (int i = 0; i < w.participants().length; i++) {
      int cpu = w.participants()[i];
      perHost.get(slotOf(cpu)).add(new HostMessage.CpuWork(cpu, w.inbound().get(i)));
    }
    int told = 0;
    for (int i = 0; i < slots.size(); i++) {
      if (!perHost.get(i).isEmpty()) {
        told++;
        slots
            .get(i)
            .host()
            .tell(
                new HostMessage.Window(
                    runId,
                    step,
                    w.horizon(i),
                    lastInstant,
                    perHost.get(i),
                    List.copyOf(refreshed.get(i).values())));
        refreshed.get(i).clear();
      }
    }
    return told;
  }

  /**
   * @return the index of the host that runs {@code cpu}
   */
  int slotOf(int cpu) {
    for (int i = 0; i < slots.size(); i++) {
      if (slots.get(i).owns(cpu)) {
        return i;
      }
    }
    throw new IllegalStateException("no node runs processor " + cpu);
  }
}
