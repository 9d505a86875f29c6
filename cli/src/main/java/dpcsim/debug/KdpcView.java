package dpcsim.debug;

import dpcsim.kernel.debug.KdpcSnapshot;
import dpcsim.kernel.layout.Arch;
import dpcsim.kernel.layout.DtRenderer;
import dpcsim.kernel.layout.DtValues;
import dpcsim.kernel.layout.KdpcField;
import dpcsim.kernel.layout.KdpcLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dt _KDPC NAME}: the KDPC's members at their offsets for the profile's layout, with
 * the live values: Type, Importance, Number as stored, the routine, the
 * context, the SystemArguments of the last successful insertion and DpcData, the address of
 * the list it sits in or null. Members the model does not keep (the list links,
 * ProcessorHistory, the old Lock) show their type, as {@code dt} does for embedded structures.
 */
final class KdpcView {
  private KdpcView() {}

  static List<String> render(KdpcSnapshot k, KdpcLayout layout) {
    Arch a = layout.arch();
    Map<String, String> v = new LinkedHashMap<>();
    for (KdpcField f : layout.fields()) {
      String value =
          switch (f.name()) {
            case "TargetInfoAsUlong" ->
                DtValues.hex(
                    (k.type() & 0xffL)
                        | ((long) k.importance().value() << 8)
                        | ((long) k.number() << 16),
                    a);
            case "Type" -> f.size() == 1 ? DtValues.uchar(k.type()) : DtValues.hex(k.type(), a);
            case "Importance" -> DtValues.uchar(k.importance().value());
            case "Number" ->
                f.size() == 1 ? DtValues.uchar(k.number() & 0xff) : DtValues.hex(k.number(), a);
            case "Expedite" -> DtValues.uchar(0);
            case "DeferredRoutine" ->
                DtValues.pointer(Addresses.routine(k.id()), a)
                    + "     void  "
                    + Addresses.symbol(k.name())
                    + "+0";
            case "DeferredContext" -> DtValues.pointer(k.deferredContext(), a);
            case "SystemArgument1" -> DtValues.pointer(k.systemArgument1(), a);
            case "SystemArgument2" -> DtValues.pointer(k.systemArgument2(), a);
            case "DpcData" ->
                DtValues.pointer(
                    k.inserted() ? Addresses.dpcData(k.queueOwner(), k.threadedList()) : 0, a);
            default -> null;
          };
      if (value != null) {
        v.put(f.name(), value);
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        "dpcsim!_KDPC "
            + k.name()
            + " at "
            + DtValues.pointer(Addresses.kdpc(k.id()), a)
            + (k.inserted()
                ? " (queued on processor "
                    + k.queueOwner()
                    + ", "
                    + (k.threadedList() ? "threaded" : "normal")
                    + " list)"
                : " (not queued)"));
    lines.addAll(DtRenderer.render(layout, v));
    return lines;
  }
}
