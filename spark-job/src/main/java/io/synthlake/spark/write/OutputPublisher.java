package io.synthlake.spark.write;

import io.synthlake.core.SynthlakeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Moves a finished staging directory into place so that a process killed at any moment leaves a
 * state the next run (or {@code synthlake recover PATH}) completes. Staging directories sit beside
 * the target as {@code .NAME.synthlake-staging-ID}, each with an owner file naming the host and
 * process that writes it.
 *
 * <p>Before the first rename, a journal {@code .NAME.synthlake-publish} records what is being
 * published; the staging directory is complete and its rows checked by then, so recovery always
 * rolls forward:
 *
 * <ul>
 *   <li><b>overwrite:</b> the old output is renamed to {@code .NAME.synthlake-old-ID}, the staging
 *       directory to the target, then the old output is deleted. Recovery renames whatever has not
 *       been renamed and deletes the rest.
 *   <li><b>append:</b> files move one by one from the staging directory into the target; a moved
 *       file is gone from the staging directory, so recovery moves what is left.
 * </ul>
 *
 * A staging directory without a journal is the debris of a job killed while writing: the next run
 * deletes it when its owner is a dead process on this host, and reports it otherwise. A new Delta
 * table carries a {@value #CREATING} marker until its first commit: a directory with the marker and
 * no commit never became a table.
 */
public final class OutputPublisher {
  /**
   * Marker inside a Delta table directory that synthlake is creating, removed once the first commit
   * is in.
   */
  public static final String CREATING = ".synthlake-creating";

  private static final String STAGING = ".synthlake-staging-";
  private static final String OLD = ".synthlake-old-";
  private static final String JOURNAL = ".synthlake-publish";
  private static final String OWNER = ".owner";

  private final FileSystem fs;
  private final Path target;

  private OutputPublisher(FileSystem fs, Path target) {
    this.fs = fs;
    this.target = target;
  }

  public static OutputPublisher of(FileSystem fs, Path target) {
    return new OutputPublisher(fs, target);
  }

  /** A new staging directory's path (not created), with its owner file written beside it. */
  public Path newStaging() throws IOException {
    Path staging = sibling(hidden(STAGING) + UUID.randomUUID());
    Properties owner = new Properties();
    owner.setProperty("host", host());
    owner.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
    owner.setProperty(
        "started", Long.toString(ManagementFactory.getRuntimeMXBean().getStartTime()));
    writeProperties(ownerFile(staging), owner);
    return staging;
  }

  /** Removes a staging directory and its owner file. */
  public void discard(Path staging) {
    deleteQuietly(staging, true);
    deleteQuietly(ownerFile(staging), false);
  }

  /** Replaces the target (if any) by the finished {@code staging} directory. */
  public void overwrite(Path staging) throws IOException {
    Properties journal = new Properties();
    journal.setProperty("operation", "overwrite");
    journal.setProperty("staging", staging.getName());
    journal.setProperty("old", hidden(OLD) + UUID.randomUUID());
    writeProperties(sibling(hidden(JOURNAL)), journal);
    complete(journal);
  }

  /** Adds the files of the finished {@code staging} directory to the target. */
  public void append(Path staging) throws IOException {
    Properties journal = new Properties();
    journal.setProperty("operation", "append");
    journal.setProperty("staging", staging.getName());
    writeProperties(sibling(hidden(JOURNAL)), journal);
    complete(journal);
  }

  /**
   * Completes an interrupted publication, removes dead processes' staging directories and
   * never-committed Delta tables; with {@code force}, removes every staging directory without a
   * journal (the caller knows that no job writes to the target). Returns what it did and what it
   * left, one line each.
   */
  public List<String> recover(boolean force) throws IOException {
    List<String> report = new ArrayList<>();
    Path journalPath = sibling(hidden(JOURNAL));
    if (fs.exists(journalPath)) {
      Properties journal = readProperties(journalPath);
      complete(journal);
      report.add("completed an interrupted " + journal.getProperty("operation") + " of " + target);
    }

    Path parent = target.getParent();
    if (parent != null && fs.exists(parent)) {
      for (FileStatus status : fs.listStatus(parent)) {
        String name = status.getPath().getName();
        if (!status.isDirectory() || !name.startsWith(hidden(STAGING))) {
          continue;
        }

        String owner = ownerOf(status.getPath());
        if (force || owner.startsWith("dead ")) {
          discard(status.getPath());
          report.add("removed the staging directory " + name + " of a killed job (" + owner + ")");
        } else {
          report.add(
              "left the staging directory "
                  + name
                  + ": "
                  + owner
                  + "; run synthlake recover "
                  + target
                  + " once no job writes there");
        }
      }
    }

    Path creating = new Path(target, CREATING);
    if (fs.exists(creating)) {
      if (fs.exists(new Path(target, "_delta_log/00000000000000000000.json"))) {
        fs.delete(creating, false);
      } else {
        fs.delete(target, true);
        report.add("removed " + target + ", a Delta table whose first commit never happened");
      }
    }

    return report;
  }

  /**
   * Marks {@code target} as a Delta table being created: until its first commit it is removable
   * debris.
   */
  public void markCreating() throws IOException {
    fs.mkdirs(target);
    fs.create(new Path(target, CREATING), true).close();
  }

  /** Clears the marker of {@link #markCreating}. */
  public void created() throws IOException {
    fs.delete(new Path(target, CREATING), false);
  }

  private void complete(Properties journal) throws IOException {
    String operation = journal.getProperty("operation", "");
    String stagingName = journal.getProperty("staging", "");
    String oldName = journal.getProperty("old", hidden(OLD));
    if (!(operation.equals("overwrite") || operation.equals("append"))
        || !isOurs(stagingName, STAGING)
        || !isOurs(oldName, OLD)) {
      throw SynthlakeException.of(
          "%s is not a synthlake publish journal for %s; move it away and rerun",
          sibling(hidden(JOURNAL)), target);
    }

    Path staging = sibling(stagingName);
    if (operation.equals("overwrite")) {
      Path old = sibling(oldName);
      if (fs.exists(staging)) {
        if (fs.exists(target) && !fs.exists(old)) {
          rename(target, old);
        }

        rename(staging, target);
      }

      fs.delete(old, true);
    } else {
      if (fs.exists(staging)) {
        moveFiles(staging);
      }

      fs.delete(staging, true);
    }

    fs.delete(ownerFile(staging), false);
    fs.delete(sibling(hidden(JOURNAL)), false);
  }

  private void moveFiles(Path staging) throws IOException {
    fs.mkdirs(target);
    for (FileStatus file : fs.listStatus(staging)) {
      String name = file.getPath().getName();
      if (name.startsWith("_") || name.startsWith(".")) {
        continue;
      }

      Path destination = new Path(target, name);
      if (fs.exists(destination)) {
        destination = new Path(target, UUID.randomUUID() + "-" + name);
      }

      rename(file.getPath(), destination);
    }
  }

  /**
   * "dead …" when the owner is a process of this host that is gone; otherwise who may still be
   * writing.
   */
  private String ownerOf(Path staging) throws IOException {
    Path file = ownerFile(staging);
    if (!fs.exists(file)) {
      return "dead process: no owner file";
    }

    Properties owner = readProperties(file);
    String who = "process " + owner.getProperty("pid") + " on " + owner.getProperty("host");
    if (!host().equals(owner.getProperty("host"))) {
      return who + ", another host, may still be writing";
    }

    boolean alive;
    try {
      alive =
          ProcessHandle.of(Long.parseLong(owner.getProperty("pid", "-1")))
              .flatMap(process -> process.info().startInstant())
              .map(
                  start ->
                      Math.abs(
                              start.toEpochMilli()
                                  - Long.parseLong(owner.getProperty("started", "0")))
                          < 5_000)
              .orElse(false);
    } catch (NumberFormatException e) {
      alive = false;
    }

    return alive ? who + " is still running" : "dead " + who;
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("could not rename " + from + " to " + to);
    }
  }

  private Path sibling(String name) {
    return new Path(target.getParent(), name);
  }

  /**
   * The hidden name beside the target that ends in {@code suffix}: readers of the parent skip dot
   * files.
   */
  private String hidden(String suffix) {
    return "." + target.getName() + suffix;
  }

  /**
   * A journal names only our own siblings, so that a damaged one cannot rename or delete anything
   * else.
   */
  private boolean isOurs(String name, String kind) {
    return name.startsWith(hidden(kind)) && !name.contains("/");
  }

  private Path ownerFile(Path staging) {
    return new Path(staging.getParent(), staging.getName() + OWNER);
  }

  private void writeProperties(Path path, Properties properties) throws IOException {
    Path temporary = new Path(path.getParent(), path.getName() + ".tmp-" + UUID.randomUUID());
    try (OutputStream out = fs.create(temporary, false)) {
      properties.store(new OutputStreamWriter(out, StandardCharsets.UTF_8), "synthlake");
    }

    fs.delete(path, false);
    rename(temporary, path);
  }

  private Properties readProperties(Path path) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = fs.open(path)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    return properties;
  }

  private void deleteQuietly(Path path, boolean recursive) {
    try {
      fs.delete(path, recursive);
    } catch (IOException ignored) {
      // Best effort: recover reports what is left.
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }
}
