package dpcsim.kernel;

import dpcsim.scenario.DeviceDef;
import dpcsim.scenario.Interrupts;

/**
 * The interrupt arrivals of one device: a pure function of the seed. Arrival {@code i} goes to
 * {@code cpus[i % n]} (round robin). Each processor in the device's affinity runs its own copy and
 * keeps only its own arrivals, so no processor needs another's state to know when its interrupts
 * come.
 */
final class DeviceStream {
  private final int deviceIndex;
  private final DeviceDef device;
  private final int me;
  private final RandomStream random;
  private long index;
  private long lastTime;

  DeviceStream(int deviceIndex, DeviceDef device, int me, long seed) {
    this.deviceIndex = deviceIndex;
    this.device = device;
    this.me = me;
    this.random = new RandomStream(seed, RandomStream.DEVICE, deviceIndex);
  }

  int deviceIndex() {
    return deviceIndex;
  }

  /**
   * @return true if this processor ever receives this device's interrupts
   */
  static boolean serves(DeviceDef device, int cpu) {
    return device.cpus().contains(cpu);
  }

  /**
   * @return the time of this processor's next interrupt from the device after the last one
   *     returned, or a value past {@code limit} when there is none up to {@code limit}
   */
  long nextFor(long limit) {
    int n = device.cpus().size();
    while (true) {
      long t = timeOf(index);
      int cpu = device.cpus().get((int) (index % n));
      index++;
      lastTime = t;
      if (t > limit) {
        return t;
      }
      if (cpu == me) {
        return t;
      }
    }
  }

  private long timeOf(long i) {
    Interrupts it = device.interrupts();
    if (it instanceof Interrupts.Periodic p) {
      return (i + 1) * p.periodNs();
    }
    if (it instanceof Interrupts.Times times) {
      return times.at(i);
    }
    if (it instanceof Interrupts.Burst b) {
      long burst = i / b.count();
      long j = i % b.count();
      return (burst + 1) * b.everyNs() + j * b.gapNs();
    }
    Interrupts.Poisson p = (Interrupts.Poisson) it;
    // Sequential draws: arrival i depends on arrival i-1, so the stream is walked in order.
    return lastTime + random.exponential(1e9 / p.perSecond());
  }
}
