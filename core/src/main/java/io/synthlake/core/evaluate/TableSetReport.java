package io.synthlake.core.evaluate;

import java.util.Map;

/**
 * Writes a {@link TableSetEvaluationResult} as one self-contained HTML page, like {@link
 * HtmlReport}: the section on the relations first, then one on each table of histories, then every
 * table's own sections.
 */
public final class TableSetReport {
  private TableSetReport() {}

  public static String render(TableSetEvaluationResult result, String title) {
    return HtmlReport.page(
        title,
        TableSetEvaluationJson.toJson(result),
        body -> {
          TableSetSections.append(body, result);
          SequenceSections.append(body, result);
          int index = 0;
          for (Map.Entry<String, EvaluationResult> table : result.tables().entrySet()) {
            ReportSections.appendTable(body, table.getValue(), table.getKey(), index++);
          }

          ReportSections.appendFooter(body);
        });
  }
}
