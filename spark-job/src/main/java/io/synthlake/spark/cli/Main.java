package io.synthlake.spark.cli;

import io.synthlake.core.Audience;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.evaluate.EvaluationJson;
import io.synthlake.core.evaluate.EvaluationResult;
import io.synthlake.core.evaluate.EvaluationSettings;
import io.synthlake.core.evaluate.EvaluationSummary;
import io.synthlake.core.evaluate.HtmlReport;
import io.synthlake.core.fit.DegeneratePolicy;
import io.synthlake.core.fit.MarginalFamily;
import io.synthlake.core.fit.OrderPolicy;
import io.synthlake.core.fit.OrphanPolicy;
import io.synthlake.core.format.ModelJson;
import io.synthlake.core.format.SpecWriter;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.spec.CompiledSpec;
import io.synthlake.core.spec.SpecCompiler;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.spark.Evaluation;
import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.OutputFormat;
import io.synthlake.spark.SpecGenerator;
import io.synthlake.spark.SynthesisModel;
import io.synthlake.spark.Synthesizer;
import io.synthlake.spark.TableSetModel;
import io.synthlake.spark.TableWriter;
import io.synthlake.spark.WriteMode;
import io.synthlake.spark.WriteOptions;
import io.synthlake.spark.internal.AppendKeys;
import io.synthlake.spark.internal.ModelFiles;
import io.synthlake.spark.internal.SparkSessions;
import io.synthlake.spark.internal.TableReader;
import io.synthlake.spark.internal.progress.ProgressReporter;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The synthlake command line: {@code fit}, {@code describe} and {@code generate}. Under
 * spark-submit it runs on the cluster it is given; bin/synthlake runs it embedded on local[*]. User
 * errors print one line and exit 2.
 */
public final class Main {
  static final String USAGE =
      String.join(
          "\n",
          "usage: synthlake <command> [options]",
          "",
          "  fit       --input PATH [--format csv|parquet|delta|json] [--encoding ISO-8859-1] | --table NAME   --model FILE",
          "            [--sample-rows N] [--seed S] [--exclude COL]... [--kind COL=KIND]... [--marginal COL=empirical|gaussian-mixture]...",
          "            [--max-components K] [--min-component-rows N] [--rare-count K] [--rare-token TOKEN] [--degenerate fail|keep|drop] [--unsupported skip|fail] [--no-derive] [--no-groups] [--no-time-of-day] [--no-category-splits]",
          "            [--holdout-share F [--report FILE.html] [--json FILE.json] [--target COL]]  (fit on the rest, generate, evaluate)",
          "  fit       --input NAME=PATH --input NAME=table:DB.T ... --relation CHILD.COLUMN=PARENT.KEY ... --model FILE",
          "            [--orphans drop|fail] [the options above]   (related tables: a child's first relation names its parent)",
          "            [--sequence TABLE.ENTITY | --sequence TABLE] --order TABLE.COLUMN [--order-policy lenient|strict]",
          "            (histories: each entity's rows in order; TABLE alone: one long series)",
          "  fit       --input NAME=PATH ... --detect-relations [--model FILE] [the options above]",
          "            (print the foreign keys found by names and values, as --relation lines; with --model, fit with them)",
          "  describe  --model FILE",
          "  evaluate  --train T --holdout H --synthetic S [--format F] [--encoding E] [--target COL] [--report FILE.html] [--json FILE.json]",
          "            [--seed S] [--rare-count K] [--reference-rows N] [--dcr-rows N] [--utility-rows N]",
          "            (T, H, S: paths, or catalog tables as NAME or table:NAME)",
          "  evaluate  --train NAME=T ... --holdout NAME=H ... (--synthetic NAME=S ... | --synthetic-dir DIR)",
          "            --relation CHILD.COLUMN=PARENT.KEY ... [--report FILE.html] [--json FILE.json] [the options above]",
          "            [--sequence TABLE.ENTITY --order TABLE.COLUMN [--floor TABLE.COLUMN=VALUE]]...",
          "            (related tables; DIR: what generate --model SET.json --output DIR wrote, DIR/NAME per table;",
          "            histories as fit takes them, each rule COLUMN >= VALUE checked on every row)",
          "  generate  (--model FILE | --spec FILE) --rows N (--output PATH | --table NAME) [--format delta|parquet|csv|json]",
          "            [--partitions P] [--seed S] [--mode error|overwrite|append] [--delta-stats non-string|all|none]",
          "            [--first-row N]  (rows N to N+rows-1 of the seed's rows; an append to a table with key columns starts",
          "            after the table's rows by default, and is refused if a key would repeat)",
          "            [--where \"segment = 'vip' AND amount > 500\"]  (every row satisfies the condition, drawn from the",
          "            model's conditional distribution however rare it is; grammar in docs/cli.md)",
          "            [--edge-cases SHARE]  (that share of rows, e.g. 0.01, become boundary rows: nulls, type limits, empty,",
          "            long and right-to-left text, far dates, leap days, DST edges; marked in column synthlake_edge_case)",
          "  generate  (--model SET.json | --spec SET.yaml) --rows N|NAME=N [--exact-rows] (--output DIR | --table-prefix PREFIX)",
          "            [--format F] [--partitions P] [--seed S] [--mode error|overwrite]   (related tables: DIR/NAME or PREFIXNAME for",
          "            each table; a child table NAME gets about N rows, or exactly N with --exact-rows)",
          "  export    --model FILE --yaml FILE     (write a model as a YAML spec to edit and generate from)",
          "  recover   PATH [--force]   (complete or clean up what a killed generate left at PATH; --force also removes",
          "            staging directories whose owner cannot be checked: use it only when no job writes to PATH)",
          "",
          "  --encoding: the character set of CSV or JSON input (default UTF-8, checked), e.g. ISO-8859-1 or windows-1252.",
          "  Kinds: continuous, integer, categorical, boolean, date, timestamp, key, text.",
          "  fit, evaluate and generate show their progress on stderr (in place on a terminal, as lines otherwise);",
          "  --quiet turns it off. Add --verbose to any command for stack traces. Docs: README.md and docs/model-format.md.");

  private static final Set<String> FLAGS = Set.of("verbose");

  private Main() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs a command; returns the exit status (0 ok, 2 user error, 1 unexpected failure). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    boolean verbose = Arrays.asList(args).contains("--verbose");
    if (args.length == 0
        || args[0].equals("help")
        || args[0].equals("--help")
        || args[0].equals("-h")) {
      out.println(USAGE);
      return args.length == 0 ? 2 : 0;
    }

    try {
      switch (args[0]) {
        case "fit":
          fit(
              Arguments.parse(
                  "fit",
                  args,
                  1,
                  options(
                      "input",
                      "format",
                      "encoding",
                      "table",
                      "model",
                      "sample-rows",
                      "seed",
                      "exclude",
                      "kind",
                      "marginal",
                      "max-components",
                      "min-component-rows",
                      "rare-count",
                      "rare-token",
                      "degenerate",
                      "unsupported",
                      "holdout-share",
                      "report",
                      "json",
                      "target",
                      "relation",
                      "orphans",
                      "sequence",
                      "order",
                      "order-policy"),
                  Set.of(
                      "verbose",
                      "detect-relations",
                      "quiet",
                      "no-derive",
                      "no-groups",
                      "no-time-of-day",
                      "no-category-splits")),
              out,
              err);
          return 0;
        case "evaluate":
          evaluate(
              Arguments.parse(
                  "evaluate",
                  args,
                  1,
                  options(
                      "train",
                      "holdout",
                      "synthetic",
                      "format",
                      "encoding",
                      "target",
                      "report",
                      "json",
                      "seed",
                      "rare-count",
                      "reference-rows",
                      "dcr-rows",
                      "utility-rows",
                      "relation",
                      "synthetic-dir",
                      "sequence",
                      "order",
                      "floor"),
                  Set.of("verbose", "quiet")),
              out,
              err);
          return 0;
        case "describe":
          describe(Arguments.parse("describe", args, 1, options("model"), FLAGS), out);
          return 0;
        case "generate":
          generate(
              Arguments.parse(
                  "generate",
                  args,
                  1,
                  options(
                      "model",
                      "spec",
                      "rows",
                      "output",
                      "table",
                      "format",
                      "partitions",
                      "seed",
                      "mode",
                      "delta-stats",
                      "first-row",
                      "table-prefix",
                      "where",
                      "edge-cases"),
                  Set.of("verbose", "exact-rows", "quiet")),
              out,
              err);
          return 0;
        case "export":
          export(Arguments.parse("export", args, 1, options("model", "yaml"), FLAGS), out);
          return 0;
        case "recover":
          SynthlakeException.check(
              args.length > 1 && !args[1].startsWith("--"),
              "recover: give the output path to recover, as in synthlake recover out/banking");
          recover(
              args[1],
              Arguments.parse("recover", args, 2, options(), Set.of("verbose", "force")),
              out);
          return 0;
        default:
          throw SynthlakeException.of(
              "unknown command '%s'; use fit, describe, evaluate, generate, export or recover (synthlake help lists the options)",
              args[0]);
      }
    } catch (SynthlakeException e) {
      err.println("synthlake: error: " + oneLine(e.messageFor(Audience.CLI)));
      if (verbose) {
        e.printStackTrace(err);
      }

      return 2;
    } catch (Exception e) {
      // Spark's AnalysisException is a checked exception in Java's eyes, so catch Exception, not
      // RuntimeException.
      SynthlakeException cause = userCause(e);
      Optional<String> sparkError = cause == null ? SparkErrors.describe(e) : Optional.empty();
      if (cause != null || sparkError.isPresent()) {
        err.println(
            "synthlake: error: "
                + oneLine(cause != null ? cause.messageFor(Audience.CLI) : sparkError.get()));
        if (verbose) {
          e.printStackTrace(err);
        }

        return 2;
      }

      err.println(
          "synthlake: failed: " + e + (verbose ? "" : " (run with --verbose for the stack trace)"));
      if (verbose) {
        e.printStackTrace(err);
      }

      return 1;
    }
  }

  /** A message as one line: text quoted from files or other tools may hold line breaks. */
  private static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /** Spark wraps exceptions thrown in tasks or data sources; find ours inside. */
  private static SynthlakeException userCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SynthlakeException) {
        return (SynthlakeException) t;
      }
    }

    return null;
  }

  private static Set<String> options(String... names) {
    Set<String> set = new HashSet<>(Arrays.asList(names));
    set.add("verbose");
    return set;
  }

  /** The fit options the arguments give, for one table or a set. */
  private static FitOptions fitOptions(Arguments args) {
    FitOptions.Builder options = FitOptions.builder();
    options.sampleRows(args.positiveInt("sample-rows", 100_000));
    if (args.has("seed")) {
      options.seed(args.wholeNumber("seed", args.get("seed")));
    }

    args.all("exclude")
        .forEach(
            value ->
                Arrays.stream(value.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .forEach(options::exclude));
    for (Map.Entry<String, String> kind : args.pairs("kind").entrySet()) {
      options.kind(
          kind.getKey(), ColumnKind.parse(kind.getValue(), "fit: --kind " + kind.getKey()));
    }

    for (Map.Entry<String, String> marginal : args.pairs("marginal").entrySet()) {
      options.marginal(
          marginal.getKey(),
          MarginalFamily.parse(marginal.getValue(), "fit: --marginal " + marginal.getKey()));
    }

    if (args.has("max-components")) {
      options.maxComponents(args.positiveInt("max-components", 160));
    }

    if (args.has("min-component-rows")) {
      options.minComponentRows(args.positiveInt("min-component-rows", 100));
    }

    if (args.has("rare-count")) {
      options.rareCount(args.positiveInt("rare-count", 5));
    }

    if (args.has("rare-token")) {
      options.rareToken(args.get("rare-token"));
    }

    if (args.has("degenerate")) {
      options.degenerate(DegeneratePolicy.parse(args.get("degenerate"), "fit: --degenerate"));
    }

    if (args.has("no-derive")) {
      options.withoutDerivedColumns();
    }

    if (args.has("no-groups")) {
      options.withoutGroups();
    }

    if (args.has("no-time-of-day")) {
      options.withoutTimeOfDay();
    }

    if (args.has("no-category-splits")) {
      options.withoutCategorySplits();
    }

    if (args.has("order-policy")) {
      options.orderPolicy(OrderPolicy.parse(args.get("order-policy"), "fit: --order-policy"));
    }

    if (args.has("unsupported")) {
      String value = args.get("unsupported").trim().toUpperCase(Locale.ROOT);
      SynthlakeException.check(
          value.equals("SKIP") || value.equals("FAIL"),
          "fit: --unsupported takes skip or fail, got '%s'",
          args.get("unsupported"));
      options.unsupported(FitOptions.UnsupportedColumns.valueOf(value));
    }

    if (args.has("orphans")) {
      options.orphans(OrphanPolicy.parse(args.get("orphans"), "fit: --orphans"));
    }

    return options.build();
  }

  private static void fit(Arguments args, PrintStream out, PrintStream err) {
    FitOptions built = fitOptions(args);
    if (TableSetCommands.isSetFit(args)) {
      try (ProgressReporter progress = progress(args, "fit", -1, err)) {
        TableSetCommands.fit(args, built, out);
      }

      return;
    }

    String model = args.required("model");
    SynthlakeException.check(
        args.has("input") ^ args.has("table"),
        "fit: pass exactly one of --input PATH and --table NAME");
    SynthlakeException.check(
        !args.has("orphans"), "fit: --orphans is for related tables (--relation)");
    double holdoutShare = 0;

    if (args.has("holdout-share")) {
      holdoutShare = args.share("holdout-share");
    } else {
      SynthlakeException.check(
          !args.has("report") && !args.has("json") && !args.has("target"),
          "fit: --report, --json and --target evaluate the model on held-out rows; add --holdout-share (e.g. 0.2)");
    }

    SparkSession spark = SparkSessions.getOrCreate();
    Dataset<Row> input =
        args.has("table")
            ? TableReader.table(spark, args.get("table"))
            : TableReader.path(spark, args.get("input"), args.get("format"), args.get("encoding"));
    Dataset<Row> holdout = null;
    if (holdoutShare > 0) {
      Dataset<Row>[] split =
          input.randomSplit(new double[] {1 - holdoutShare, holdoutShare}, built.seed());
      input = split[0].cache();
      holdout = split[1].cache();
    }

    long start = System.nanoTime();
    SynthesisModel fitted;
    try (ProgressReporter progress = progress(args, "fit", -1, err)) {
      fitted = Synthesizer.fit(input, built);
      fitted.save(spark, model);
    }

    out.printf(
        Locale.ROOT,
        "Fitted %d columns, %d mixture component(s), from %s sampled rows in %.1f s; model written to %s%n",
        fitted.columns().size(),
        fitted.componentCount(),
        fitted.properties().get("sample-rows"),
        (System.nanoTime() - start) / 1e9,
        model);
    if (holdout != null) {
      long rows = input.count();
      SynthlakeException.check(
          rows > 0 && !holdout.isEmpty(),
          "fit: --holdout-share %s leaves an empty training or holdout part; use a share between 0 and 1 on a larger input",
          args.get("holdout-share"));
      Dataset<Row> synthetic = fitted.generate(spark, rows, GenerateOptions.defaults());
      EvaluationSettings settings =
          EvaluationSettings.defaults().withRareThreshold(built.rareCount());
      EvaluationResult result;
      try (ProgressReporter progress = progress(args, "evaluate", -1, err)) {
        result =
            Evaluation.evaluate(
                input,
                holdout,
                synthetic,
                args.has("target") ? settings.withTarget(args.get("target")) : settings);
      }

      report(args, result, "synthlake fit " + model, spark, out);
    }
  }

  private static void evaluate(Arguments args, PrintStream out, PrintStream err) {
    EvaluationSettings settings = EvaluationSettings.defaults();
    if (args.has("seed")) {
      settings = settings.withSeed(args.wholeNumber("seed", args.get("seed")));
    }

    if (args.has("rare-count")) {
      settings = settings.withRareThreshold(args.positiveInt("rare-count", 5));
    }

    settings =
        settings.withSampleSizes(
            args.positiveInt("reference-rows", settings.referenceRows()),
            args.positiveInt("dcr-rows", settings.dcrSyntheticRows()),
            args.positiveInt("utility-rows", settings.utilityRows()));
    if (args.has("target")) {
      settings = settings.withTarget(args.get("target"));
    }

    if (EvaluateTablesCommand.isSetEvaluation(args)) {
      try (ProgressReporter progress = progress(args, "evaluate", -1, err)) {
        EvaluateTablesCommand.run(args, settings, out);
      }

      return;
    }

    SparkSession spark = SparkSessions.getOrCreate();
    String format = args.get("format");
    String encoding = args.get("encoding");
    Dataset<Row> train =
        TableReader.pathOrTable(
            spark, args.required("train"), format, encoding, "evaluate: --train");
    Dataset<Row> holdout =
        TableReader.pathOrTable(
            spark, args.required("holdout"), format, encoding, "evaluate: --holdout");
    Dataset<Row> synthetic =
        TableReader.pathOrTable(
            spark, args.required("synthetic"), format, encoding, "evaluate: --synthetic");
    EvaluationResult result;
    try (ProgressReporter progress = progress(args, "evaluate", -1, err)) {
      result = Evaluation.evaluate(train, holdout, synthetic, settings);
    }

    report(args, result, "synthlake evaluate " + args.get("synthetic"), spark, out);
  }

  /**
   * Shows the command's progress on stderr until closed, unless --quiet.
   *
   * @param rows rows the command writes, or -1 when it writes no known number
   */
  private static ProgressReporter progress(
      Arguments args, String label, long rows, PrintStream err) {
    return ProgressReporter.start(SparkSessions.getOrCreate(), label, rows, err, args.has("quiet"));
  }

  /** Prints the summary, then writes the HTML report and the JSON figures where asked. */
  private static void report(
      Arguments args, EvaluationResult result, String title, SparkSession spark, PrintStream out) {
    out.print(EvaluationSummary.text(result));
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    if (args.has("report")) {
      ModelFiles.write(args.get("report"), HtmlReport.render(result, title), conf);
      out.println("Report written to " + args.get("report"));
    }

    if (args.has("json")) {
      ModelFiles.write(args.get("json"), EvaluationJson.toJson(result), conf);
      out.println("Figures written to " + args.get("json"));
    }
  }

  private static void describe(Arguments args, PrintStream out) {
    SparkSession spark = SparkSessions.getOrCreate();
    String path = args.required("model");
    out.print(
        TableSetCommands.isTableSet(spark, path)
            ? TableSetModel.load(spark, path).describe()
            : SynthesisModel.load(spark, path).describe());
  }

  private static void recover(String path, Arguments args, PrintStream out) {
    SparkSession spark = SparkSessions.getOrCreate();
    List<String> done = TableWriter.recover(spark, path, args.has("force"));
    done.forEach(out::println);
    if (done.isEmpty()) {
      out.println("Nothing to recover at " + path + ".");
    }

    Path log = new Path(path, "_delta_log");
    try {
      if (log.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(log)) {
        out.println(
            "Delta table: the files of writes killed before their commit are in no version of the table, and "
                + "readers never see them; VACUUM delta.`"
                + path
                + "` deletes them once they are older than the table's "
                + "retention (7 days by default).");
      }
    } catch (IOException e) {
      throw SynthlakeException.of("recover: cannot read %s: %s", log, e.getMessage());
    }
  }

  private static void export(Arguments args, PrintStream out) {
    String yaml = args.required("yaml");
    SparkSession spark = SparkSessions.getOrCreate();
    String path = args.required("model");
    TableModel model =
        ModelJson.fromJson(ModelFiles.read(path, spark.sparkContext().hadoopConfiguration()), path);
    ModelFiles.write(yaml, SpecWriter.toYaml(model), spark.sparkContext().hadoopConfiguration());
    out.printf(
        Locale.ROOT, "Wrote %s: edit it, then run synthlake generate --spec %s%n", yaml, yaml);
  }

  private static void generate(Arguments args, PrintStream out, PrintStream err) {
    SynthlakeException.check(
        args.has("model") ^ args.has("spec"),
        "generate: pass exactly one of --model FILE and --spec FILE");
    if (args.has("model")
        && TableSetCommands.isTableSet(SparkSessions.getOrCreate(), args.get("model"))) {
      try (ProgressReporter progress = progress(args, "generate", -1, err)) {
        TableSetCommands.generate(args, args.get("model"), out);
      }

      return;
    }

    if (args.has("spec")
        && TableSetCommands.isTableSetSpec(SparkSessions.getOrCreate(), args.get("spec"))) {
      try (ProgressReporter progress = progress(args, "generate", -1, err)) {
        TableSetCommands.generateSpec(args, args.get("spec"), out);
      }

      return;
    }

    SynthlakeException.check(
        !args.has("table-prefix"), "generate: --table-prefix is for a set of related tables");
    long rows = args.positiveLong("rows", -1);
    SynthlakeException.check(rows > 0, "generate: missing --rows; give how many rows to generate");
    GenerateOptions.checkRows(rows);
    SynthlakeException.check(
        args.has("output") ^ args.has("table"),
        "generate: pass exactly one of --output PATH and --table NAME");
    WriteOptions writeOptions = Choices.writeOptions(args);
    OutputFormat format = writeOptions.format();
    WriteMode mode = writeOptions.mode();
    GenerateOptions options = Choices.generateOptions(args);
    if (args.has("first-row")) {
      options = options.withFirstRow(args.wholeNumber("first-row", args.get("first-row")));
    }

    SparkSession spark = SparkSessions.getOrCreate();
    long start = System.nanoTime();
    String target = args.has("output") ? args.get("output") : args.get("table");
    CompiledSpec spec =
        args.has("spec")
            ? SpecCompiler.compile(
                ModelFiles.readSpec(args.get("spec"), spark.sparkContext().hadoopConfiguration()),
                args.get("spec"))
            : null;
    SynthesisModel model = args.has("spec") ? null : SynthesisModel.load(spark, args.get("model"));
    Dataset<Row> generated = generated(spark, spec, model, rows, options);
    if (mode == WriteMode.APPEND) {
      TableModel keysOf =
          model != null
              ? ModelJson.fromJson(model.toJson(), args.get("model"))
              : spec.model(options.seed(), rows);
      List<KeyColumn> keys = AppendKeys.keys(keysOf, generated.schema());
      Optional<AppendKeys> existing =
          keys.isEmpty()
              ? Optional.empty()
              : AppendKeys.of(spark, target, args.has("table"), format, generated.schema());
      if (existing.isPresent()) {
        if (!args.has("first-row")) {
          // Continue the seed's stream after the table's rows, so that its keys continue too.
          options = options.withFirstRow(existing.get().rows());
          generated = generated(spark, spec, model, rows, options);
        }

        existing.get().checkNoRepeat(keysOf, options.seed(), options.firstRow(), rows, keys);
      }
    }

    try (ProgressReporter progress = progress(args, "generate", rows, err)) {
      if (args.has("output")) {
        TableWriter.toPath(generated, target, writeOptions);
      } else {
        TableWriter.toTable(generated, target, writeOptions);
      }
    }

    double seconds = (System.nanoTime() - start) / 1e9;
    String from =
        options.firstRow() == 0
            ? ""
            : String.format(
                Locale.ROOT,
                " (rows %,d to %,d of seed %d)",
                options.firstRow(),
                options.firstRow() + rows - 1,
                options.seed());
    out.printf(
        Locale.ROOT,
        "Generated %,d rows%s into %s (%s) in %.1f s (%,.0f rows/s)%n",
        rows,
        from,
        target,
        format.sparkName(),
        seconds,
        rows / seconds);
  }

  /** The rows of a --model or --spec run, not yet generated (a Spark query). */
  private static Dataset<Row> generated(
      SparkSession spark,
      CompiledSpec spec,
      SynthesisModel model,
      long rows,
      GenerateOptions options) {
    if (model != null) {
      return model.generate(spark, rows, options);
    }

    // A spec's `rows` is the table's row count after this run, so a run from a first row continues
    // a single run.
    return SpecGenerator.generate(spark, spec, rows, options);
  }
}
