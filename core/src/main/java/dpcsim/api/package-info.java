/**
 * dpcsim as a Java library (docs/api.md): build a scenario in code or load it from YAML, run it,
 * and assert on its latencies, without the {@code dpcsim} command.
 *
 * <pre>{@code
 * import static dpcsim.api.Action.insert;
 * import static dpcsim.api.DurationSpec.exp;
 * import static dpcsim.scenario.Importance.HIGH;
 *
 * Scenario s = Scenarios.builder().profile("win10").processors(4).seed(7).duration("200ms")
 *     .dpc("nicRx", d -> d.importance(HIGH).routine(exp("20us")))
 *     .device("nic", d -> d.poisson(20_000).cpus(0).isr("2us", insert("nicRx")))
 *     .build();
 * SimulationResult r = Simulation.run(s);
 * assertTrue(r.dpc("nicRx").latency().p99() < 100_000); // ns
 * }</pre>
 *
 * <ul>
 *   <li>{@link dpcsim.api.Scenarios}: {@code builder()}, {@code fromYaml(text)}, {@code
 *       load(path)}; {@link dpcsim.scenario.Scenario#toYaml()} writes one back.
 *   <li>{@link dpcsim.api.ScenarioBuilder}, {@link dpcsim.api.DpcBuilder}, {@link
 *       dpcsim.api.DeviceBuilder}, {@link dpcsim.api.Action}, {@link dpcsim.api.DurationSpec}: the
 *       keys of docs/scenario-format.md as methods. A bad value fails with the YAML loader's own
 *       message ({@link dpcsim.api.InvalidScenarioException}).
 *   <li>{@link dpcsim.api.Simulation#run}: the sequential engine; {@link
 *       dpcsim.api.SimulationResult} by KDPC, device and processor.
 * </ul>
 */
package dpcsim.api;
