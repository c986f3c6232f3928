package dev.intropage.app;

import dev.intropage.app.DevUsersResource.DevUser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads the users a dev sign-in offers from the service's own database. */
final class DemoUsers {
  private static final String FIRST =
      "SELECT id, display_name FROM users"
          + " ORDER BY CASE id WHEN 'ada' THEN 0 WHEN 'grace' THEN 1 ELSE 2 END, id LIMIT ?";

  private DemoUsers() {}

  /**
   * Returns up to {@code limit} users, {@code ada} and {@code grace} first, then by id.
   *
   * @throws IllegalStateException if the database cannot be read
   */
  static List<DevUser> first(DataSource dataSource, int limit) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(FIRST)) {
      query.setInt(1, limit);
      List<DevUser> users = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          users.add(new DevUser(rows.getString(1), rows.getString(2)));
        }
      }
      return users;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the users: " + e.getMessage(), e);
    }
  }
}
