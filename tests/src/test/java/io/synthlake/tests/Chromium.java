package io.synthlake.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium for tests that must see a page drawn by a real browser. Runs as root too (no
 * sandbox), with a fresh profile per run and every background network feature off, so a run is
 * quiet and repeatable. Never skips: a missing browser fails the test with what to install.
 */
final class Chromium {
  private static final String DEFAULT = "/usr/bin/chromium";
  private static final long TIMEOUT_SECONDS = 90;

  /** What one run printed. */
  record Output(String stdout, String stderr) {}

  private final Path executable;
  private final Path workDir;

  private Chromium(Path executable, Path workDir) {
    this.executable = executable;
    this.workDir = workDir;
  }

  /**
   * The browser at $CHROMIUM, else /usr/bin/chromium; profiles and output logs go under {@code
   * workDir}.
   */
  static Chromium find(Path workDir) {
    String configured = System.getenv("CHROMIUM");
    Path executable = Path.of(configured == null || configured.isBlank() ? DEFAULT : configured);
    if (!Files.isExecutable(executable)) {
      throw new AssertionError(
          "Chromium not found at "
              + executable
              + ": the HTML report test needs a headless "
              + "browser; install Debian's chromium package (apt-get install chromium, as .ci/run does) or set CHROMIUM "
              + "to a Chromium binary");
    }

    return new Chromium(executable, workDir);
  }

  /** The DOM after the page's scripts ran (virtual time lets timers and rendering finish first). */
  Output dumpDom(Path page) {
    return run(List.of("--dump-dom", page.toUri().toString()));
  }

  /** A PNG of the page's top {@code height} pixels at {@code width}. */
  Output screenshot(Path page, Path png, int width, int height) {
    return run(
        List.of(
            "--screenshot=" + png,
            "--window-size=" + width + "," + height,
            page.toUri().toString()));
  }

  private Output run(List<String> arguments) {
    try {
      Path run = Files.createTempDirectory(workDir, "chromium");
      List<String> command =
          new ArrayList<>(
              List.of(
                  executable.toString(),
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-quic",
                  "--no-first-run",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--user-data-dir=" + run.resolve("profile"),
                  "--virtual-time-budget=10000"));
      command.addAll(arguments);
      // Files, not pipes: a full pipe would block the browser while this thread waits for it.
      Path stdout = run.resolve("stdout");
      Path stderr = run.resolve("stderr");
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
      }

      Output output =
          new Output(
              Files.readString(stdout, StandardCharsets.UTF_8),
              Files.readString(stderr, StandardCharsets.UTF_8));
      if (!finished || process.exitValue() != 0) {
        throw new AssertionError(
            (finished
                    ? "Chromium exited with " + process.exitValue()
                    : "Chromium did not finish within " + TIMEOUT_SECONDS + " s")
                + ": "
                + command
                + "\nstderr:\n"
                + output.stderr());
      }

      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for Chromium", e);
    }
  }
}
