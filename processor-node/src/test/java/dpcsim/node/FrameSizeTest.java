package dpcsim.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.kernel.CrossCpu;
import dpcsim.kernel.EventKey;
import dpcsim.lookahead.ProcessorStatus;
import dpcsim.trace.TraceBuffer;
import dpcsim.trace.TraceKind;
import dpcsim.trace.TraceNames;
import dpcsim.wire.DriverMessage;
import dpcsim.wire.RunReply;
import dpcsim.wire.ScenarioSource;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** No message a node sends may exceed Artery's default frame (256 KiB). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrameSizeTest {
  static final int FRAME = 256 * 1024;
  final ActorTestKit testKit = ActorTestKit.create("frames");

  @AfterAll
  void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  @DisplayName("a full report part, with the widest numbers in every column and messages, fits")
  void fullPartFits() throws Exception {
    TraceBuffer records = new TraceBuffer(TraceNames.NONE, ReportParts.RECORDS);
    List<CrossCpu> messages = new ArrayList<>();
    for (int i = 0; i < ReportParts.RECORDS; i++) {
      // Names travel as indices: a 64-character name costs what a short one does.
      records.emit(
          TraceKind.DPC_START,
          Long.MAX_VALUE - i,
          2047,
          Integer.MAX_VALUE,
          Integer.MIN_VALUE,
          Integer.MAX_VALUE,
          -1L,
          Long.MIN_VALUE,
          Long.MAX_VALUE,
          2047,
          Long.MAX_VALUE - i);
      messages.add(
          new CrossCpu.RemoteInsert(
              2047, 2046, Long.MAX_VALUE, Long.MAX_VALUE - i, 4095, -1, -1, 2048));
    }
    List<ProcessorStatus> statuses = new ArrayList<>();
    for (int i = 0; i < ReportParts.ENTRIES; i++) {
      statuses.add(
          new ProcessorStatus(
              2047 - i,
              Long.MAX_VALUE,
              Long.MAX_VALUE,
              new EventKey(Long.MAX_VALUE, Integer.MAX_VALUE, 2047, 2047, Long.MAX_VALUE),
              Long.MAX_VALUE,
              Long.MAX_VALUE,
              Long.MAX_VALUE,
              Long.MAX_VALUE,
              Long.MAX_VALUE,
              Long.MAX_VALUE));
    }
    DriverMessage.Report report =
        new DriverMessage.Report(
            "run-1",
            Long.MAX_VALUE,
            "pekko://dpcsim@127.0.0.1:25520",
            records.columns(0, records.size()),
            statuses,
            messages.subList(0, ReportParts.ENTRIES),
            true,
            Long.MAX_VALUE,
            Long.MAX_VALUE,
            Long.MAX_VALUE,
            Long.MAX_VALUE,
            Long.MAX_VALUE);
    assertTrue(roundTrip(report, FRAME).equals(report), "round trip through jackson-cbor");
  }

  @Test
  @DisplayName("a full trace batch to the client, the widest numbers in every column, fits")
  void fullTraceBatchFits() throws Exception {
    TraceBuffer events = new TraceBuffer(TraceNames.NONE, RunReply.TraceBatch.MAX_EVENTS);
    for (int i = 0; i < RunReply.TraceBatch.MAX_EVENTS; i++) {
      events.emit(
          TraceKind.WATCHDOG,
          Long.MAX_VALUE - i,
          2047,
          Integer.MIN_VALUE,
          Integer.MIN_VALUE,
          Integer.MIN_VALUE,
          Long.MIN_VALUE,
          Long.MIN_VALUE,
          Long.MIN_VALUE,
          2047,
          Long.MAX_VALUE - i);
    }
    RunReply.TraceBatch batch =
        new RunReply.TraceBatch(
            "run-1",
            Long.MAX_VALUE,
            events.columns(0, events.size()),
            testKit.<DriverMessage>createTestProbe().getRef());
    assertEquals(batch.events(), ((RunReply.TraceBatch) roundTrip(batch, FRAME)).events());
  }

  @Test
  @DisplayName("scenario text travels gzipped: DPC-PHOLD on 2048 processors (1.5 MB of YAML) fits")
  void largestScenarioFits() throws Exception {
    String text = dpcsim.scenario.Phold.yaml(2048, 4, 0.25, "10us", 42, "1ms");
    assertTrue(text.length() > FRAME, "the text alone is over a frame: " + text.length());
    ScenarioSource source = new ScenarioSource(text, "phold.yaml", 42, -1, "win10");
    assertEquals(source, roundTrip(source, FRAME / 2), "round trip through jackson-cbor");
  }

  /** Serializes {@code message} as Artery would, checks its size, and reads it back. */
  private Object roundTrip(Object message, int limit) {
    Serialization serialization = SerializationExtension.get(testKit.system());
    byte[] bytes = serialization.serialize(message).get();
    assertTrue(bytes.length < limit, bytes.length + " bytes, limit " + limit);
    return serialization
        .deserialize(
            bytes,
            serialization.findSerializerFor(message).identifier(),
            org.apache.pekko.serialization.Serializers.manifestFor(
                serialization.findSerializerFor(message), message))
        .get();
  }
}
