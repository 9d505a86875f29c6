package dpcsim.scenario;

import java.util.List;

/**
 * What the rest of a scenario may refer to: the processor count and the DPC and device names in
 * file order. Read before the DPC bodies, devices and script, so that a routine may insert a DPC
 * defined further down the file.
 */
record Refs(int processors, List<String> dpcs, List<String> devices) {
  Refs {
    dpcs = List.copyOf(dpcs);
    devices = List.copyOf(devices);
  }

  /**
   * @return a processor number in 0..processors-1
   */
  int processor(Cursor c) throws ScenarioException {
    long n = c.integer();
    if (n < 0 || n >= processors) {
      throw c.error(outOfRange(c.text()));
    }
    return (int) n;
  }

  /**
   * @return the message for a processor number that does not exist
   */
  String outOfRange(String written) {
    return "processor "
        + written
        + " is out of range (the scenario has "
        + (processors == 1
            ? "1 processor: 0)"
            : processors + " processors: 0.." + (processors - 1) + ")");
  }

  /**
   * @return the name of a DPC defined under {@code dpcs}
   */
  String dpc(Cursor c) throws ScenarioException {
    return known(c, "DPC", dpcs, "dpcs");
  }

  /**
   * @return the name of a device defined under {@code devices}
   */
  String device(Cursor c) throws ScenarioException {
    return known(c, "device", devices, "devices");
  }

  private static String known(Cursor c, String what, List<String> names, String section)
      throws ScenarioException {
    String name = c.text();
    if (names.contains(name)) {
      return name;
    }
    throw c.error(
        "unknown "
            + what
            + " '"
            + name
            + "' "
            + (names.isEmpty()
                ? "(no " + section + " are defined)"
                : "(defined: " + String.join(", ", names) + ")"));
  }
}
