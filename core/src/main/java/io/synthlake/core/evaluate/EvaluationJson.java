package io.synthlake.core.evaluate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthlake.core.SynthlakeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes an {@link EvaluationResult} as versioned JSON: the record components in kebab-case (as in
 * the model file), plus the derived ratios. NaN and infinite figures are written as null, since
 * JSON has no such numbers.
 */
public final class EvaluationJson {
  public static final String FORMAT = "synthlake-evaluation";

  /**
   * Version 2 added {@code accuracy.overall-uni-bi} and the structure figures (docs/evaluation.md,
   * section JSON); every version 1 field is still written, with the same meaning.
   */
  public static final int FORMAT_VERSION = 2;

  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
          .addMixIn(EvaluationResult.Score.class, WithRatio.class)
          .addMixIn(EvaluationResult.MlUtility.class, WithRatio.class);
  // Fixed "\n" line ends, so that the file is the same bytes on every platform.
  static final ObjectWriter WRITER =
      MAPPER.writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

  private EvaluationJson() {}

  public static String toJson(EvaluationResult result) {
    try {
      return WRITER.writeValueAsString(toTree(result)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write an evaluation result as JSON: " + e.getMessage(), e);
    }
  }

  public static void write(EvaluationResult result, Path file) {
    try {
      Files.writeString(file, toJson(result), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw SynthlakeException.of(
          "Cannot write the evaluation JSON to %s: %s; check that the directory exists and is "
              + "writable",
          file, e);
    }
  }

  /** The document as a tree, format fields first. */
  static ObjectNode toTree(EvaluationResult result) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("format", FORMAT);
    root.put("format-version", FORMAT_VERSION);
    root.setAll((ObjectNode) MAPPER.valueToTree(result));
    nullNonFinite(root);
    return root;
  }

  /** Replaces NaN and infinite numbers, at any depth, by null. */
  static void nullNonFinite(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (isNonFinite(field.getValue())) {
          field.setValue(object.nullNode());
        } else {
          nullNonFinite(field.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (isNonFinite(array.get(i))) {
          array.set(i, array.nullNode());
        } else {
          nullNonFinite(array.get(i));
        }
      }
    }
  }

  private static boolean isNonFinite(JsonNode node) {
    return node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue());
  }

  /**
   * Adds the derived {@code ratio()} to the JSON of the records that have one; records only write
   * components.
   */
  private abstract static class WithRatio {
    @JsonProperty("ratio")
    abstract double ratio();
  }
}
