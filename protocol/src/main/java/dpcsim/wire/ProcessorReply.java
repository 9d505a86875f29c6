package dpcsim.wire;

import dpcsim.lookahead.WindowReport;

/** A processor actor's answers. */
public sealed interface ProcessorReply extends CborSerializable {
  /** What the processor did. */
  record Ran(int cpu, WindowReport report) implements ProcessorReply {}

  /**
   * The processor threw; it is stopped.
   *
   * @param scenarioFault the scenario caused it (exit 2), else an internal error (exit 1)
   */
  record Crashed(int cpu, long timeNs, String cause, boolean scenarioFault)
      implements ProcessorReply {}
}
