package dpcsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.kernel.layout.KdpcFamily;
import dpcsim.kernel.layout.NtVersion;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The profile table, spec section P, and the decisions it carries. */
class ProfilesTest {
  @Test
  @DisplayName("P: four profiles, looked up by name; an unknown name is an error")
  void table() {
    assertEquals(List.of("ws03", "win10", "reactos", "textbook"), Profiles.names());
    assertEquals(Profiles.WIN10, Profiles.byName("win10"));
    assertThrows(IllegalArgumentException.class, () -> Profiles.byName("xp"));
  }

  @Test
  @DisplayName("R-3/R-6/R-7: type codes, target bias and layout family per profile")
  void structureReadings() {
    assertEquals(0x13, Profiles.WS03.dpcObjectType());
    assertEquals(0x18, Profiles.WS03.threadedDpcObjectType());
    assertEquals(0x1A, Profiles.WIN10.threadedDpcObjectType());
    assertEquals(64, Profiles.WS03.targetBiasX64());
    assertEquals(32, Profiles.WS03.targetBiasX86());
    assertEquals(KdpcFamily.NT52, Profiles.WS03.kdpcLayout());
    assertEquals(KdpcFamily.NT63, Profiles.WIN10.kdpcLayout());
  }

  @Test
  @DisplayName("R-3: each profile's Type codes are those of a version in its layout family")
  void typeCodesMatchTheFamily() {
    for (Profile p : List.of(Profiles.WS03, Profiles.WIN10, Profiles.REACTOS, Profiles.TEXTBOOK)) {
      List<NtVersion> versions =
          Stream.of(NtVersion.values()).filter(v -> v.family() == p.kdpcLayout()).toList();
      assertTrue(versions.stream().anyMatch(v -> v.dpcObjectType() == p.dpcObjectType()), p.name());
      boolean threadedVersions =
          versions.stream().anyMatch(v -> v.threadedDpcObjectType().isPresent());
      // textbook (3.51 to 5.1) models threaded DPCs its kernels never had: its 0x18 is the
      // model's own, so only families with threaded DPCs are checked.
      assertEquals(p != Profiles.TEXTBOOK, threadedVersions, p.name());
      if (threadedVersions) {
        assertTrue(
            versions.stream()
                .anyMatch(v -> v.threadedDpcObjectType().getAsInt() == p.threadedDpcObjectType()),
            p.name());
      }
    }
  }

  @Test
  @DisplayName("P: threaded DPCs, watchdog and R-18 readings per profile")
  void behaviourReadings() {
    assertFalse(Profiles.WS03.threadedDefault());
    assertTrue(Profiles.WIN10.threadedDefault());
    assertFalse(Profiles.REACTOS.threadedSupported());
    assertTrue(Profiles.WIN10.watchdog());
    assertFalse(Profiles.WS03.watchdog());
    assertEquals(Profile.RequestClear.PASS_END_ONLY, Profiles.REACTOS.requestClear());
    assertEquals(Profile.RequestTest.IGNORES_REQUESTED, Profiles.REACTOS.tick().requestTest());
  }
}
