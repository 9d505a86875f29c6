package dpcsim.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The few shell command lines a documentation excerpt may show after {@code $ }: {@code ./dpcsim
 * ARGS}, optionally with {@code 2>/dev/null} and piped through {@code head -N}, {@code tail -N} or
 * {@code grep [-v] [-F] PATTERN} (a Java regular expression, so keep patterns to plain text that
 * means the same to grep), or {@code echo $?} for the previous command's exit status. Anything else
 * is refused, so an excerpt never shows a command the test did not run.
 *
 * @param args the dpcsim arguments, empty for {@code echo $?}
 * @param dropStderr {@code 2>/dev/null} was given
 * @param filters the pipeline after dpcsim, in order
 */
record ShellLine(List<String> args, boolean dropStderr, List<Filter> filters) {

  /** One stage of a pipeline after dpcsim. */
  sealed interface Filter {
    List<String> apply(List<String> lines);
  }

  /** {@code head -N}. */
  record Head(int n) implements Filter {
    @Override
    public List<String> apply(List<String> lines) {
      return lines.subList(0, Math.min(n, lines.size()));
    }
  }

  /** {@code tail -N}. */
  record Tail(int n) implements Filter {
    @Override
    public List<String> apply(List<String> lines) {
      return lines.subList(Math.max(0, lines.size() - n), lines.size());
    }
  }

  /** {@code grep [-v] [-F] PATTERN}. */
  record Grep(Pattern pattern, boolean invert) implements Filter {
    @Override
    public List<String> apply(List<String> lines) {
      return lines.stream().filter(l -> pattern.matcher(l).find() != invert).toList();
    }
  }

  /**
   * @return true for {@code echo $?}
   */
  boolean echoStatus() {
    return args.isEmpty();
  }

  /**
   * @param command the text after {@code $ }
   * @throws IllegalArgumentException naming what is not supported
   */
  static ShellLine parse(String command) {
    List<List<String>> stages = split(tokens(command));
    List<String> first = stages.get(0);
    if (stages.size() == 1 && first.equals(List.of("echo", "$?"))) {
      return new ShellLine(List.of(), false, List.of());
    }
    if (first.isEmpty() || !first.get(0).equals("./dpcsim")) {
      throw new IllegalArgumentException("only ./dpcsim and echo $? can be run: " + command);
    }
    List<String> args = new ArrayList<>(first.subList(1, first.size()));
    boolean dropStderr = args.remove("2>/dev/null");
    for (String a : args) {
      if (a.startsWith(">") || a.startsWith("<") || a.startsWith("2>") || a.equals("&")) {
        throw new IllegalArgumentException("redirection '" + a + "' is not supported: " + command);
      }
    }
    List<Filter> filters = new ArrayList<>();
    for (List<String> stage : stages.subList(1, stages.size())) {
      filters.add(filter(stage, command));
    }
    return new ShellLine(List.copyOf(args), dropStderr, List.copyOf(filters));
  }

  private static Filter filter(List<String> stage, String command) {
    String name = stage.isEmpty() ? "" : stage.get(0);
    List<String> rest = stage.subList(Math.min(1, stage.size()), stage.size());
    switch (name) {
      case "head", "tail" -> {
        int n = count(rest, command);
        return name.equals("head") ? new Head(n) : new Tail(n);
      }
      case "grep" -> {
        boolean invert = false;
        boolean fixed = false;
        int i = 0;
        for (; i < rest.size() && rest.get(i).startsWith("-"); i++) {
          switch (rest.get(i)) {
            case "-v" -> invert = true;
            case "-F" -> fixed = true;
            default ->
                throw new IllegalArgumentException(
                    "grep option " + rest.get(i) + " is not supported: " + command);
          }
        }
        if (i != rest.size() - 1) {
          throw new IllegalArgumentException("grep takes one pattern: " + command);
        }
        String p = rest.get(i);
        return new Grep(Pattern.compile(fixed ? Pattern.quote(p) : p), invert);
      }
      default -> throw new IllegalArgumentException("cannot pipe into '" + name + "': " + command);
    }
  }

  /** {@code -N} or {@code -n N}. */
  private static int count(List<String> rest, String command) {
    try {
      if (rest.size() == 1 && rest.get(0).startsWith("-")) {
        return Integer.parseInt(rest.get(0).substring(1));
      }
      if (rest.size() == 2 && rest.get(0).equals("-n")) {
        return Integer.parseInt(rest.get(1));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("head/tail take -N or -n N: " + command);
  }

  /** A word of the command line, or an unquoted {@code |} (a quoted one stays a word). */
  private record Token(String word, boolean pipe) {}

  private static final Token PIPE = new Token("|", true);

  /** Splits the tokens at each unquoted {@code |}. */
  private static List<List<String>> split(List<Token> tokens) {
    List<List<String>> stages = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (Token t : tokens) {
      if (t.pipe()) {
        stages.add(current);
        current = new ArrayList<>();
      } else {
        current.add(t.word());
      }
    }
    stages.add(current);
    return stages;
  }

  /** Words as a POSIX shell splits them: single quotes literal, double quotes with \" and \\. */
  private static List<Token> tokens(String s) {
    List<Token> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'') {
        int end = s.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed ' in: " + s);
        }
        word.append(s, i + 1, end);
        i = end;
        inWord = true;
      } else if (c == '"') {
        int j = i + 1;
        for (; j < s.length() && s.charAt(j) != '"'; j++) {
          char d = s.charAt(j);
          if (d == '\\' && j + 1 < s.length() && "\"\\$`".indexOf(s.charAt(j + 1)) >= 0) {
            d = s.charAt(++j);
          }
          word.append(d);
        }
        if (j >= s.length()) {
          throw new IllegalArgumentException("unclosed \" in: " + s);
        }
        i = j;
        inWord = true;
      } else if (c == '\\' && i + 1 < s.length()) {
        word.append(s.charAt(++i));
        inWord = true;
      } else if (c == '|') {
        if (inWord) {
          out.add(new Token(word.toString(), false));
          word.setLength(0);
          inWord = false;
        }
        out.add(PIPE);
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          out.add(new Token(word.toString(), false));
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      out.add(new Token(word.toString(), false));
    }
    return out;
  }
}
