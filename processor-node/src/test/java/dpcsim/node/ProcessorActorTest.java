package dpcsim.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.kernel.CrossCpu;
import dpcsim.lookahead.WindowReport;
import dpcsim.trace.TraceEvent;
import dpcsim.trace.TraceNames;
import dpcsim.trace.TraceRecord;
import dpcsim.wire.ProcessorMessage;
import dpcsim.wire.ProcessorReply;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.BehaviorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestInbox;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The processor shell, without threads (BehaviorTestKit + TestInbox). */
class ProcessorActorTest {
  private static final TraceNames NAMES =
      TraceNames.of(TestScenarios.parse(TestScenarios.REMOTE_HIGH));

  @Test
  @DisplayName("a window command: the processor runs to the horizon and reports what it did")
  void runsAWindow() {
    BehaviorTestKit<ProcessorMessage> kit =
        BehaviorTestKit.create(
            ProcessorActor.create(TestScenarios.window(TestScenarios.REMOTE_HIGH, 0)));
    TestInbox<ProcessorReply> inbox = TestInbox.create();
    kit.run(new ProcessorMessage.RunWindow(20_000, List.of(), inbox.getRef()));
    ProcessorReply.Ran ran = (ProcessorReply.Ran) inbox.receiveMessage();
    assertEquals(0, ran.cpu());
    WindowReport r = ran.report();
    // the insert targets CPU 1: a message leaves with the remote latency.
    assertEquals(1, r.outbound().size());
    CrossCpu.RemoteInsert m = (CrossCpu.RemoteInsert) r.outbound().get(0);
    assertEquals(10_200, m.arriveNs());
    assertEquals(1, m.to());
    assertEquals(7, m.arg1());
    assertTrue(r.status().nextEventTime() >= 20_000, "it ran to the horizon");
    assertTrue(
        r.trace().records(NAMES).stream()
            .map(TraceRecord::event)
            .anyMatch(e -> e instanceof TraceEvent.Idle),
        "CPU 0 is idle and says so");
    assertFalse(inbox.hasMessages());
  }

  @Test
  @DisplayName("the receiving processor applies the message on arrival and sends the IPI (R-14)")
  void receivesAndInterrupts() {
    BehaviorTestKit<ProcessorMessage> kit =
        BehaviorTestKit.create(
            ProcessorActor.create(TestScenarios.window(TestScenarios.REMOTE_HIGH, 1)));
    TestInbox<ProcessorReply> inbox = TestInbox.create();
    CrossCpu insert = new CrossCpu.RemoteInsert(0, 1, 10_200, 0, 0, 7, 8, 0);
    kit.run(new ProcessorMessage.RunWindow(30_000, List.of(insert), inbox.getRef()));
    List<TraceEvent> events =
        ((ProcessorReply.Ran) inbox.receiveMessage())
            .report().trace().records(NAMES).stream().map(TraceRecord::event).toList();
    // In emission order; the coordinator sorts the merged trace by (t, cpu, emitter, seq).
    assertEquals(
        List.of("DpcInsert", "DpcInterruptRequest", "IpiSend", "IpiReceive", "DpcStart", "DpcEnd"),
        events.stream().map(TraceEvent::ev).toList());
    TraceEvent.IpiSend send = (TraceEvent.IpiSend) events.get(2);
    assertEquals(0, send.cpu(), "traced on the sender");
    assertEquals(12_200, events.get(3).t());
  }

  @Test
  @DisplayName("a processor that throws reports the processor, the time and the cause, and stops")
  void crashIsReported() {
    BehaviorTestKit<ProcessorMessage> kit =
        BehaviorTestKit.create(
            ProcessorActor.create(TestScenarios.window(TestScenarios.REMOTE_HIGH, 1)));
    TestInbox<ProcessorReply> inbox = TestInbox.create();
    CrossCpu bogus = new CrossCpu.RemoteInsert(0, 1, 10_200, 0, 99, 0, 0, 0); // no DPC 99
    kit.run(new ProcessorMessage.RunWindow(30_000, List.of(bogus), inbox.getRef()));
    ProcessorReply.Crashed c =
        assertInstanceOf(ProcessorReply.Crashed.class, inbox.receiveMessage());
    assertEquals(1, c.cpu());
    assertEquals(10_200, c.timeNs());
    assertFalse(c.scenarioFault(), "a bad message is the simulator's fault, not the scenario's");
    assertFalse(kit.isAlive());
  }
}
