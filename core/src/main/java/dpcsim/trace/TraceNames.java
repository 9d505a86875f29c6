package dpcsim.trace;

import dpcsim.scenario.DeviceDef;
import dpcsim.scenario.DpcDef;
import dpcsim.scenario.Scenario;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's KDPC and device names by index (the scenario's {@code dpcs} and {@code devices} order):
 * trace events carry the index, and the names are looked up only to write or show them.
 */
public final class TraceNames {
  private final String[] dpcs;
  private final String[] devices;
  private final Map<String, Integer> dpcIds = new HashMap<>();
  private final Map<String, Integer> deviceIds = new HashMap<>();

  public TraceNames(List<String> dpcs, List<String> devices) {
    this.dpcs = dpcs.toArray(new String[0]);
    this.devices = devices.toArray(new String[0]);
    for (int i = 0; i < this.dpcs.length; i++) {
      dpcIds.putIfAbsent(this.dpcs[i], i);
    }
    for (int i = 0; i < this.devices.length; i++) {
      deviceIds.putIfAbsent(this.devices[i], i);
    }
  }

  /**
   * @return the names of {@code s}'s KDPCs and devices, indexed as the kernel model indexes them
   */
  public static TraceNames of(Scenario s) {
    return new TraceNames(
        s.dpcs().stream().map(DpcDef::name).toList(),
        s.devices().stream().map(DeviceDef::name).toList());
  }

  /** No names: for runs without KDPCs and devices. */
  public static final TraceNames NONE = new TraceNames(List.of(), List.of());

  /**
   * @return the name of KDPC {@code id}
   */
  public String dpc(int id) {
    return dpcs[id];
  }

  /**
   * @return the name of device {@code id}
   */
  public String device(int id) {
    return devices[id];
  }

  /**
   * @return how many KDPCs there are
   */
  public int dpcCount() {
    return dpcs.length;
  }

  /**
   * @return how many devices there are
   */
  public int deviceCount() {
    return devices.length;
  }

  /**
   * @return the index of KDPC {@code name} (a map lookup: not for the hot path)
   * @throws IllegalArgumentException if there is none
   */
  public int dpcId(String name) {
    Integer i = dpcIds.get(name);
    if (i == null) {
      throw new IllegalArgumentException("no KDPC named " + name);
    }
    return i;
  }

  /**
   * @return the index of device {@code name} (a map lookup: not for the hot path)
   * @throws IllegalArgumentException if there is none
   */
  public int deviceId(String name) {
    Integer i = deviceIds.get(name);
    if (i == null) {
      throw new IllegalArgumentException("no device named " + name);
    }
    return i;
  }
}
