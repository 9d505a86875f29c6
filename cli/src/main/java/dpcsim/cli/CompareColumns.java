package dpcsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The columns of {@code dpcsim compare}: kernel profiles ({@code --profiles}), variants of one file
 * ({@code --variant NAME:PATH=VALUE;...}), several files, or variants or files each under several
 * profiles. Each column is one run.
 */
final class CompareColumns {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.+-]{1,40}");

  private CompareColumns() {}

  /**
   * One column.
   *
   * @param label its heading
   * @param file the scenario file
   * @param sets the {@code --set} settings it runs with (the command's, then its variant's)
   * @param profile the profile it runs under, or null for the file's own
   * @param origin how an error about it starts: {@code --variant threaded: }, or empty
   */
  record Column(String label, Path file, List<String> sets, String profile, String origin) {}

  /**
   * @return the columns, in order: each base (file or variant) under each profile
   * @throws UserError if the flags do not describe at least one column, or a variant is malformed
   */
  static List<Column> of(
      List<Path> files, List<String> variants, List<String> profiles, List<String> sets) {
    if (files.size() > 1 && !variants.isEmpty()) {
      throw new UserError(
          "--variant compares variants of one file: give one SCENARIO, or several files without"
              + " --variant");
    }
    if (files.size() == 1 && variants.isEmpty() && profiles == null) {
      throw new UserError(
          "compare needs columns: --profiles P1,P2,..., --variant NAME:PATH=VALUE;... (once per"
              + " column), or several SCENARIO files");
    }
    // Given at all, the list is checked (an empty or repeated name is an error).
    List<String> chosen = profiles == null ? null : CompareCommand.checkProfiles(profiles);
    List<Base> bases = new ArrayList<>();
    if (!variants.isEmpty()) {
      Set<String> seen = new HashSet<>();
      for (String v : variants) {
        Base b = variant(files.get(0), v, sets);
        if (!seen.add(b.label())) {
          throw new UserError("--variant " + v + ": the name '" + b.label() + "' is used twice");
        }
        bases.add(b);
      }
    } else if (files.size() > 1) {
      List<String> names = files.stream().map(CompareColumns::baseName).toList();
      boolean unique = new LinkedHashSet<>(names).size() == names.size();
      for (int i = 0; i < files.size(); i++) {
        bases.add(
            new Base(unique ? names.get(i) : files.get(i).toString(), files.get(i), sets, ""));
      }
    } else {
      bases.add(new Base(null, files.get(0), sets, ""));
    }
    List<Column> out = new ArrayList<>();
    for (Base b : bases) {
      if (chosen == null) {
        out.add(new Column(b.label(), b.file(), b.sets(), null, b.origin()));
        continue;
      }
      for (String p : chosen) {
        out.add(
            new Column(
                b.label() == null ? p : b.label() + "/" + p, b.file(), b.sets(), p, b.origin()));
      }
    }
    return out;
  }

  private record Base(String label, Path file, List<String> sets, String origin) {}

  /** {@code NAME:PATH=VALUE;PATH=VALUE}, or {@code NAME:} for the file as it is. */
  private static Base variant(Path file, String spec, List<String> sets) {
    int colon = spec.indexOf(':');
    String name = colon < 0 ? spec : spec.substring(0, colon);
    if (colon < 0 || !NAME.matcher(name).matches()) {
      throw new UserError(
          "--variant "
              + spec
              + ": expected NAME:PATH=VALUE;... (NAME of letters, digits, _.+-; nothing after the"
              + " colon runs the file as it is), e.g. threaded:dpcs.nicRx.threaded=true");
    }
    List<String> all = new ArrayList<>(sets);
    for (String s : spec.substring(colon + 1).split(";")) {
      if (!s.isBlank()) {
        all.add(s.strip());
      }
    }
    return new Base(name, file, all, "--variant " + name + ": ");
  }

  private static String baseName(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
