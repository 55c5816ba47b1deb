package io.synthlake.spark.cli;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.evaluate.EvaluationSettings;
import io.synthlake.core.format.ModelDocuments;
import io.synthlake.core.spec.CompiledTableSet;
import io.synthlake.core.spec.SpecCompiler;
import io.synthlake.spark.EntitySequence;
import io.synthlake.spark.Evaluation;
import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.RelationProposal;
import io.synthlake.spark.SpecGenerator;
import io.synthlake.spark.Synthesizer;
import io.synthlake.spark.TableSetModel;
import io.synthlake.spark.TableSetSplit;
import io.synthlake.spark.TableWriter;
import io.synthlake.spark.WriteMode;
import io.synthlake.spark.WriteOptions;
import io.synthlake.spark.internal.ModelFiles;
import io.synthlake.spark.internal.SparkSessions;
import io.synthlake.spark.internal.TableReader;
import io.synthlake.spark.source.GeneratedRows;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The commands on sets of related tables: {@code fit} with several {@code --input NAME=PATH} and
 * {@code --relation child.column=parent.key}, and {@code generate} from a table-set file or a
 * table-set spec, one output table per table of the set.
 */
final class TableSetCommands {
  private TableSetCommands() {}

  /** Whether the model file at {@code path} holds a set of related tables. */
  static boolean isTableSet(SparkSession spark, String path) {
    return ModelDocuments.read(
            ModelFiles.read(path, spark.sparkContext().hadoopConfiguration()), path)
        .isTableSet();
  }

  /** Whether a fit's arguments name a set of related tables rather than one input. */
  static boolean isSetFit(Arguments args) {
    return args.has("relation")
        || args.has("detect-relations")
        || args.has("sequence")
        || args.all("input").size() > 1;
  }

  static void fit(Arguments args, FitOptions options, PrintStream out) {
    boolean detect = args.has("detect-relations");
    SynthlakeException.check(
        !(detect && args.has("relation")),
        "fit: --detect-relations proposes the relations that --relation names; pass one of them "
            + "(to fit with edited proposals, drop --detect-relations and give them as --relation)");
    String model = detect ? args.get("model") : args.required("model");
    SynthlakeException.check(
        !args.has("table"),
        "fit: related tables are given as --input NAME=PATH (a catalog table as "
            + "--input NAME=table:DB.TABLE), not --table");
    SynthlakeException.check(
        !args.has("target"),
        "fit: --target predicts a column of one table; evaluate related tables without it");
    SynthlakeException.check(
        args.has("holdout-share") || !args.has("report") && !args.has("json"),
        "fit: --report and --json evaluate the tables on held-out rows; add --holdout-share "
            + "(e.g. 0.2)");
    double holdoutShare = args.has("holdout-share") ? args.share("holdout-share") : 0;
    SparkSession spark = SparkSessions.getOrCreate();
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    for (String input : args.all("input")) {
      int equals = input.indexOf('=');
      SynthlakeException.check(
          equals > 0 && equals < input.length() - 1,
          "fit: --input '%s' names no table; with related tables write --input NAME=PATH, for "
              + "example --input orders=data/orders.csv",
          input);
      String name = input.substring(0, equals).trim();
      SynthlakeException.check(
          !tables.containsKey(name), "fit: table '%s' is given twice by --input", name);
      tables.put(
          name,
          TableReader.pathOrTable(
              spark,
              input.substring(equals + 1).trim(),
              args.get("format"),
              args.get("encoding"),
              "fit: --input " + name + "="));
    }

    List<String> relations =
        detect ? detectRelations(tables, model != null, out) : args.all("relation");
    if (model == null) {
      return;
    }

    // Histories: each gets its entity table first, so that a holdout keeps whole histories.
    List<EntitySequence> sequences = EntitySequence.parse(args.all("sequence"), args.all("order"));
    EntitySequence.Inputs withEntities = EntitySequence.withEntities(tables, relations, sequences);
    tables = withEntities.tables();
    relations = withEntities.relations();

    Map<String, Dataset<Row>> train = tables;
    Map<String, Dataset<Row>> holdout = null;
    if (holdoutShare > 0) {
      // Held out by root entity: a share of each root table's rows with all their descendants.
      Map<String, String> series = new LinkedHashMap<>();
      sequences.stream()
          .filter(EntitySequence::isSeries)
          .forEach(sequence -> series.put(sequence.table(), sequence.order()));
      TableSetSplit split =
          TableSetSplit.of(tables, relations, holdoutShare, options.seed(), series);
      train = cached(split.train());
      holdout = cached(split.holdout());
    }

    long start = System.nanoTime();
    TableSetModel fitted = Synthesizer.fitTables(train, relations, sequences, options);
    fitted.save(spark, model);
    out.printf(
        Locale.ROOT,
        "Fitted %d related tables (%s) in %.1f s; table set written to %s%n",
        tables.size(),
        String.join(", ", fitted.tables()),
        (System.nanoTime() - start) / 1e9,
        model);
    if (holdout != null) {
      // As many rows of the first root table as training holds; the other tables follow.
      String root =
          fitted.tables().stream().filter(name -> fitted.parent(name) == null).findFirst().get();
      long rows = train.get(root).count();
      SynthlakeException.check(
          rows > 0 && !holdout.get(root).isEmpty(),
          "fit: --holdout-share %s leaves table '%s' with an empty training or holdout part; use a "
              + "share between 0 and 1 on more rows",
          args.get("holdout-share"),
          root);
      Map<String, Dataset<Row>> synthetic =
          fitted.generate(spark, root, rows, GenerateOptions.defaults());
      EvaluationSettings settings =
          EvaluationSettings.defaults().withRareThreshold(options.rareCount());
      EvaluateTablesCommand.report(
          args,
          Evaluation.evaluateTables(
              train,
              holdout,
              synthetic,
              relations,
              EvaluateTablesCommand.specs(sequences, List.of()),
              settings),
          "synthlake fit " + model,
          spark,
          out);
    }
  }

  private static Map<String, Dataset<Row>> cached(Map<String, Dataset<Row>> tables) {
    Map<String, Dataset<Row>> cached = new LinkedHashMap<>();
    tables.forEach((name, rows) -> cached.put(name, rows.cache()));
    return cached;
  }

  /**
   * Prints the relations found between {@code tables}, one {@code --relation} per line to paste;
   * when they are to be fitted, says so, and refuses to fit with none.
   */
  private static List<String> detectRelations(
      Map<String, Dataset<Row>> tables, boolean fitting, PrintStream out) {
    long start = System.nanoTime();
    List<RelationProposal> proposals = Synthesizer.detectRelations(tables);
    SynthlakeException.check(
        !(fitting && proposals.isEmpty()),
        "fit: --detect-relations found no foreign key between tables %s; name the relations with "
            + "--relation CHILD.COLUMN=PARENT.KEY, or fit the tables one by one",
        String.join(", ", tables.keySet()));
    out.printf(
        Locale.ROOT,
        "%s between %s in %.1f s%s%n",
        proposals.isEmpty()
            ? "No relation found"
            : proposals.size() + (proposals.size() == 1 ? " relation" : " relations") + " found",
        String.join(", ", tables.keySet()),
        (System.nanoTime() - start) / 1e9,
        proposals.isEmpty()
            ? ""
            : " (a table's first names its parent; edit them and pass them to fit):");
    for (RelationProposal proposal : proposals) {
      out.printf("--relation %s   (%s)%n", proposal.relation(), proposal.evidence());
    }

    if (fitting) {
      out.println("Fitting with the relations above");
    }

    return proposals.stream().map(RelationProposal::relation).toList();
  }

  /** Whether the spec file at {@code path} holds related tables ({@code tables: […]}). */
  static boolean isTableSetSpec(SparkSession spark, String path) {
    return SpecCompiler.isTableSet(
        ModelFiles.readSpec(path, spark.sparkContext().hadoopConfiguration()), path);
  }

  /** The tables of a set, and how to generate them at a size. */
  private record Source(List<String> tables, Generator generator) {}

  private interface Generator {
    Map<String, Dataset<Row>> generate(String table, long rows, GenerateOptions options);
  }

  /** {@code generate --model SET.json}: a fitted table set. */
  static void generate(Arguments args, String modelPath, PrintStream out) {
    generate(
        args,
        out,
        spark -> {
          TableSetModel model = TableSetModel.load(spark, modelPath);
          return new Source(
              model.tables(),
              (table, rows, options) -> model.generate(spark, table, rows, options));
        });
  }

  /** {@code generate --spec SET.yaml}: a table-set spec, written as a fitted set is. */
  static void generateSpec(Arguments args, String specPath, PrintStream out) {
    SynthlakeException.check(
        !args.has("where"),
        "generate: --where cannot condition a table-set spec, since its derived columns and"
            + " constraints are computed after the rows are drawn; condition a fitted set"
            + " (--model SET.json), or one table's spec");
    generate(
        args,
        out,
        spark -> {
          CompiledTableSet spec =
              SpecCompiler.compileSet(
                  ModelFiles.readSpec(specPath, spark.sparkContext().hadoopConfiguration()),
                  specPath);
          return new Source(
              spec.tables(),
              (table, rows, options) ->
                  SpecGenerator.generateTables(spark, spec, table, rows, options));
        });
  }

  private static void generate(
      Arguments args, PrintStream out, Function<SparkSession, Source> sourceIn) {
    SynthlakeException.check(
        args.has("output") ^ args.has("table-prefix"),
        "generate: a table set writes one table per table of the set: pass exactly one of "
            + "--output DIR (DIR/NAME each) and --table-prefix PREFIX (catalog tables PREFIXNAME)");
    SynthlakeException.check(
        !args.has("first-row"),
        "generate: --first-row is for one table's model; a table set is generated whole");
    WriteOptions writeOptions = Choices.writeOptions(args);
    SynthlakeException.check(
        writeOptions.mode() != WriteMode.APPEND,
        "generate: --mode append would repeat the keys of related tables; write the set anew "
            + "(--mode overwrite) or into another location");
    GenerateOptions options = Choices.generateOptions(args);

    Source source = sourceIn.apply(SparkSessions.getOrCreate());
    String sized = source.tables().get(0);
    long rows;
    String rowsText = args.get("rows");
    SynthlakeException.check(
        rowsText != null,
        "generate: missing --rows; give the rows of the first table (--rows N) or of one "
            + "table (--rows NAME=N)");
    int equals = rowsText.indexOf('=');
    if (equals >= 0) {
      sized = rowsText.substring(0, equals).trim();
      SynthlakeException.check(
          source.tables().contains(sized),
          "generate: --rows names table '%s', which the set does not hold; its tables are %s",
          sized,
          String.join(", ", source.tables()));
      rows = args.wholeNumber("rows", rowsText.substring(equals + 1));
    } else {
      rows = args.wholeNumber("rows", rowsText);
    }

    SynthlakeException.check(
        rows > 0, "generate: --rows must be a positive whole number, got %s", rowsText);
    GenerateOptions.checkRows(rows);
    long start = System.nanoTime();
    Map<String, Dataset<Row>> tables = source.generator().generate(sized, rows, options);
    long total = 0;
    for (Map.Entry<String, Dataset<Row>> table : tables.entrySet()) {
      long tableStart = System.nanoTime();
      String target;
      if (args.has("output")) {
        target = new Path(args.get("output"), table.getKey()).toString();
        TableWriter.toPath(table.getValue(), target, writeOptions);
      } else {
        target = args.get("table-prefix") + table.getKey();
        TableWriter.toTable(table.getValue(), target, writeOptions);
      }

      long written = GeneratedRows.rowCount(table.getValue()).orElseThrow();
      total += written;
      out.printf(
          Locale.ROOT,
          "  %s: %,d rows%s into %s in %.1f s%n",
          table.getKey(),
          written,
          options.exactRows() && table.getKey().equals(sized) ? " (exactly, as asked)" : "",
          target,
          (System.nanoTime() - tableStart) / 1e9);
    }

    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(
        Locale.ROOT,
        "Generated %d related tables, %,d rows in all (%s)%s, in %.1f s (%,.0f rows/s)%n",
        tables.size(),
        total,
        writeOptions.format().sparkName(),
        options.exactRows() ? String.format(Locale.ROOT, ", %s exactly %,d", sized, rows) : "",
        seconds,
        total / seconds);
  }
}
