package io.synthlake.spark.cli;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.evaluate.EvaluationSettings;
import io.synthlake.core.evaluate.SequenceSpec;
import io.synthlake.core.evaluate.TableSetEvaluationResult;
import io.synthlake.spark.EntitySequence;
import io.synthlake.spark.Evaluation;
import io.synthlake.spark.internal.ModelFiles;
import io.synthlake.spark.internal.SparkSessions;
import io.synthlake.spark.internal.TableReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code evaluate} on a set of related tables: {@code --train}, {@code --holdout} and {@code
 * --synthetic} as {@code NAME=PATH} for every table (or {@code --synthetic-dir DIR}, the directory
 * {@code generate --output DIR} wrote, for DIR/NAME), the relations as {@code --relation
 * child.column=parent.key}, and tables of histories as fit takes them ({@code --sequence
 * TABLE.ENTITY --order TABLE.COLUMN}, with rules {@code --floor TABLE.COLUMN=VALUE}).
 */
final class EvaluateTablesCommand {
  private EvaluateTablesCommand() {}

  /** Whether evaluate's arguments name a set of related tables rather than one table. */
  static boolean isSetEvaluation(Arguments args) {
    return args.has("relation")
        || args.has("synthetic-dir")
        || args.has("sequence")
        || args.all("train").size() > 1;
  }

  static void run(Arguments args, EvaluationSettings settings, PrintStream out) {
    SparkSession spark = SparkSessions.getOrCreate();
    Map<String, Dataset<Row>> train = tables(args, "train", spark);
    Map<String, Dataset<Row>> holdout = tables(args, "holdout", spark);
    // Histories: the real sides get each sequence's entity table as fit derives it.
    List<EntitySequence> sequences = EntitySequence.parse(args.all("sequence"), args.all("order"));
    List<String> relations = args.all("relation");
    EntitySequence.Inputs withEntities = EntitySequence.withEntities(train, relations, sequences);
    train = withEntities.tables();
    holdout = EntitySequence.withEntities(holdout, relations, sequences).tables();
    relations = withEntities.relations();
    Map<String, Dataset<Row>> synthetic;
    String title;
    if (args.has("synthetic-dir")) {
      SynthlakeException.check(
          !args.has("synthetic"),
          "evaluate: pass --synthetic NAME=PATH for each table or --synthetic-dir DIR, not both");
      String directory = args.get("synthetic-dir");
      synthetic = new LinkedHashMap<>();
      for (String name : train.keySet()) {
        String location = new Path(directory, name).toString();
        SynthlakeException.check(
            exists(spark, location),
            "evaluate: --synthetic-dir %s holds no table '%s' (%s does not exist); give the "
                + "directory synthlake generate --output wrote",
            directory,
            name,
            location);
        synthetic.put(
            name,
            TableReader.pathOrTable(
                spark, location, null, null, "evaluate: --synthetic-dir " + directory));
      }

      title = "synthlake evaluate " + directory;
    } else {
      synthetic = tables(args, "synthetic", spark);
      Map<String, Dataset<Row>> given = synthetic;
      synthetic =
          EntitySequence.withEntities(
                  synthetic,
                  args.all("relation"),
                  sequences.stream()
                      .filter(sequence -> !given.containsKey(sequence.entityTable()))
                      .toList())
              .tables();
      title = "synthlake evaluate " + String.join(", ", synthetic.keySet());
    }

    report(
        args,
        Evaluation.evaluateTables(
            train, holdout, synthetic, relations, specs(sequences, args.all("floor")), settings),
        title,
        spark,
        out);
  }

  /**
   * The sequences to evaluate, with the floor rules {@code --floor TABLE.COLUMN=VALUE} (a running
   * balance never below VALUE) given to their tables.
   */
  static List<SequenceSpec> specs(List<EntitySequence> sequences, List<String> floors) {
    Map<String, SequenceSpec> specs = new LinkedHashMap<>();
    for (EntitySequence sequence : sequences) {
      specs.put(
          sequence.table(), SequenceSpec.of(sequence.table(), sequence.entity(), sequence.order()));
    }

    for (String text : floors) {
      int dot = text.indexOf('.');
      int equals = text.indexOf('=');
      SynthlakeException.check(
          dot > 0 && equals > dot + 1 && equals < text.length() - 1,
          "evaluate: --floor '%s' is not TABLE.COLUMN=VALUE; for example --floor "
              + "transactions.balance=0",
          SynthlakeException.shown(text));
      String table = text.substring(0, dot).trim();
      String column = text.substring(dot + 1, equals).trim();
      SequenceSpec spec = specs.get(table);
      SynthlakeException.check(
          spec != null,
          "evaluate: --floor %s names table '%s', which no --sequence names; a floor is a rule of "
              + "a history table: add --sequence %s.ENTITY --order %s.COLUMN",
          text,
          table,
          table,
          table);
      double floor;
      try {
        floor = Double.parseDouble(text.substring(equals + 1).trim());
      } catch (NumberFormatException e) {
        throw SynthlakeException.of(
            "evaluate: --floor %s: '%s' is not a number; give the least value allowed, for "
                + "example --floor %s.%s=0",
            text, SynthlakeException.shown(text.substring(equals + 1).trim()), table, column);
      }

      specs.put(table, spec.withFloor(column, floor));
    }

    return List.copyOf(specs.values());
  }

  /** Prints the summary, then writes the HTML report and the JSON figures where asked. */
  static void report(
      Arguments args,
      TableSetEvaluationResult result,
      String title,
      SparkSession spark,
      PrintStream out) {
    out.print(Evaluation.summary(result));
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    if (args.has("report")) {
      ModelFiles.write(args.get("report"), Evaluation.htmlReport(result, title), conf);
      out.println("Report written to " + args.get("report"));
    }

    if (args.has("json")) {
      ModelFiles.write(args.get("json"), Evaluation.json(result), conf);
      out.println("Figures written to " + args.get("json"));
    }
  }

  /** The tables of one side, {@code --option NAME=PATH} each, in the order given. */
  private static Map<String, Dataset<Row>> tables(
      Arguments args, String option, SparkSession spark) {
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    for (String value : args.all(option)) {
      int equals = value.indexOf('=');
      SynthlakeException.check(
          equals > 0 && equals < value.length() - 1,
          "evaluate: --%s '%s' names no table; with related tables write --%s NAME=PATH, for "
              + "example --%s orders=data/orders.csv",
          option,
          SynthlakeException.shown(value),
          option,
          option);
      String name = value.substring(0, equals).trim();
      SynthlakeException.check(
          !tables.containsKey(name), "evaluate: table '%s' is given twice by --%s", name, option);
      tables.put(
          name,
          TableReader.pathOrTable(
              spark,
              value.substring(equals + 1).trim(),
              args.get("format"),
              args.get("encoding"),
              "evaluate: --" + option + " " + name + "="));
    }

    return tables;
  }

  private static boolean exists(SparkSession spark, String location) {
    Path path = new Path(location);
    try {
      return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path);
    } catch (IOException e) {
      throw SynthlakeException.of(e, "evaluate: cannot open %s: %s", location, e.getMessage());
    }
  }
}
