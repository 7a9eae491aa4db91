package dev.primer.agent.cli;

import dev.primer.agent.policy.NetworkProbe;
import java.time.Clock;

/**
 * What the commands take from the world: the network as seen by the machine, and the clock. Tests
 * construct the CLI with their own.
 */
public record AgentContext(NetworkProbe probe, Clock clock) {}
