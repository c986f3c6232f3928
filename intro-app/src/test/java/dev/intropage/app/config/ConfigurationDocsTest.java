package dev.intropage.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/configuration.md lists exactly the keys the service reads, with the defaults it uses. */
class ConfigurationDocsTest {
  private static final Pattern ROW =
      Pattern.compile("^\\| `(INTRO_[A-Z_]+)` \\|([^|]*)\\|", Pattern.MULTILINE);

  @Test
  void configurationTable_listsEveryKeyInOrder() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
    Matcher row = ROW.matcher(doc);
    List<String> keys = new java.util.ArrayList<>();
    java.util.Map<String, String> defaults = new java.util.HashMap<>();
    while (row.find()) {
      keys.add(row.group(1));
      defaults.put(row.group(1), row.group(2).strip());
    }

    assertThat(keys).containsExactlyElementsOf(AppConfig.KEYS);
    AppConfig config = AppConfig.from(java.util.Map.of());
    assertThat(defaults.get("INTRO_HTTP_PORT")).isEqualTo("`" + config.httpPort() + "`");
    assertThat(defaults.get("INTRO_HTTP_HOST")).isEqualTo("`" + config.httpHost() + "`");
    assertThat(defaults.get("INTRO_DB_URL")).isEqualTo("`" + config.dbUrl() + "`");
  }
}
