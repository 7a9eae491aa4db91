package dev.primer.agent.cli;

import dev.primer.agent.config.AgentConfig;
import dev.primer.agent.config.AgentHome;
import dev.primer.agent.crypto.FieldCipher;
import dev.primer.agent.crypto.SearchTokens;
import dev.primer.agent.crypto.StoreKey;
import dev.primer.agent.policy.NetworkPolicy;
import dev.primer.agent.policy.PolicyDecision;
import dev.primer.agent.store.LocalStore;
import dev.primer.agent.sync.ServiceClient;
import dev.primer.agent.sync.Syncer;
import dev.primer.agent.trust.Transport;
import dev.primer.agent.util.PrivateFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;

/** An enrolled agent opened from its home: config, key, store and service client. */
final class Agent implements AutoCloseable {
  final AgentHome home;
  final AgentConfig config;
  final LocalStore store;
  final ServiceClient client;

  private Agent(AgentHome home, AgentConfig config, LocalStore store) {
    this.home = home;
    this.config = config;
    this.store = store;
    this.client =
        new ServiceClient(
            config.server(),
            config.token(),
            Transport.of(config.insecureHttp(), config.pinSha256()));
  }

  /**
   * Opens the agent enrolled in {@code home}; a server reached only by --insecure-http is warned
   * about on {@code err}, every run.
   */
  static Agent open(AgentHome home, AgentContext context, PrintWriter err) {
    AgentConfig config = home.config();
    LocalStore store = openStore(home, context);
    try {
      Agent agent = new Agent(home, config, store);
      agent.client.warning().ifPresent(err::println);
      return agent;
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * Opens the store of {@code home} with the home's key (asking for what its protection needs);
   * first narrows the home to its owner (0700 folders, 0600 files) where an earlier agent or a copy
   * left it wider.
   */
  static LocalStore openStore(AgentHome home, AgentContext context) {
    PrivateFiles.tighten(home.dir());
    StoreKey key = StoreKeys.open(home, context);
    return LocalStore.open(
        home.storeFile(),
        home.blobDir(),
        new FieldCipher(key.encryptionKey()),
        new SearchTokens(key.tokenKey()));
  }

  /**
   * Says how far the store's search index is behind, when it is (after a sync was killed: the next
   * search or sync brings it up to date first); returns the count.
   */
  static long reportSearchIndexLag(LocalStore store, PrintWriter out) {
    long behind = store.searchIndexBehind();
    if (behind > 0) {
      out.printf("search index: %,d records to index or remove%n", behind);
    }
    return behind;
  }

  /** The policy decision for the network as {@code context} sees it. */
  PolicyDecision policy(AgentContext context) {
    return new NetworkPolicy(
            config.ssids(), config.officeCidrs(), config.beacon(), config.allowMetered())
        .decide(context.probe());
  }

  /** A syncer for this agent. */
  Syncer syncer(Clock clock) {
    return new Syncer(store, client, config, clock, this::usableDisk);
  }

  private long usableDisk() {
    try {
      return Files.getFileStore(home.dir()).getUsableSpace();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read free disk space of " + home.dir(), e);
    }
  }

  @Override
  public void close() {
    store.close();
  }
}
