package dev.podgraph.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

  /** The codes the "Errors" section of docs/CONVENTIONS.md names are exactly this enum's. */
  @Test
  void theClosedSetOfDocsConventions() throws Exception {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isRegularFile(dir.resolve("docs/CONVENTIONS.md"))) {
      dir = dir.getParent();
    }
    String conventions = Files.readString(dir.resolve("docs/CONVENTIONS.md"));
    int start = conventions.indexOf("\n## Errors");
    String section = conventions.substring(start, conventions.indexOf("\n## ", start + 1));
    Set<String> documented = new TreeSet<>();
    Matcher code = Pattern.compile("\\b[A-Z][A-Z_]{3,}\\b").matcher(section);
    while (code.find()) {
      documented.add(code.group());
    }
    assertEquals(
        documented,
        Arrays.stream(ErrorCode.values())
            .map(Enum::name)
            .collect(Collectors.toCollection(TreeSet::new)));
  }

  @Test
  void anErrorObjectCarriesMessageAndCode() {
    assertEquals(
        Map.of("message", "no", "extensions", Map.of("code", "NOT_FOUND")),
        ErrorCode.NOT_FOUND.error("no"));
  }
}
