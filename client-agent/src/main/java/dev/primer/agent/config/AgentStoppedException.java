package dev.primer.agent.config;

/**
 * The agent cannot go on and the rep must act (the device was revoked and wiped, or its token
 * expired): the message is the one line printed, as it is, and the command exits 1.
 */
public final class AgentStoppedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AgentStoppedException(String line) {
    super("primer agent: " + line);
  }
}
