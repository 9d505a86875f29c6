package dpcsim.debug;

import java.util.List;

/** The text of {@code .help}. */
final class Help {
  private Help() {}

  static final List<String> LINES =
      List.of(
          "!dpcs [cpu]         DPC queues in queue order (Normal : / Threaded:)",
          "!irql [cpu]         the processor's IRQL",
          "!ipi [cpu]          IPI state: requests pending, last sender, counts",
          "!prcb [cpu]         the KPRCB's DPC fields",
          "dt _KDPC NAME       the KDPC's members at their offsets, live values",
          "~N                  switch to processor N",
          "g [time]            continue (to before a simulated time, e.g. g 250us)",
          "p                   step (sequential: one event; actors: one instant)",
          "bp ipi|watchdog|dpc:NAME   break after the instant of such an event",
          "bl                  list breakpoints",
          "bc N|*              clear breakpoint N or all",
          "q                   run to the end and quit",
          ".help               this text");
}
