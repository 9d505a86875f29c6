package dpcsim;

import dpcsim.engine.SequentialRun;
import dpcsim.engine.TraceOutputs;
import dpcsim.kernel.Kdpc;
import dpcsim.kernel.KdpcTable;
import dpcsim.kernel.Machine;
import dpcsim.kernel.Processor;
import dpcsim.kernel.Profiles;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioException;
import dpcsim.scenario.ScenarioLoader;
import dpcsim.trace.JsonLine;
import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A whole run for kernel tests, through the real {@link SequentialRun} with every invariant checked
 * after each event ({@link SequentialRun#checkInvariants}): the ordered trace (Tick events
 * included) collected in a list, the processors and KDPCs open for inspection. Not an engine of its
 * own.
 */
public final class Runs {
  /** The run's processors, indexed by number: read them, never change them. */
  public final Processor[] cpus;

  /** The machine the run simulates. */
  public final Machine machine;

  /** The run's KDPC objects. */
  public final KdpcTable kdpcs;

  /** The ordered trace, complete once {@link #run} returned. */
  public final List<TraceEvent> trace = Collections.synchronizedList(new ArrayList<>());

  private final SequentialRun run;

  private Runs(Scenario scenario) {
    TraceConsumer collect =
        new TraceConsumer() {
          @Override
          public void accept(TraceEvent event) {
            trace.add(event);
          }
        };
    run =
        new SequentialRun(
                scenario, new TraceOutputs(null, false, List.of(collect)), Function.identity())
            .checkInvariants();
    machine = run.machine();
    kdpcs = run.kdpcs();
    cpus = new Processor[machine.processors()];
    for (int i = 0; i < cpus.length; i++) {
      cpus[i] = run.processor(i);
    }
  }

  /** Parses {@code yaml} (a scenario, any profile) and prepares its run. */
  public static Runs of(String yaml) {
    try {
      return of(ScenarioLoader.parse(yaml, "test.yaml", new LinkedHashSet<>(Profiles.names())));
    } catch (ScenarioException e) {
      throw new AssertionError("test scenario does not load: " + e.getMessage(), e);
    }
  }

  /** Prepares the run of {@code scenario}. */
  public static Runs of(Scenario scenario) {
    return new Runs(scenario);
  }

  /** Runs to the scenario's end (its duration, or a stopping watchdog) and returns this. */
  public Runs run() {
    run.finish();
    return this;
  }

  /**
   * Processes every event up to and including {@code limit}, to inspect the processors there (the
   * trace is complete only after {@link #run}).
   */
  public Runs runUntil(long limit) {
    run.runBefore(limit + 1);
    return this;
  }

  /**
   * @return the KDPC named {@code name}
   */
  public Kdpc dpc(String name) {
    return kdpcs.get(machine.dpcIndex(name));
  }

  /**
   * @return the trace events of type {@code type}, in trace order
   */
  public <T extends TraceEvent> List<T> events(Class<T> type) {
    synchronized (trace) {
      return trace.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }
  }

  /**
   * @return the events of type {@code type} matching {@code filter}
   */
  public <T extends TraceEvent> List<T> events(Class<T> type, Predicate<T> filter) {
    return events(type).stream().filter(filter).collect(Collectors.toList());
  }

  /**
   * @return the DPC names in the order their routines started on {@code cpu}
   */
  public List<String> startOrder(int cpu) {
    return events(TraceEvent.DpcStart.class, e -> e.cpu() == cpu).stream()
        .map(TraceEvent.DpcStart::dpc)
        .collect(Collectors.toList());
  }

  /**
   * @return the trace as compact text lines, for failure messages
   */
  public String dump() {
    StringBuilder sb = new StringBuilder();
    JsonLine line = new JsonLine();
    synchronized (trace) {
      for (TraceEvent e : trace) {
        line.clear();
        e.writeJson(line);
        sb.append(line).append('\n');
      }
    }
    return sb.toString();
  }
}
