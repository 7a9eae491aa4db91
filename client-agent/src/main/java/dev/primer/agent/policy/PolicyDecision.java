package dev.primer.agent.policy;

/**
 * Whether the agent may download now, and why in words a rep understands.
 *
 * @param allowed true when the network counts as the office
 * @param reason what made the decision, e.g. "on office Wi-Fi 'acme-corp'"
 */
public record PolicyDecision(boolean allowed, String reason) {
  static PolicyDecision allow(String reason) {
    return new PolicyDecision(true, reason);
  }

  static PolicyDecision deny(String reason) {
    return new PolicyDecision(false, reason);
  }
}
