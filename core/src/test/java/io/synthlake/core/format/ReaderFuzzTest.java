package io.synthlake.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.generate.Generated;
import io.synthlake.core.math.Seeds;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.spec.SpecCompiler;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the spec reader ({@link SpecCompiler#read}) and the model reader ({@link
 * ModelJson#fromJson}) with thousands of mutations of the real specs ({@code conf/banking.yaml},
 * {@code conf/geo-example.yaml}, {@code tests/src/test/resources/every-type.yaml}) and the golden
 * model file ({@code golden/model-v1.json}, read both as a model and as a spec). Mutations ({@link
 * DocumentMutator}) edit the parsed tree (delete, retype to strings, numbers, ±1e308, NaN-like
 * text, Long.MAX_VALUE, empty or deeply nested arrays and objects, null; duplicate, swap, rename)
 * or the text (truncate, flip, insert and delete bytes, invalid UTF-8, YAML tokens, billion-laughs
 * alias bombs, deep nesting, huge numbers and scalars).
 *
 * <p>What it proves, for every case: the reader either returns a model that is usable (the table
 * sampler is built and draws 64 rows, and a model file writes back) or throws a {@link
 * SynthlakeException} whose message is one line under {@value #MAX_MESSAGE} characters naming the
 * file; never another exception, a stack trace, a hang (each case has {@value #CASE_SECONDS} s) or
 * an out-of-memory error. It does not prove that the messages are helpful: the error tests of each
 * reader check wording.
 *
 * <p>Cases are reproducible: case {@code i} of a seed file draws its mutation from {@code new
 * SplittableRandom( Seeds.mix(hash(file) + i))}. A failure names the file, the case number, the
 * mutation and the exception; run one case with {@code -Dsynthlake.fuzz.case=<file>#<i>}, or fewer
 * cases with {@code -Dsynthlake.fuzz.cases=N}. Every failure of a run is listed in {@code
 * core/target/reader-fuzz/}.
 */
class ReaderFuzzTest {
  private static final int CASES = Integer.getInteger("synthlake.fuzz.cases", 3_000);
  private static final String ONLY = System.getProperty("synthlake.fuzz.case", "");
  private static final int CASE_SECONDS = 5;
  private static final int MAX_MESSAGE = 400;
  private static final int ROWS = 64;
  private static final long GENERATION_SEED = 7;
  private static final long SPEC_ROWS = 100_000;
  private static final int REPORTED = 25;

  /**
   * Cases slower than this are listed in the report file, as hints of work that grows with the
   * input.
   */
  private static final long SLOW_MILLIS = 200;

  private static ExecutorService executor;

  enum Reader {
    SPEC,
    MODEL
  }

  /** A seed document, how it is read, and the name errors must contain. */
  static final class SeedFile {
    final String source;
    final Path path;
    final Reader reader;

    SeedFile(String source, Path path, Reader reader) {
      this.source = source;
      this.path = path;
      this.reader = reader;
    }

    @Override
    public String toString() {
      return source + " as " + reader.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static Stream<SeedFile> seeds() {
    Path golden = Path.of("src", "test", "resources", "golden", "model-v1.json");
    return Stream.of(
        new SeedFile("conf/banking.yaml", Path.of("..", "conf", "banking.yaml"), Reader.SPEC),
        new SeedFile(
            "conf/geo-example.yaml", Path.of("..", "conf", "geo-example.yaml"), Reader.SPEC),
        new SeedFile(
            "every-type.yaml",
            Path.of("..", "tests", "src", "test", "resources", "every-type.yaml"),
            Reader.SPEC),
        new SeedFile("golden/model-v1.json", golden, Reader.MODEL),
        new SeedFile("spec/model-v1.json", golden, Reader.SPEC));
  }

  @BeforeAll
  static void startExecutor() {
    executor = newExecutor();
  }

  @AfterAll
  static void stopExecutor() {
    executor.shutdownNow();
  }

  private static ExecutorService newExecutor() {
    return Executors.newSingleThreadExecutor(
        task -> {
          Thread thread = new Thread(task, "reader-fuzz");
          thread.setDaemon(true);
          return thread;
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seeds")
  void everyMutationReadsOrFailsWithOneLineNamingTheFile(SeedFile seed) throws IOException {
    String text = Files.readString(seed.path);
    DocumentMutator mutator = new DocumentMutator(text, seed.source.endsWith(".yaml"));
    List<String> failures = new ArrayList<>();
    Map<String, Integer> outcomes = new TreeMap<>();
    List<String> slow = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      if (!ONLY.isEmpty() && !ONLY.equals(seed.source + "#" + i)) {
        continue;
      }

      DocumentMutator.Mutant mutant =
          mutator.mutate(new SplittableRandom(Seeds.mix(seed.source.hashCode() + (long) i)));
      long started = System.nanoTime();
      String failure = run(seed, mutant.text);
      long millis = (System.nanoTime() - started) / 1_000_000;
      if (millis > SLOW_MILLIS) {
        slow.add(seed.source + " case " + i + " took " + millis + " ms: " + mutant.description);
      }

      outcomes.merge(
          failure == null ? "ok" : failure.startsWith("rejected") ? "rejected" : "FAILED",
          1,
          Integer::sum);
      if (failure != null && !failure.startsWith("rejected")) {
        failures.add(
            seed.source + " case " + i + ": " + mutant.description + "\n    -> " + failure);
      }
    }

    Path report = Path.of("target", "reader-fuzz", seed.source.replace('/', '_') + ".txt");
    Files.createDirectories(report.getParent());
    Files.writeString(
        report,
        outcomes
            + "\n"
            + String.join("\n", failures)
            + "\nslow cases:\n"
            + String.join("\n", slow)
            + "\n");
    assertThat(failures)
        .as(
            "%s: %d of %d cases failed (%s); the first %d:%n%s",
            seed,
            failures.size(),
            CASES,
            outcomes,
            REPORTED,
            String.join("\n", failures.subList(0, Math.min(REPORTED, failures.size()))))
        .isEmpty();
  }

  /**
   * Null when the document read and generated; "rejected" when it failed properly; otherwise what
   * went wrong.
   */
  private static String run(SeedFile seed, String text) {
    Future<String> outcome =
        executor.submit(
            () -> {
              try {
                TableModel model =
                    seed.reader == Reader.MODEL
                        ? ModelJson.fromJson(text, seed.source)
                        : SpecCompiler.read(text, seed.source, GENERATION_SEED, SPEC_ROWS).model();
                Generated.of(model, GENERATION_SEED, ROWS);
                if (seed.reader == Reader.MODEL) {
                  ModelJson.toJson(model);
                }

                return null;
              } catch (SynthlakeException e) {
                return checkMessage(seed, e);
              } catch (OutOfMemoryError e) {
                return "out of memory: " + e;
              } catch (Throwable e) {
                return trace(e);
              }
            });
    try {
      return outcome.get(CASE_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      outcome.cancel(true);
      executor.shutdownNow();
      executor = newExecutor();
      return "did not finish within " + CASE_SECONDS + " s";
    } catch (InterruptedException | ExecutionException e) {
      return trace(e);
    }
  }

  private static String checkMessage(SeedFile seed, SynthlakeException e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return "empty message: " + trace(e);
    }

    if (message.contains("\n") || message.contains("\r")) {
      return "message of several lines: " + abbreviate(message);
    }

    if (message.length() >= MAX_MESSAGE) {
      return "message of " + message.length() + " characters: " + abbreviate(message);
    }

    if (!message.contains(seed.source)) {
      return "message does not name " + seed.source + ": " + message;
    }

    return "rejected: " + message;
  }

  private static String abbreviate(String message) {
    String line = message.replace("\n", "\\n").replace("\r", "\\r");
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  /** The exception and the first frames, enough to find where it was thrown. */
  private static String trace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    String[] lines = out.toString().split("\n");
    StringBuilder result = new StringBuilder(abbreviate(lines[0]));
    for (int i = 1; i < Math.min(lines.length, 8); i++) {
      result.append("\n      ").append(lines[i].trim());
    }

    return result.toString();
  }
}
