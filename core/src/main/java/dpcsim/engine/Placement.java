package dpcsim.engine;

/**
 * Where a run's processors ran: processors {@code [firstCpu, endCpu)} on the node at {@code
 * address} ({@code local} for an engine without nodes).
 */
public record Placement(String address, int firstCpu, int endCpu) {}
