package dev.primer.testdata.behaviour;

/** A behaviour config that cannot be used, with a one-line reason. */
public class BehaviourException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public BehaviourException(String message) {
    super(message);
  }
}
