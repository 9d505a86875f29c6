package dpcsim.kernel.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The versions {@code --nt} takes: family and Type codes, against Chappell. */
class NtVersionTest {

  /**
   * "version family DpcObject ThreadedDpcObject", typed in from Chappell's KDPC and KOBJECTS
   * articles: DpcObject 0x08 in 3.10, 0x09 in 3.50 to 3.51, 0x13 from 4.0; ThreadedDpcObject 0x18
   * in 5.2 to 6.2, 0x1A from 6.3, none before 5.2.
   */
  private static final List<String> EXPECTED =
      List.of(
          "3.10 NT310 0x08 -",
          "3.50 NT350 0x09 -",
          "3.51 NT351 0x09 -",
          "4.0 NT351 0x13 -",
          "5.0 NT351 0x13 -",
          "5.1 NT351 0x13 -",
          "5.2-early NT52_EARLY 0x13 0x18",
          "5.2 NT52 0x13 0x18",
          "6.0-early NT60_EARLY 0x13 0x18",
          "6.0 NT60 0x13 0x18",
          "6.1 NT60 0x13 0x18",
          "6.2 NT60 0x13 0x18",
          "6.3 NT63 0x13 0x1a",
          "10.0 NT63 0x13 0x1a");

  @Test
  @DisplayName("R-3, R-7: every version's family and Type codes are Chappell's")
  void table() {
    List<String> actual =
        Stream.of(NtVersion.values())
            .map(
                v ->
                    String.format(
                        "%s %s 0x%02x %s",
                        v.cliName(),
                        v.family(),
                        v.dpcObjectType(),
                        v.threadedDpcObjectType().isPresent()
                            ? String.format("0x%02x", v.threadedDpcObjectType().getAsInt())
                            : "-"))
            .toList();
    assertEquals(EXPECTED, actual);
  }

  @Test
  @DisplayName("R-7: every family is some version's, and families follow version order")
  void everyFamilyIsReached() {
    Set<KdpcFamily> reached =
        Stream.of(NtVersion.values())
            .map(NtVersion::family)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(KdpcFamily.class)));
    assertEquals(EnumSet.allOf(KdpcFamily.class), reached);
    KdpcFamily previous = KdpcFamily.NT310;
    for (NtVersion v : NtVersion.values()) {
      assertTrue(v.family().compareTo(previous) >= 0, v.cliName());
      previous = v.family();
    }
  }

  @Test
  @DisplayName("--nt spellings: each version's own, nothing else")
  void fromCli() {
    for (NtVersion v : NtVersion.values()) {
      assertEquals(v, NtVersion.fromCli(v.cliName()).orElseThrow());
    }
    assertTrue(NtVersion.fromCli("5.2-late").isEmpty());
    assertTrue(NtVersion.fromCli("3.1").isEmpty());
    assertTrue(NtVersion.fromCli("NT_6_1").isEmpty());
  }
}
