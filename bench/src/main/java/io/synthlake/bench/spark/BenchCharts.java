package io.synthlake.bench.spark;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG charts of a benchmark run, drawn with XChart: for each sink, wall time, throughput and peak
 * heap against the number of rows, one line per generator, both axes logarithmic. Medians, as in
 * the report.
 */
final class BenchCharts {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 560;
  private static final String CHARTS_HEADING = "\n## Charts\n\n";

  private BenchCharts() {}

  /**
   * Writes time-, throughput- and memory-{sink}.png into {@code out}; returns the file names in
   * order.
   */
  static List<String> write(List<Measurement> medians, Path out) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Files.createDirectories(out);
    List<String> files = new ArrayList<>();
    for (String sink : List.of("noop", "parquet", "delta")) {
      // Datafaker keeps its rows in memory: it belongs beside pure generation.
      List<Measurement> shown =
          medians.stream()
              .filter(m -> m.sink.equals(sink) || (sink.equals("noop") && m.sink.equals("memory")))
              .toList();
      if (shown.isEmpty()) {
        continue;
      }

      files.add(chart(shown, out, "time-" + sink, "Wall time, " + sink, "seconds", m -> m.seconds));
      files.add(
          chart(
              shown,
              out,
              "throughput-" + sink,
              "Throughput, " + sink,
              "rows per second",
              Measurement::rowsPerSecond));
      files.add(
          chart(
              shown,
              out,
              "memory-" + sink,
              "Heap after GC (median of the run's collections), " + sink,
              "MiB",
              m -> m.heapAfterGcBytes / 1048576.0));
    }

    return files;
  }

  /** One fixed, distinct colour per generator (synthlake's in blues), the same in every chart. */
  private static final Map<String, Color> COLORS =
      Map.of(
          "synthlake-spec", new Color(0x1f4e9c),
          "synthlake-fitted", new Color(0x4fa3e0),
          "sql-dbldatagen", new Color(0xd62728),
          "sql-rint", new Color(0xff7f0e),
          "mappartitions", new Color(0x2ca02c),
          "write-floor", new Color(0x7f7f7f),
          "datafaker-1-thread", new Color(0x9467bd));

  private static String chart(
      List<Measurement> measurements,
      Path out,
      String name,
      String title,
      String yTitle,
      ToDoubleFunction<Measurement> value)
      throws IOException {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle("rows")
            .yAxisTitle(yTitle)
            .build();
    XYStyler styler = chart.getStyler();
    styler.setXAxisLogarithmic(true);
    styler.setYAxisLogarithmic(true);
    styler.setXAxisDecimalPattern("#,###");
    styler.setYAxisDecimalPattern("#,##0.##");
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    styler.setChartBackgroundColor(Color.WHITE);
    Map<String, List<Measurement>> byGenerator = new LinkedHashMap<>();
    measurements.forEach(
        m -> byGenerator.computeIfAbsent(m.generator, k -> new ArrayList<>()).add(m));
    byGenerator.forEach(
        (generator, runs) -> {
          runs.sort(Comparator.comparingLong(m -> m.rows));
          double[] rows = runs.stream().mapToDouble(m -> m.rows).toArray();
          double[] values = runs.stream().mapToDouble(value).map(v -> Math.max(v, 1e-9)).toArray();
          XYSeries series = chart.addSeries(generator, rows, values);
          series.setMarker(SeriesMarkers.CIRCLE);
          series.setLineColor(COLORS.getOrDefault(generator, Color.GRAY));
          series.setMarkerColor(COLORS.getOrDefault(generator, Color.GRAY));
        });
    String file = name + ".png";
    BitmapEncoder.saveBitmap(chart, out.resolve(file).toString(), BitmapEncoder.BitmapFormat.PNG);
    return file;
  }

  /** Reads a results.csv back, to redraw the charts of a committed run. */
  static List<Measurement> readCsv(Path csv) throws IOException {
    List<Measurement> measurements = new ArrayList<>();
    List<String> lines = Files.readAllLines(csv);
    List<String> header = List.of(lines.get(0).split(","));
    // Runs recorded before heap-after-GC was measured lack that column.
    int afterGc = header.indexOf("heap_after_gc_bytes");
    int settled = header.indexOf("heap_settled_bytes");
    int live = header.indexOf("live_heap_bytes");
    int rss = header.indexOf("peak_rss_bytes");
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      measurements.add(
          new Measurement(
              f[0],
              f[1],
              Long.parseLong(f[2]),
              Double.parseDouble(f[3]),
              Long.parseLong(f[header.indexOf("peak_heap_bytes")]),
              afterGc < 0 ? -1 : Long.parseLong(f[afterGc]),
              settled < 0 ? -1 : Long.parseLong(f[settled]),
              live < 0 ? -1 : Long.parseLong(f[live]),
              rss < 0 ? -1 : Long.parseLong(f[rss]),
              Long.parseLong(f[header.indexOf("output_bytes")])));
    }

    return measurements;
  }

  /**
   * Redraws the charts of a committed run from its results.csv, into the same directory, and
   * recomputes the ratios section of its results.md (so that runs recorded before a change to how
   * ratios are computed read the same way), adding the chart section when missing.
   */
  static String redraw(Path csv) throws IOException {
    Path out = csv.toAbsolutePath().getParent();
    List<Measurement> measurements = readCsv(csv);
    List<String> files = write(new ArrayList<>(BenchReport.medians(measurements).values()), out);
    Path reportFile = out.resolve("results.md");
    if (Files.exists(reportFile)) {
      String report = Files.readString(reportFile);
      int ratios = report.indexOf(BenchReport.RATIOS_HEADING);
      int charts = report.indexOf(CHARTS_HEADING);
      String tail = charts < 0 ? markdown(files) : report.substring(charts);
      String head =
          report.substring(0, ratios >= 0 ? ratios : charts >= 0 ? charts : report.length());
      Files.writeString(reportFile, head + BenchReport.ratios(measurements) + tail);
    }

    return "Charts and ratios written to " + out + ": " + String.join(", ", files) + "\n";
  }

  static String markdown(List<String> files) {
    StringBuilder out = new StringBuilder(CHARTS_HEADING);
    for (String file : files) {
      out.append(String.format(Locale.ROOT, "![%s](%s)%n", file.replace(".png", ""), file));
    }

    return out.toString();
  }
}
