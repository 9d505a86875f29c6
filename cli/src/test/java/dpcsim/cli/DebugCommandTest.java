package dpcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dpcsim debug} driven through {@code --commands} on the fixture {@code
 * debug/two-cpus.yaml}, whose state follows from the rules (see the comment at the top of the
 * file): at 120us cpu 1 sits at DISPATCH with rxHigh ahead of rxLow in its normal list,
 * DpcInterruptRequested set and the IPI of R-14 serviced at 104.2us; the retire pass waits
 * for 300us.
 */
@DisplayName("dpcsim debug")
class DebugCommandTest {
  @TempDir Path dir;

  private static Path resource(String name) {
    try {
      return Path.of(DebugCommandTest.class.getResource("/debug/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private CliTest.Result debug(List<String> commands, String... options) throws IOException {
    Path script = dir.resolve("commands.txt");
    Files.write(script, commands);
    List<String> args = new ArrayList<>(List.of("debug", resource("two-cpus.yaml").toString()));
    args.addAll(List.of(options));
    args.addAll(List.of("--commands", script.toString()));
    CliTest.Result r = CliTest.dpcsim(args.toArray(String[]::new));
    assertEquals(0, r.status(), r.err());
    return r;
  }

  /** The lines a command printed: from the line after its echo to the next prompt. */
  private static List<String> outputOf(CliTest.Result r, String command) {
    List<String> lines = r.outLines();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches("\\d+: kd> " + java.util.regex.Pattern.quote(command))) {
        List<String> out = new ArrayList<>();
        for (int j = i + 1; j < lines.size() && !lines.get(j).matches("\\d+: kd> .*"); j++) {
          out.add(lines.get(j));
        }
        return out;
      }
    }
    throw new AssertionError("no '" + command + "' in\n" + r.out());
  }

  @Test
  @DisplayName("a scripted session prints exactly the transcript in debug/session.expected")
  void transcript() throws IOException {
    CliTest.Result r =
        CliTest.dpcsim(
            "debug",
            resource("two-cpus.yaml").toString(),
            "--break-at",
            "120us",
            "--commands",
            resource("session.txt").toString());
    assertEquals(0, r.status(), r.err());
    String expected =
        Files.readString(resource("session.expected"))
            .replace("FIXTURE/", resource("two-cpus.yaml").getParent().toString() + "/");
    assertEquals(expected, r.out());
    assertEquals("", r.err());
  }

  @Test
  @DisplayName("--engine actors prints the sequential engine's transcript (one node, then two)")
  void actorsTranscript() throws IOException {
    String expected =
        Files.readString(resource("session.expected"))
            .replace("FIXTURE/", resource("two-cpus.yaml").getParent().toString() + "/")
            .replace("engine sequential", "engine actors");
    for (List<String> nodes : List.of(List.<String>of(), List.of("--local-nodes", "2"))) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "debug",
                  resource("two-cpus.yaml").toString(),
                  "--engine",
                  "actors",
                  "--break-at",
                  "120us",
                  "--commands",
                  resource("session.txt").toString()));
      args.addAll(nodes);
      CliTest.Result r = CliTest.dpcsim(args.toArray(String[]::new));
      assertEquals(0, r.status(), r.err());
      assertEquals(expected, r.out(), nodes.toString());
    }
  }

  @Test
  @DisplayName("!dpcs: cpu 1's normal list head first, the High DPC ahead of the Low one (R-13)")
  void dpcs() throws IOException {
    CliTest.Result r = debug(List.of("!dpcs 1", "!dpcs 0"), "--break-at", "120us");
    assertEquals(
        List.of(
            "CPU Type      KDPC               Function",
            " 1: Normal  : 0xffffe00000100040 0xfffff80001000100 dpcsim!rxHigh  (HighImportance,"
                + " target 1)",
            " 1: Normal  : 0xffffe00000100000 0xfffff80001000000 dpcsim!rxLow  (LowImportance,"
                + " target 1)"),
        outputOf(r, "!dpcs 1"));
    assertEquals(List.of("No DPCs queued on processor 0"), outputOf(r, "!dpcs 0"));
  }

  @Test
  @DisplayName("!irql: raised cpu 1 and idle cpu 0 both at DISPATCH (R-30), an ISR at DIRQL")
  void irql() throws IOException {
    CliTest.Result r = debug(List.of("!irql 1", "!irql"), "--break-at", "120us");
    assertEquals(
        List.of("Debugger saved IRQL for processor 0x1 -- 2 (DISPATCH_LEVEL)"),
        outputOf(r, "!irql 1"));
    assertEquals(
        List.of("Debugger saved IRQL for processor 0x0 -- 2 (DISPATCH_LEVEL)"),
        outputOf(r, "!irql"));
    CliTest.Result inIsr = debug(List.of("!irql 0"), "--break-at", "101us");
    assertEquals(
        List.of("Debugger saved IRQL for processor 0x0 -- 5 (DIRQL)"), outputOf(inIsr, "!irql 0"));
  }

  @Test
  @DisplayName("!ipi: at 103us the IPI of R-14 is in flight; at 120us cpu 1 has serviced it")
  void ipi() throws IOException {
    CliTest.Result early = debug(List.of("!ipi 1", "!ipi 0"), "--break-at", "103us");
    assertTrue(outputOf(early, "!ipi 1").contains("      RequestsPending   1"), early.out());
    assertTrue(outputOf(early, "!ipi 1").contains("      Serviced          0"), early.out());
    assertTrue(outputOf(early, "!ipi 0").contains("      Sent              1"), early.out());
    assertTrue(outputOf(early, "!ipi 0").contains("      LastTarget        1"), early.out());
    CliTest.Result late = debug(List.of("!ipi 1"), "--break-at", "120us");
    assertEquals(
        List.of(
            "IPI State for Processor 1",
            "    As a receiver",
            "      RequestsPending   0",
            "      LastSender        0 (serviced at 104.2us (104200 ns))",
            "      Serviced          1",
            "    As a sender",
            "      Sent              0",
            "      LastTarget        none"),
        outputOf(late, "!ipi 1"));
  }

  @Test
  @DisplayName("!prcb: depth 2, count 2, DpcInterruptRequested set by the High insert (R-14)")
  void prcb() throws IOException {
    List<String> out = outputOf(debug(List.of("!prcb 1"), "--break-at", "120us"), "!prcb 1");
    assertEquals("PRCB for Processor 1 at fffff80002010000:", out.get(0));
    assertTrue(out.contains("DpcData[0] Normal   -- DpcQueueDepth 2  DpcCount 2"), out::toString);
    assertTrue(out.contains("DpcInterruptRequested 1"), out::toString);
    assertTrue(out.contains("DpcRoutineActive      0"), out::toString);
    assertTrue(out.contains("MaximumDpcQueueDepth  4"), out::toString);
    assertTrue(out.contains("Idle -- IdleSummary 0  IdleHalt 0"), out::toString);
  }

  @Test
  @DisplayName("dt _KDPC: ws03's 5.2 layout on x64 with the live Number, arguments and DpcData")
  void dt() throws IOException {
    List<String> out =
        outputOf(debug(List.of("dt _KDPC rxHigh"), "--break-at", "120us"), "dt _KDPC rxHigh");
    assertEquals(
        List.of(
            "dpcsim!_KDPC rxHigh at 0xffffe000`00100040 (queued on processor 1, normal list)",
            "   +0x000 Type             : 0x13 ''",
            "   +0x001 Importance       : 0x2 ''",
            "   +0x002 Number           : 0x41 'A'",
            "   +0x003 Expedite         : 0 ''",
            "   +0x008 DpcListEntry     : _LIST_ENTRY",
            "   +0x018 DeferredRoutine  : 0xfffff800`01000100     void  dpcsim!rxHigh+0",
            "   +0x020 DeferredContext  : 0x00000000`00000002",
            "   +0x028 SystemArgument1  : 0x00000000`00000033",
            "   +0x030 SystemArgument2  : 0x00000000`00000044",
            "   +0x038 DpcData          : 0xfffff800`02012180"),
        out);
  }

  @Test
  @DisplayName("dt _KDPC: textbook's kernel had no x64 build, so its x86 layout and a note (R-7)")
  void dtTextbook() throws IOException {
    Path scenario = dir.resolve("textbook.yaml");
    Files.writeString(
        scenario,
        Files.readString(resource("two-cpus.yaml")).replace("profile: ws03", "profile: textbook"));
    Path script = dir.resolve("dt.txt");
    Files.write(script, List.of("dt _KDPC rxHigh"));
    CliTest.Result r =
        CliTest.dpcsim(
            "debug", scenario.toString(), "--break-at", "120us", "--commands", script.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals(
        List.of(
            "dpcsim!_KDPC rxHigh at 0x00100040 (queued on processor 1, normal list)",
            "   +0x000 Type             : 0x13",
            "   +0x002 Number           : 0x41 'A'",
            "   +0x003 Importance       : 0x2 ''",
            "   +0x004 DpcListEntry     : _LIST_ENTRY",
            "   +0x00c DeferredRoutine  : 0x01000100     void  dpcsim!rxHigh+0",
            "   +0x010 DeferredContext  : 0x00000002",
            "   +0x014 SystemArgument1  : 0x00000033",
            "   +0x018 SystemArgument2  : 0x00000044",
            "   +0x01c Lock             : Ptr32 Uint4B",
            "note: profile textbook (NT 3.51 to 5.1) has no x64 build (Chappell, KDPC): its x86"
                + " layout, with the x64 model's values (addresses cut to 32 bits, Number biased"
                + " by 0x40)"),
        outputOf(r, "dt _KDPC rxHigh"));
  }

  @Test
  @DisplayName("--break-on dpc:NAME stops after the routine's start, on its processor")
  void breakOnDpc() throws IOException {
    CliTest.Result r = debug(List.of("!dpcs", "!prcb", "bl"), "--break-on", "dpc:rxHigh");
    List<String> lines = r.outLines();
    assertEquals("Breakpoint 0 hit: DpcStart rxHigh on cpu 1 at 300us (300000 ns)", lines.get(1));
    assertEquals("Break before 300.001us (300001 ns)", lines.get(2));
    assertEquals("1: kd> !dpcs", lines.get(3));
    // the running DPC has left the list (DpcData cleared before the call).
    assertEquals(
        List.of(
            "CPU Type      KDPC               Function",
            " 1: Normal  : 0xffffe00000100000 0xfffff80001000000 dpcsim!rxLow  (LowImportance,"
                + " target 1)"),
        outputOf(r, "!dpcs"));
    assertTrue(outputOf(r, "!prcb").contains("DpcRoutineActive      1"), r.out());
    assertEquals(List.of(" 0 e dpc:rxHigh"), outputOf(r, "bl"));
  }

  @Test
  @DisplayName("p steps one event; g TIME runs to before TIME; bp ipi breaks at the IPI's instant")
  void stepping() throws IOException {
    CliTest.Result r =
        debug(List.of("p", "g 100us", "bp ipi", "g", "!ipi 0", "bc *", "bl"), "--break-at", "0us");
    assertEquals(List.of("Stepped: one event at 0ns (0 ns)"), outputOf(r, "p"));
    assertEquals(List.of("Break before 100us (100000 ns)"), outputOf(r, "g 100us"));
    assertEquals(
        List.of(
            "Breakpoint 0 hit: IpiSend 0 -> 1 (DPC) on cpu 0 at 102.2us (102200 ns)",
            "Break before 102.201us (102201 ns)"),
        outputOf(r, "g"));
    assertTrue(outputOf(r, "!ipi 0").contains("      Sent              1"), r.out());
    assertEquals(List.of("No breakpoints"), outputOf(r, "bl"));
  }

  @Test
  @DisplayName("--break-on watchdog stops at the first violation of scenarios/watchdog.yaml (R-29)")
  void breakOnWatchdog() throws IOException {
    Path script = dir.resolve("wd.txt");
    Files.write(script, List.of("!prcb 0"));
    CliTest.Result r =
        CliTest.dpcsim(
            "debug",
            dpcsim.ExampleScenarios.repoRoot().resolve("scenarios/watchdog.yaml").toString(),
            "--break-on",
            "watchdog",
            "--commands",
            script.toString());
    assertEquals(0, r.status(), r.err());
    // p1 0: the single-DPC limit fires first, inside the 1.5 s routine.
    assertEquals(
        "Breakpoint 0 hit: Watchdog 0x133 (p1 0) on cpu 0 at 1.109375s (1109375000 ns)",
        r.outLines().get(1));
    assertTrue(outputOf(r, "!prcb 0").contains("DpcRoutineActive      1"), r.out());
  }

  @Test
  @DisplayName("bad commands get one line each and the session goes on")
  void badCommands() throws IOException {
    CliTest.Result r = debug(Files.readAllLines(resource("errors.txt")), "--break-at", "103us");
    assertEquals(
        List.of("No export dpcz found (type .help for the commands)"), outputOf(r, "!dpcz"));
    assertEquals(
        List.of("~99: no processor 99 (this machine has processors 0..1)"), outputOf(r, "~99"));
    assertEquals(
        List.of("Symbol nosuch not found: no KDPC of that name in this scenario"),
        outputOf(r, "dt _KDPC nosuch"));
    assertEquals(
        List.of("!irql 5: no processor 5 (this machine has processors 0..1)"),
        outputOf(r, "!irql 5"));
    assertEquals(
        List.of("bp: no KDPC named 'nosuch' in this scenario"), outputOf(r, "bp dpc:nosuch"));
    assertEquals(
        List.of("bp: unknown event 'nosuch' (expected ipi, watchdog or dpc:NAME)"),
        outputOf(r, "bp nosuch"));
    assertEquals(List.of("bc: no breakpoint 7 (bl lists them)"), outputOf(r, "bc 7"));
    assertEquals(
        List.of("g: 'soon' is not a duration (expected a number and a unit: ns, us, ms, s)"),
        outputOf(r, "g soon"));
    assertEquals(
        List.of("Unknown command 'foo' (type .help for the commands)"), outputOf(r, "foo"));
    // The session went on after all of them.
    assertEquals(
        "Debugger saved IRQL for processor 0x1 -- 2 (DISPATCH_LEVEL)",
        outputOf(r, "!irql 1").get(0));
  }

  @Test
  @DisplayName("q runs the rest: the trace hash equals an undisturbed run's")
  void quitCompletesTheRun() throws IOException {
    CliTest.Result r = debug(List.of("p", "p", "g 200us", "q"), "--break-on", "ipi");
    CliTest.Result plain =
        CliTest.dpcsim(
            "run", resource("two-cpus.yaml").toString(), "--engine", "sequential", "--json");
    String hash = plain.out().replaceAll("(?s).*\"traceSha256\":\"([0-9a-f]+)\".*", "$1").strip();
    assertEquals(
        List.of("Run complete at 1ms (1000000 ns): 17 trace events, traceSha256 " + hash),
        outputOf(r, "q"));
  }

  @Test
  @DisplayName("bad flags and files: one line, exit status 2")
  void badFlags() {
    String fixture = resource("two-cpus.yaml").toString();
    assertOneLineError(
        CliTest.dpcsim("debug", fixture, "--break-at", "soon", "--commands", fixture),
        "--break-at: 'soon' is not a duration");
    assertOneLineError(
        CliTest.dpcsim("debug", fixture, "--commands", dir.resolve("none.txt").toString()),
        "--commands: cannot read");
    assertOneLineError(
        CliTest.dpcsim("debug", fixture, "--break-on", "dpc:nosuch", "--commands", fixture),
        "--break-on bp: no KDPC named 'nosuch'");
    assertOneLineError(
        CliTest.dpcsim("debug", fixture, "--engine", "quantum", "--commands", fixture),
        "--engine: unknown engine 'quantum'");
    assertOneLineError(CliTest.dpcsim("debug", dir.resolve("none.yaml").toString()), "none.yaml");
  }

  private static void assertOneLineError(CliTest.Result r, String start) {
    assertEquals(2, r.status(), r.out() + r.err());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().contains(start), r.err());
  }
}
