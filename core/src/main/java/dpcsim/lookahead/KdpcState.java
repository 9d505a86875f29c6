package dpcsim.lookahead;

/**
 * The fields of a shared KDPC as one node sees them after a shared step: what another node must
 * know before it touches the same KDPC. {@code queueOwner} is the processor whose list holds the
 * DPC (its DpcData), or -1 when it is not inserted.
 */
public record KdpcState(
    int dpc,
    int importance,
    int number,
    long systemArgument1,
    long systemArgument2,
    int queueOwner,
    boolean threadedList) {}
