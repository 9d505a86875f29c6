package dpcsim.debug;

import dpcsim.scenario.Importance;

/** KDPC_IMPORTANCE names as the WDK spells them: LowImportance, HighImportance, ... */
final class ImportanceText {
  private ImportanceText() {}

  static String of(Importance i) {
    return switch (i) {
      case LOW -> "LowImportance";
      case MEDIUM -> "MediumImportance";
      case HIGH -> "HighImportance";
      case MEDIUM_HIGH -> "MediumHighImportance";
    };
  }
}
