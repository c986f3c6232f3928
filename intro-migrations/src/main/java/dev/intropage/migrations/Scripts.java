package dev.intropage.migrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the SQL scripts on the class path and reads what the runner needs from them.
 *
 * <p>A script root such as {@code db} holds {@code migration/<folder>/V<n>__x.sql} and {@code
 * rollback/<folder>/U<n>__x.sql}, where folder is {@code common} or the engine's folder; the
 * engine's folder wins over {@code common}.
 */
final class Scripts {
  /** Marks a migration that may lower row counts. */
  static final String DROPS_ROWS_MARKER = "-- intro:drops-rows";

  private static final Pattern LINE_COMMENT = Pattern.compile("--[^\\n]*");
  private static final Pattern TOUCHED_TABLE =
      Pattern.compile(
          "\\b(?:CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\\S+\\s+ON"
              + "|CREATE\\s+TABLE(?:\\s+IF\\s+NOT\\s+EXISTS)?"
              + "|ALTER\\s+TABLE(?:\\s+IF\\s+EXISTS)?(?:\\s+ONLY)?"
              + "|DROP\\s+TABLE(?:\\s+IF\\s+EXISTS)?"
              + "|INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)"
              + "\\s+\"?([A-Za-z_][A-Za-z0-9_]*)\"?",
          Pattern.CASE_INSENSITIVE);

  private final List<String> roots;
  private final Engine engine;
  private final ClassLoader loader;

  Scripts(List<String> roots, Engine engine, ClassLoader loader) {
    this.roots = List.copyOf(roots);
    this.engine = engine;
    this.loader = loader;
  }

  /** The Flyway locations that exist, such as {@code classpath:db/migration/common}. */
  List<String> flywayLocations() {
    List<String> locations = new ArrayList<>();
    for (String folder : migrationFolders()) {
      locations.add("classpath:" + folder);
    }
    return locations;
  }

  /** The SQL of a migration script, found by its file name. */
  Optional<String> migrationSql(String script) {
    String name = fileName(script);
    for (String folder : migrationFolders()) {
      Optional<String> sql = read(folder + "/" + name);
      if (sql.isPresent()) {
        return sql;
      }
    }
    return Optional.empty();
  }

  /**
   * The SQL of the rollback script paired with a migration script: {@code V1__x} → {@code U1__x}.
   */
  Optional<String> rollbackSql(String script) {
    String name = "U" + fileName(script).substring(1);
    for (String root : roots) {
      for (String folder : List.of(engine.folder(), "common")) {
        Optional<String> sql = read(root + "/rollback/" + folder + "/" + name);
        if (sql.isPresent()) {
          return sql;
        }
      }
    }
    return Optional.empty();
  }

  /** The tables a script creates, alters, drops or writes, lower case, in order of appearance. */
  static List<String> touchedTables(String sql) {
    Set<String> tables = new LinkedHashSet<>();
    Matcher matcher = TOUCHED_TABLE.matcher(LINE_COMMENT.matcher(sql).replaceAll(""));
    while (matcher.find()) {
      tables.add(matcher.group(1).toLowerCase(Locale.ROOT));
    }
    return List.copyOf(tables);
  }

  /** Whether a script declares that it may lower row counts. */
  static boolean dropsRows(String sql) {
    return sql.contains(DROPS_ROWS_MARKER);
  }

  private List<String> migrationFolders() {
    List<String> folders = new ArrayList<>();
    for (String root : roots) {
      for (String folder : List.of("common", engine.folder())) {
        String path = root + "/migration/" + folder;
        if (loader.getResource(path) != null) {
          folders.add(path);
        }
      }
    }
    return folders;
  }

  private Optional<String> read(String path) {
    URL url = loader.getResource(path);
    if (url == null) {
      return Optional.empty();
    }
    try (InputStream in = url.openStream()) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private static String fileName(String script) {
    return script.substring(script.lastIndexOf('/') + 1);
  }
}
