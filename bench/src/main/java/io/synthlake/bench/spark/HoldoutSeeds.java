package io.synthlake.bench.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthlake.core.SynthlakeException;
import io.synthlake.spark.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ML utility and DCR share over seeds: {@code fit --holdout-share 0.2 --target COL --seed S} for
 * each seed, all in this JVM on one Spark session (about 10 s a fit of a few hundred rows, against
 * 45 s for a CLI start each). Each seed is its own holdout split, fit and generated rows, so the
 * mean over seeds is what a small table's figures should be judged by (docs/bench/small-tables.md).
 */
public final class HoldoutSeeds {
  private final Path work;

  public HoldoutSeeds(Path work) {
    this.work = work;
  }

  /** One seed's figures. */
  record Figures(long seed, double synthetic, double real, double dcrShare, int components) {
    double gap() {
      return real - synthetic;
    }
  }

  /** Fits {@code input} once per seed with {@code fitOptions} added; returns the report text. */
  public String run(String input, String target, List<Long> seeds, List<String> fitOptions)
      throws IOException {
    List<Figures> rows = new ArrayList<>();
    for (long seed : seeds) {
      rows.add(fit(input, target, seed, fitOptions));
    }

    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            Locale.ROOT,
            "%s, target %s%s: fit --holdout-share 0.2 per seed%n"
                + "| seed | TSTR | TRTR | gap | DCR share | components |%n"
                + "| --- | --- | --- | --- | --- | --- |%n",
            input,
            target,
            fitOptions.isEmpty() ? "" : " (" + String.join(" ", fitOptions) + ")"));
    for (Figures row : rows) {
      report.append(
          String.format(
              Locale.ROOT,
              "| %d | %.3f | %.3f | %.3f | %.3f | %d |%n",
              row.seed(),
              row.synthetic(),
              row.real(),
              row.gap(),
              row.dcrShare(),
              row.components()));
    }

    report.append(
        String.format(
            Locale.ROOT,
            "| mean | %.3f | %.3f | %.3f | %.3f | |%n",
            rows.stream().mapToDouble(Figures::synthetic).average().orElse(Double.NaN),
            rows.stream().mapToDouble(Figures::real).average().orElse(Double.NaN),
            rows.stream().mapToDouble(Figures::gap).average().orElse(Double.NaN),
            rows.stream().mapToDouble(Figures::dcrShare).average().orElse(Double.NaN)));
    return report.toString();
  }

  private Figures fit(String input, String target, long seed, List<String> fitOptions)
      throws IOException {
    Path model = work.resolve("model-" + seed + ".json");
    Path json = work.resolve("figures-" + seed + ".json");
    List<String> args = new ArrayList<>(List.of("fit", "--input", input, "--model"));
    args.addAll(
        List.of(
            model.toString(),
            "--holdout-share",
            "0.2",
            "--target",
            target,
            "--json",
            json.toString(),
            "--seed",
            Long.toString(seed)));
    args.addAll(fitOptions);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            args.toArray(String[]::new),
            new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    SynthlakeException.check(
        status == 0,
        "--holdout-seeds: fit at seed %d failed: %s",
        seed,
        err.toString(StandardCharsets.UTF_8).strip());
    ObjectMapper mapper = new ObjectMapper();
    JsonNode figures = mapper.readTree(json.toFile());
    int components = mapper.readTree(model.toFile()).at("/dependence/components").size();
    Files.deleteIfExists(json);
    return new Figures(
        seed,
        figures.at("/ml-utility/trained-on-synthetic").asDouble(),
        figures.at("/ml-utility/trained-on-training").asDouble(),
        figures.at("/privacy/dcr-share").asDouble(),
        components);
  }
}
