package io.synthlake.spark.internal;

import io.synthlake.core.SynthlakeException;
import io.synthlake.spark.OutputFormat;
import io.synthlake.spark.WriteMode;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The checks on an output directory that run before any Spark job: that its files can be written,
 * and that a directory already there is a table of the format being written, so that appending or
 * overwriting never mixes a table's files with someone else's (a Delta append once put {@code
 * _delta_log} beside unrelated files).
 */
public final class OutputDirectory {
  private final FileSystem fs;
  private final Path target;
  private final String path;

  public OutputDirectory(FileSystem fs, Path target, String path) {
    this.fs = fs;
    this.target = target;
    this.path = path;
  }

  /**
   * Fails unless files can be created where {@code target} is or will be: its parent exists or can
   * be made, and is writable.
   */
  public void checkWritable() {
    Path directory = target.getParent() == null ? target : target.getParent();
    try {
      for (Path ancestor = directory; ancestor != null; ancestor = ancestor.getParent()) {
        if (fs.exists(ancestor)) {
          if (!fs.getFileStatus(ancestor).isDirectory()) {
            throw SparkJobErrors.outputNotWritable(
                String.format(
                    Locale.ROOT,
                    "cannot write output %s: %s is a file, not a directory",
                    path,
                    ancestor),
                null);
          }

          break;
        }
      }

      if (!fs.mkdirs(directory)) {
        throw SparkJobErrors.outputNotWritable(
            String.format(
                Locale.ROOT,
                "cannot write output %s: its directory %s " + "cannot be created",
                path,
                directory),
            "check the path and its permissions");
      }

      Path probe = new Path(directory, ".synthlake-write-check-" + UUID.randomUUID());
      fs.create(probe, false).close();
      fs.delete(probe, false);
    } catch (IOException e) {
      throw SparkJobErrors.outputNotWritable(
          String.format(
              Locale.ROOT,
              "cannot write output %s: %s is not writable (%s)",
              path,
              directory,
              firstLine(e.getMessage())),
          "check its permissions");
    }
  }

  /**
   * Fails unless {@code target} is absent, empty or a table of {@code format}: a Delta table has
   * {@code _delta_log}; Parquet, CSV and JSON tables hold only their part files and hidden or
   * {@code _}-prefixed bookkeeping files.
   */
  public void checkHolds(OutputFormat format, WriteMode mode) {
    try {
      if (!fs.exists(target)) {
        return;
      }

      if (!fs.getFileStatus(target).isDirectory()) {
        throw SparkJobErrors.outputNotWritable(
            String.format(Locale.ROOT, "output %s is a file, not a table directory", path),
            "delete the file");
      }

      boolean delta = fs.exists(new Path(target, "_delta_log"));
      String action = mode == WriteMode.APPEND ? "append to" : "overwrite";
      if (format == OutputFormat.DELTA) {
        Optional<String> other = firstVisibleFile();
        if (!delta && other.isPresent()) {
          throw SparkJobErrors.outputHoldsOtherFiles(
              String.format(
                  Locale.ROOT,
                  "cannot %s %s as a Delta table: it has no "
                      + "_delta_log but holds other files (%s)",
                  action,
                  path,
                  other.get()));
        }

        return;
      }

      if (delta) {
        throw SparkJobErrors.outputIsDelta(action, path, format);
      }

      Optional<String> foreign = firstForeignFile(format);
      if (foreign.isPresent()) {
        throw SparkJobErrors.outputHoldsOtherFiles(
            String.format(
                Locale.ROOT,
                "cannot %s %s as %s: it holds %s, which is " + "not a %s part file",
                action,
                path,
                format.sparkName(),
                foreign.get(),
                format.sparkName()));
      }
    } catch (IOException e) {
      throw SynthlakeException.of(
          "cannot list output %s: %s; check the path and its permissions",
          path, firstLine(e.getMessage()));
    }
  }

  private Optional<String> firstVisibleFile() throws IOException {
    for (FileStatus file : fs.listStatus(target)) {
      if (!hidden(file.getPath().getName())) {
        return Optional.of(file.getPath().getName());
      }
    }

    return Optional.empty();
  }

  /**
   * The first entry that is not a part file of {@code format} (compressed ones included) nor
   * bookkeeping.
   */
  private Optional<String> firstForeignFile(OutputFormat format) throws IOException {
    String extension = "." + format.sparkName();
    for (FileStatus file : fs.listStatus(target)) {
      String name = file.getPath().getName();
      boolean partFile = file.isFile() && name.toLowerCase(Locale.ROOT).contains(extension);
      if (!hidden(name) && !partFile) {
        return Optional.of(file.isDirectory() ? "the directory " + name : name);
      }
    }

    return Optional.empty();
  }

  /**
   * Spark, Hadoop and synthlake name their bookkeeping files {@code _SUCCESS}, {@code .part-0.crc},
   * {@code .x.synthlake-staging-…}.
   */
  private static boolean hidden(String name) {
    return name.startsWith("_") || name.startsWith(".");
  }

  private static String firstLine(String message) {
    return message == null ? "no reason given" : message.lines().findFirst().orElse("");
  }
}
