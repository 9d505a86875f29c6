package dpcsim.kernel;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * An effect one processor has on another (DESIGN.md, "Simulated time"). It is created by the
 * sending processor at simulated time {@code arriveNs - latency} and applied by the receiving one
 * at {@code arriveNs}; {@code originSeq} (the sender's running count) orders messages that arrive
 * at the same instant, so the order never depends on delivery order.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = CrossCpu.RemoteInsert.class, name = "RemoteInsert"),
  @JsonSubTypes.Type(value = CrossCpu.RemoteRemove.class, name = "RemoteRemove"),
  @JsonSubTypes.Type(value = CrossCpu.FlushRequest.class, name = "FlushRequest")
})
public sealed interface CrossCpu {
  /**
   * @return the sending processor
   */
  int from();

  /**
   * @return the receiving processor
   */
  int to();

  /**
   * @return the simulated time the effect takes place on the receiver
   */
  long arriveNs();

  /**
   * @return the sender's sequence number for this message
   */
  long originSeq();

  /**
   * KeInsertQueueDpc into another processor's queue (R-11..R-16 are applied on arrival).
   *
   * @param number the KDPC's Number when sent: a token KDPC (one holder at a time, possibly on
   *     another node with its own copy of the KDPC) takes it on arrival, so the copy there is whole
   */
  record RemoteInsert(
      int from, int to, long arriveNs, long originSeq, int dpc, long arg1, long arg2, int number)
      implements CrossCpu {}

  /** KeRemoveQueueDpc of a DPC that sits in another processor's queue. */
  record RemoteRemove(int from, int to, long arriveNs, long originSeq, int dpc)
      implements CrossCpu {}

  /** KeFlushQueuedDpcs reaching another processor. */
  record FlushRequest(int from, int to, long arriveNs, long originSeq) implements CrossCpu {}
}
