package dpcsim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Events of one instant leave in {@code (cpu, emitter, emitSeq)} order, whatever order came in. */
class InstantSorterTest {
  private static final TraceNames NAMES =
      new TraceNames(IntStream.range(0, 300).mapToObj(i -> "d" + i).toList(), List.of());

  private record Emitted(TraceEvent event, int emitter, long seq) {}

  private static final class Collect implements TraceConsumer {
    final List<TraceEvent> events = new ArrayList<>();
    long finishedAt = -1;

    @Override
    public void accept(TraceEvent event) {
      events.add(event);
    }

    @Override
    public void finish(long simulatedNs) {
      finishedAt = simulatedNs;
    }
  }

  @Test
  void eachInstantIsSortedByCpuEmitterAndSequence() {
    SplittableRandom random = new SplittableRandom(11);
    for (int round = 0; round < 200; round++) {
      // Instants of 1 to 300 events: short ones take the insertion sort, long ones the merge.
      List<Emitted> emitted = new ArrayList<>();
      long t = 0;
      int instants = 1 + random.nextInt(4);
      for (int k = 0; k < instants; k++) {
        t += 1 + random.nextInt(1000);
        int n = 1 + random.nextInt(random.nextBoolean() ? 8 : 300);
        long[] seqs = new long[8];
        for (int i = 0; i < n; i++) {
          int cpu = random.nextInt(6);
          int emitter = random.nextInt(8);
          emitted.add(
              new Emitted(new TraceEvent.DpcEnd(t, cpu, "d" + i), emitter, seqs[emitter]++));
        }
      }
      List<Emitted> shuffled = shuffleWithinInstants(emitted, random);
      Collect out = new Collect();
      InstantSorter sorter = new InstantSorter(NAMES, out);
      for (Emitted e : shuffled) {
        TraceCodec.encode(e.event(), NAMES, sorter, e.emitter(), e.seq());
      }
      sorter.finish(t + 5);

      List<Emitted> expected = new ArrayList<>(emitted);
      expected.sort(
          Comparator.comparingLong((Emitted e) -> e.event().t())
              .thenComparingInt(e -> e.event().cpu())
              .thenComparingInt(Emitted::emitter)
              .thenComparingLong(Emitted::seq));
      assertEquals(expected.stream().map(Emitted::event).toList(), out.events, "round " + round);
      assertEquals(t + 5, out.finishedAt);
    }
  }

  @Test
  void anEventFromThePastIsRefused() {
    InstantSorter sorter = new InstantSorter(NAMES, new Collect());
    TraceCodec.encode(new TraceEvent.DpcEnd(100, 0, "d1"), NAMES, sorter, 0, 0);
    assertThrows(
        IllegalStateException.class,
        () -> TraceCodec.encode(new TraceEvent.DpcEnd(99, 0, "d2"), NAMES, sorter, 0, 1));
  }

  private static List<Emitted> shuffleWithinInstants(List<Emitted> in, SplittableRandom random) {
    List<Emitted> out = new ArrayList<>();
    int i = 0;
    while (i < in.size()) {
      int j = i;
      while (j < in.size() && in.get(j).event().t() == in.get(i).event().t()) {
        j++;
      }
      List<Emitted> instant = new ArrayList<>(in.subList(i, j));
      if (random.nextInt(4) > 0) { // some instants stay in key order: the no-sort path
        for (int k = instant.size() - 1; k > 0; k--) {
          int r = random.nextInt(k + 1);
          Emitted x = instant.get(k);
          instant.set(k, instant.get(r));
          instant.set(r, x);
        }
      } else {
        instant.sort(
            Comparator.comparingInt((Emitted e) -> e.event().cpu())
                .thenComparingInt(Emitted::emitter)
                .thenComparingLong(Emitted::seq));
      }
      out.addAll(instant);
      i = j;
    }
    return out;
  }
}
