package io.synthlake.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The synthlake command line in a JVM of its own, as bin/synthlake starts it: Spark's module
 * options, a given heap.
 */
final class ChildJvm {
  private ChildJvm() {}

  /**
   * Starts {@code synthlake ARGS} with heap {@code heap} (e.g. "1g"), its output and errors going
   * to {@code log}.
   */
  static Process start(String heap, Path log, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions());
    command.addAll(
        List.of(
            "-Xmx" + heap,
            "-Dlog4j2.configurationFile="
                + Path.of("..", "conf", "log4j2-test.properties").toAbsolutePath(),
            "-cp",
            System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
            "io.synthlake.spark.cli.Main"));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** conf/jvm.options: what spark-submit adds on Java 17. */
  static List<String> jvmOptions() {
    try {
      return Files.readAllLines(Path.of("..", "conf", "jvm.options")).stream()
          .map(String::trim)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
