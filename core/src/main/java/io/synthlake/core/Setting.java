package io.synthlake.core;

import java.util.Locale;

/**
 * The settings a user chooses, each with its name in the Java API and on the command line. Error
 * messages take settings as arguments, so the one exception reads {@code
 * GenerateOptions.withFirstRow} to a Java user and {@code --first-row} to a CLI user ({@link
 * SynthlakeException#messageFor(Audience)}).
 */
public enum Setting {
  SAMPLE_ROWS("FitOptions.sampleRows", "--sample-rows"),
  EXCLUDE("FitOptions.exclude", "--exclude"),
  KIND("FitOptions.kind", "--kind"),
  MARGINAL("FitOptions.marginal", "--marginal"),
  DEGENERATE("FitOptions.degenerate", "--degenerate"),
  UNSUPPORTED("FitOptions.unsupported", "--unsupported"),
  RARE_TOKEN("FitOptions.rareToken", "--rare-token"),
  ROWS("the row count of generate", "--rows"),
  FIRST_ROW("GenerateOptions.withFirstRow", "--first-row"),
  PARTITIONS("GenerateOptions.withPartitions", "--partitions"),
  SEED("GenerateOptions.withSeed", "--seed"),
  EXACT_ROWS("GenerateOptions.withExactRows", "--exact-rows"),
  EDGE_CASES("GenerateOptions.withEdgeCases", "--edge-cases"),
  WHERE("GenerateOptions.where", "--where"),
  OUTPUT("path of TableWriter.toPath", "--output"),
  TABLE("table name of TableWriter.toTable", "--table"),
  FORMAT("WriteOptions.format", "--format"),
  MODE("WriteOptions.mode", "--mode"),
  REFERENCE_ROWS("EvaluationSettings.referenceRows", "--reference-rows"),
  DCR_ROWS("EvaluationSettings.dcrSyntheticRows", "--dcr-rows"),
  UTILITY_ROWS("EvaluationSettings.utilityRows", "--utility-rows"),
  RARE_THRESHOLD("EvaluationSettings.rareThreshold", "--rare-count"),
  TARGET("EvaluationSettings.target", "--target"),
  /** Not a setting of the API: there the exception itself carries the stack trace. */
  STACK_TRACE("the exception's stack trace", "the stack trace of --verbose");

  private final String apiName;
  private final String flag;

  Setting(String apiName, String flag) {
    this.apiName = apiName;
    this.flag = flag;
  }

  /** The setting's name for {@code audience}. */
  public String nameFor(Audience audience) {
    return audience == Audience.CLI ? flag : apiName;
  }

  /** The Java API name: what a setting concatenated into a string reads as. */
  @Override
  public String toString() {
    return apiName;
  }

  /**
   * The setting given {@code value}, as a message suggests it: {@code
   * WriteOptions.mode(WriteMode.OVERWRITE)} or {@code --mode overwrite}.
   */
  public Value to(Enum<?> value) {
    return new Value(
        apiName + "(" + value.getDeclaringClass().getSimpleName() + "." + value.name() + ")",
        flag + " " + value.name().toLowerCase(Locale.ROOT).replace('_', '-'));
  }

  /**
   * The setting given a number or name, written the same way in both: {@code withFirstRow(5000)},
   * {@code --first-row 5000}.
   */
  public Value to(Object value) {
    return new Value(apiName + "(" + value + ")", flag + " " + value);
  }

  /**
   * A per-column setting given a value: {@code FitOptions.kind("amount", ColumnKind.CONTINUOUS)} or
   * {@code --kind amount=continuous}.
   */
  public Value to(String column, String apiValue, String cliValue) {
    return new Value(
        apiName + "(\"" + column + "\", " + apiValue + ")", flag + " " + column + "=" + cliValue);
  }

  /** A setting with its value, spelled for each audience. */
  public static final class Value {
    private final String api;
    private final String cli;

    private Value(String api, String cli) {
      this.api = api;
      this.cli = cli;
    }

    public String nameFor(Audience audience) {
      return audience == Audience.CLI ? cli : api;
    }

    @Override
    public String toString() {
      return api;
    }
  }
}
