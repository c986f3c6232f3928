package dev.intropage.migrations;

/**
 * Passes events on to the embedder's listener and logs, instead of throwing, what it throws: a
 * faulty listener must not stop a migration halfway.
 */
final class GuardedListener implements MigrationListener {
  private static final System.Logger LOG = System.getLogger(GuardedListener.class.getName());

  private final MigrationListener delegate;

  GuardedListener(MigrationListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void onEvent(MigrationEvent event) {
    try {
      delegate.onEvent(event);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "migration listener failed on " + event, e);
    }
  }
}
