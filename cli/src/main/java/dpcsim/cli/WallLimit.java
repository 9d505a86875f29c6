package dpcsim.cli;

import picocli.CommandLine.Option;

/**
 * {@code --max-wall D}, the wall-time limit {@code run}, {@code compare} and {@code bench} share.
 */
final class WallLimit {
  @Option(
      names = "--max-wall",
      paramLabel = "D",
      description =
          "stops after D of wall time (e.g. 30s, 2m) with one line and exit status 2; no output"
              + " is written")
  String value;
}
