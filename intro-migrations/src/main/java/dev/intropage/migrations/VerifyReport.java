package dev.intropage.migrations;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The result of {@link MigrationRunner#verify()}: one entry per check.
 *
 * @param checks the checks, in the order they ran
 */
public record VerifyReport(List<Check> checks) {

  /** Copies the checks. */
  public VerifyReport {
    checks = List.copyOf(checks);
  }

  /** Returns whether every check passed. */
  public boolean passed() {
    return checks.stream().allMatch(Check::passed);
  }

  /** Returns the checks that failed. */
  public List<Check> failures() {
    return checks.stream().filter(check -> !check.passed()).toList();
  }

  /**
   * One check.
   *
   * @param name what was checked, such as {@code foreign-keys} or {@code row-count:users}
   * @param passed whether it passed
   * @param detail what was found; explains a failure
   */
  public record Check(String name, boolean passed, String detail) {

    /** Validates the check. */
    public Check {
      requireNonNull(name, "name");
      requireNonNull(detail, "detail");
    }
  }
}
