package dpcsim.kernel;

import dpcsim.invariant.Invariants;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioException;
import dpcsim.scenario.ScenarioLoader;
import dpcsim.scenario.ScriptAction;
import dpcsim.trace.InstantSorter;
import dpcsim.trace.JsonLine;
import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A minimal engine for kernel tests: the processors of a scenario stepped in global key order (a
 * linear scan: tests are small), the ordered trace collected in a list. After every step it checks
 * every invariant of {@link Invariants#all}.
 */
final class Sim {
  final Machine machine;
  final KdpcTable kdpcs;
  final Processor[] cpus;
  final List<TraceEvent> trace = new ArrayList<>();
  private final InstantSorter sorter;
  private final ArrayDeque<CrossCpu> mail = new ArrayDeque<>();
  private long lastTime;
  private final Invariants checks;

  private Sim(Scenario scenario) {
    machine = new Machine(scenario);
    kdpcs = new KdpcTable(machine);
    sorter =
        new InstantSorter(
            new TraceConsumer() {
              @Override
              public void accept(TraceEvent event) {
                trace.add(event);
              }
            });
    cpus = new Processor[machine.processors()];
    for (int i = 0; i < cpus.length; i++) {
      cpus[i] = new Processor(i, machine, kdpcs, sorter, mail::add);
    }
    for (Processor p : cpus) {
      p.start();
      for (ScriptAction a : machine.globalChanges()) {
        p.scheduleTunableChange(a);
      }
    }
    checks = Invariants.forRun(cpus, kdpcs);
  }

  /** Parses {@code yaml} (a scenario) and prepares its processors. */
  static Sim of(String yaml) {
    try {
      return new Sim(
          ScenarioLoader.parse(yaml, "test.yaml", new LinkedHashSet<>(Profiles.names())));
    } catch (ScenarioException e) {
      throw new AssertionError("test scenario does not load: " + e.getMessage(), e);
    }
  }

  /** Runs to the scenario's duration and returns this. */
  Sim run() {
    return runUntil(machine.durationNs());
  }

  /** Processes every event up to and including {@code limit}. */
  Sim runUntil(long limit) {
    while (true) {
      Processor next = null;
      for (Processor p : cpus) {
        if (p.peek() != null && (next == null || Processor.compareNext(p, next) < 0)) {
          next = p;
        }
      }
      if (next == null || next.nextEventTime() > limit) {
        break;
      }
      if (next.nextEventTime() < lastTime) {
        throw new AssertionError("time went back on cpu " + next.cpu());
      }
      lastTime = next.nextEventTime();
      String kind = next.nextEventKind();
      next.step();
      deliver();
      checks.afterEvent(lastTime, next.cpu(), kind);
      if (next.stopRequested()) {
        limit = Math.min(limit, next.now());
      }
    }
    sorter.finish(limit);
    return this;
  }

  private void deliver() {
    CrossCpu m;
    while ((m = mail.poll()) != null) {
      cpus[m.to()].deliver(m);
    }
  }

  Kdpc dpc(String name) {
    return kdpcs.get(machine.dpcIndex(name));
  }

  /**
   * @return the trace events of type {@code type}, in trace order
   */
  <T extends TraceEvent> List<T> events(Class<T> type) {
    return trace.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
  }

  /**
   * @return the events of type {@code type} matching {@code filter}
   */
  <T extends TraceEvent> List<T> events(Class<T> type, Predicate<T> filter) {
    return events(type).stream().filter(filter).collect(Collectors.toList());
  }

  /**
   * @return the DPC names in the order their routines started on {@code cpu}
   */
  List<String> startOrder(int cpu) {
    return events(TraceEvent.DpcStart.class, e -> e.cpu() == cpu).stream()
        .map(TraceEvent.DpcStart::dpc)
        .collect(Collectors.toList());
  }

  /**
   * @return the trace as compact text lines, for failure messages
   */
  String dump() {
    StringBuilder sb = new StringBuilder();
    JsonLine line = new JsonLine();
    for (TraceEvent e : trace) {
      line.clear();
      e.writeJson(line);
      sb.append(line).append('\n');
    }
    return sb.toString();
  }
}
