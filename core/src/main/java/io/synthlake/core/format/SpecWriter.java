package io.synthlake.core.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.synthlake.core.model.TableModel;
import java.io.UncheckedIOException;

/** Writes a model as a YAML spec: the same document as the model file, in the form people edit. */
public final class SpecWriter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private SpecWriter() {}

  public static String toYaml(TableModel model) {
    try {
      return YAML.writeValueAsString(JSON.readTree(ModelJson.toJson(model)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
