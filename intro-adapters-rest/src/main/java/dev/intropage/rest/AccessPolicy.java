package dev.intropage.rest;

/**
 * Decides who may act on whose page: the one place object-level authorization lives. Shaped as a
 * policy object so that delegation (an assistant reading a manager's page) can be added here.
 */
public final class AccessPolicy {
  /** What a caller wants to do. */
  public enum Action {
    /** Read a page, its health or its activity. */
    READ,
    /** Change preferences or act on items: only the owner. */
    WRITE,
    /** Operator endpoints: metrics, cache invalidation. */
    OPERATE
  }

  /** Returns whether the caller may do the action on the user's page. */
  public boolean permits(Caller caller, Action action, String pageOwner) {
    return switch (action) {
      case READ -> caller.userId().equals(pageOwner) || caller.isAdmin();
      case WRITE -> caller.userId().equals(pageOwner);
      case OPERATE -> caller.isAdmin();
    };
  }
}
