package io.synthlake.core.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.model.TableModel;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/** Writes a model as a YAML spec: the same document as the model file, in the form people edit. */
public final class SpecWriter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private SpecWriter() {}

  public static String toYaml(TableModel model) {
    // A fitted group is not a spec combination: its tuples have a share in each mixture component
    // and its copula column correlates with the other columns, where a combination is the same in
    // every component and uncorrelated; a spec has no field for it yet.
    if (!model.groups().isEmpty()) {
      throw SynthlakeException.of(
          "the model draws %s as learned tuples (column groups), which a spec cannot hold yet: fit"
              + " it again with --no-groups (FitOptions.withoutGroups) to export it, or generate"
              + " from the model file",
          model.groups().stream()
              .map(group -> "(" + String.join(", ", group.members()) + ")")
              .collect(Collectors.joining(" and ")));
    }

    try {
      return YAML.writeValueAsString(JSON.readTree(ModelJson.toJson(model)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
