package dpcsim.report.html;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sweep chart's x axis: numeric when every value is a number with one unit. */
class SweepAxisTest {
  @Test
  @DisplayName("numbers, with or without one unit: placed to scale, first and last 4% in")
  void numeric() {
    SweepAxis plain = SweepAxis.of(List.of("0", "1", "3"));
    SweepAxis rate = SweepAxis.of(List.of("10000/s", "20000/s", "40000/s"));
    assertAll(
        () -> assertTrue(plain.numeric()),
        () -> assertEquals(0.04, plain.at(0), 1e-9),
        () -> assertEquals(0.04 + 0.92 / 3, plain.at(1), 1e-9),
        () -> assertEquals(0.96, plain.at(2), 1e-9),
        () -> assertTrue(rate.numeric()),
        () -> assertEquals("/s", rate.unit()),
        () -> assertEquals(0.04 + 0.92 / 3, rate.at(1), 1e-9),
        () -> assertTrue(SweepAxis.of(List.of("0.1", "0.35", "-2")).numeric()),
        () -> assertEquals(0.5, SweepAxis.of(List.of("7")).at(0), 1e-9, "one value: centred"));
  }

  @Test
  @DisplayName("names, mixed units, dotted versions: one even slot per value, in the order given")
  void categorical() {
    for (List<String> values :
        List.of(
            List.of("low", "medium", "high"),
            List.of("1us", "1ms", "5us"),
            List.of("1.2.3", "1.2.4", "1.3.0"),
            List.of("{ exp: 20us }", "2", "3"))) {
      SweepAxis a = SweepAxis.of(values);
      assertAll(
          values.toString(),
          () -> assertFalse(a.numeric()),
          () -> assertEquals(1 / 6.0, a.at(0), 1e-9),
          () -> assertEquals(0.5, a.at(1), 1e-9),
          () -> assertEquals(List.of(0, 1, 2), a.order()));
    }
  }

  @Test
  @DisplayName("an unsorted list of numbers is drawn left to right; crowded ticks keep first, last")
  void orderAndTicks() {
    SweepAxis a = SweepAxis.of(List.of("30", "10", "20"));
    assertEquals(List.of(1, 2, 0), a.order());
    List<String> all = a.ticks(600).stream().map(SweepAxis.Tick::label).toList();
    assertEquals(List.of("10", "20", "30"), all);
    List<String> many =
        SweepAxis.of(
                java.util.stream.IntStream.rangeClosed(1, 100)
                    .mapToObj(i -> i * 1000 + "/s")
                    .toList())
            .ticks(680)
            .stream()
            .map(SweepAxis.Tick::label)
            .toList();
    assertTrue(many.size() < 20, "only those that fit: " + many.size());
    assertEquals("1000/s", many.get(0));
    assertEquals("100000/s", many.get(many.size() - 1));
  }
}
