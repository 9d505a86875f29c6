package dpcsim.scenario;

/**
 * One operation a scenario can perform: a script action or a routine/ISR {@code then} step.
 * Routines and ISRs may only use {@link Insert}, {@link Remove}, {@link SetImportance} and {@link
 * SetTarget} (the loader enforces it).
 */
public sealed interface Op {
  /**
   * The {@code dpcIndex} of an operation built by hand rather than loaded: the kernel then looks
   * the KDPC up by name.
   */
  int UNRESOLVED = -1;

  /**
   * @return the scenario spelling of the operation ({@code insert}, {@code raiseIrql}, ...)
   */
  String kind();

  /**
   * KeInsertQueueDpc(dpc, arg1, arg2) (R-11..R-16).
   *
   * @param remote null for a plain insertion; otherwise the step is {@code target: { random: P }}
   *     (routines and ISRs only): KeSetTargetProcessorDpc to a processor chosen when the step runs
   *     (with probability P uniform over all processors, else the one running the step), then the
   *     insertion
   * @param dpcIndex the DPC's position in the scenario's {@code dpcs}, resolved when the scenario
   *     loads so that performing the step looks nothing up by name; or {@link #UNRESOLVED}
   */
  record Insert(String dpc, int dpcIndex, long arg1, long arg2, Double remote) implements Op {
    /** An insertion whose DPC is found by name when it runs ({@link #UNRESOLVED}). */
    public Insert(String dpc, long arg1, long arg2, Double remote) {
      this(dpc, UNRESOLVED, arg1, arg2, remote);
    }

    /** A plain insertion, with the DPC's target as it stands, found by name when it runs. */
    public Insert(String dpc, long arg1, long arg2) {
      this(dpc, arg1, arg2, null);
    }

    /**
     * @return true if the step chooses the target at random before inserting
     */
    public boolean retargets() {
      return remote != null;
    }

    @Override
    public String kind() {
      return "insert";
    }
  }

  /**
   * KeRemoveQueueDpc.
   *
   * @param dpcIndex as in {@link Insert}
   */
  record Remove(String dpc, int dpcIndex) implements Op {
    /** A removal whose DPC is found by name when it runs. */
    public Remove(String dpc) {
      this(dpc, UNRESOLVED);
    }

    @Override
    public String kind() {
      return "remove";
    }
  }

  /**
   * KeSetImportanceDpc (R-4, R-6: no effect on a queued DPC until it is inserted again).
   *
   * @param dpcIndex as in {@link Insert}
   */
  record SetImportance(String dpc, int dpcIndex, Importance importance) implements Op {
    /** A change whose DPC is found by name when it runs. */
    public SetImportance(String dpc, Importance importance) {
      this(dpc, UNRESOLVED, importance);
    }

    @Override
    public String kind() {
      return "setImportance";
    }
  }

  /**
   * KeSetTargetProcessorDpc; a null target makes the DPC untargeted again.
   *
   * @param dpcIndex as in {@link Insert}
   */
  record SetTarget(String dpc, int dpcIndex, Integer target) implements Op {
    /** A change whose DPC is found by name when it runs. */
    public SetTarget(String dpc, Integer target) {
      this(dpc, UNRESOLVED, target);
    }

    @Override
    public String kind() {
      return "setTarget";
    }
  }

  /** KeRaiseIrql on the processor's current thread. */
  record RaiseIrql(Irql level) implements Op {
    @Override
    public String kind() {
      return "raiseIrql";
    }
  }

  /** KeLowerIrql on the processor's current thread. */
  record LowerIrql(Irql level) implements Op {
    @Override
    public String kind() {
      return "lowerIrql";
    }
  }

  /** The processor has PASSIVE-level thread work for the given span. */
  record RunThread(long forNs) implements Op {
    @Override
    public String kind() {
      return "runThread";
    }
  }

  /** One interrupt from the named device, now, on the action's processor. */
  record Interrupt(String device) implements Op {
    @Override
    public String kind() {
      return "interrupt";
    }
  }

  /** KeFlushQueuedDpcs. */
  record Flush() implements Op {
    @Override
    public String kind() {
      return "flush";
    }
  }

  /** Changes one global tunable; the per-processor copies are not rewritten. */
  record SetTunable(Tunable name, long value) implements Op {
    @Override
    public String kind() {
      return "setTunable";
    }
  }

  /** Makes the processor idle-halted now, if it is idle. */
  record Halt() implements Op {
    @Override
    public String kind() {
      return "halt";
    }
  }
}
