package dev.primer.agent.cli;

import dev.primer.agent.config.AgentConfig;
import dev.primer.agent.config.AgentHome;
import dev.primer.agent.config.AgentStoppedException;
import dev.primer.agent.config.RemoteWipe;
import dev.primer.agent.crypto.FieldCipher;
import dev.primer.agent.crypto.SearchTokens;
import dev.primer.agent.crypto.StoreKey;
import dev.primer.agent.edits.EditEndpoint;
import dev.primer.agent.edits.EditUploader;
import dev.primer.agent.edits.UploadResult;
import dev.primer.agent.policy.NetworkPolicy;
import dev.primer.agent.policy.PolicyDecision;
import dev.primer.agent.store.LocalStore;
import dev.primer.agent.sync.ServiceClient;
import dev.primer.agent.sync.Syncer;
import dev.primer.agent.token.TokenRenewal;
import dev.primer.agent.trust.Transport;
import dev.primer.agent.util.PrivateFiles;
import dev.primer.protocol.client.RefusedAnswerException;
import dev.primer.protocol.client.RetryPolicy;
import dev.primer.protocol.client.ServiceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/** An enrolled agent opened from its home: config, key, store and service client. */
public final class Agent implements AutoCloseable {
  final AgentHome home;
  final LocalStore store;
  // Both replaced when the device token is renewed; read by the daemon's upload thread too.
  volatile AgentConfig config;
  volatile ServiceClient client;

  private Agent(AgentHome home, AgentConfig config, LocalStore store) {
    this.home = home;
    this.config = config;
    this.store = store;
    this.client = client(config);
  }

  private static ServiceClient client(AgentConfig config) {
    return new ServiceClient(
        config.server(), config.token(), Transport.of(config.insecureHttp(), config.pinSha256()));
  }

  /**
   * Renews the device token when it is inside its renewal window ({@link TokenRenewal}): the new
   * token is saved (temp file 0600, atomic rename) before it is used. A renewal that fails while
   * the token still works is a warning on {@code err}; a revoked device or an expired token is
   * thrown, for {@link #stopIfRefused}.
   */
  void renewTokenIfDue(Clock clock, PrintWriter err) {
    Optional<Instant> expires = config.tokenExpiry();
    Instant now = clock.instant();
    if (expires.isEmpty() || !TokenRenewal.due(now, config.tokenIssued(), expires.get())) {
      return;
    }
    try {
      ServiceClient.DeviceToken renewed = client.renewToken(config.deviceId());
      AgentConfig next = config.withToken(renewed.token(), renewed.expiresAt(), now);
      home.save(next);
      config = next;
      client = client(next);
    } catch (ServiceException e) {
      if (e.deviceRevoked() || e.tokenExpired()) {
        throw e;
      }
      warnRenewal(err, e, expires.get());
    } catch (UncheckedIOException | RefusedAnswerException e) {
      warnRenewal(err, e, expires.get());
    }
  }

  private static void warnRenewal(PrintWriter err, RuntimeException e, Instant expires) {
    err.println(
        "warning: could not renew the device token ("
            + e.getMessage()
            + "); it stays valid until "
            + expires
            + ", the next sync tries again");
    err.flush();
  }

  /**
   * What a refusal by the service means for {@code home}: a revoked device is wiped (remote wipe)
   * and an expired token told, each as one {@link AgentStoppedException} line; any other failure is
   * returned as it is.
   */
  static RuntimeException stopIfRefused(AgentHome home, ServiceException e, Clock clock) {
    if (!e.deviceRevoked() && e.status() != 401) {
      return e;
    }
    AgentConfig config = home.config();
    if (e.deviceRevoked()) {
      RemoteWipe.wipe(home, config, clock.instant());
      return new AgentStoppedException(
          "this device was revoked by an administrator; its local data has been wiped");
    }
    Optional<Instant> expiry = config.tokenExpiry();
    if (e.tokenExpired() || expiry.filter(x -> !clock.instant().isBefore(x)).isPresent()) {
      return new AgentStoppedException(
          "the device token expired"
              + expiry.map(x -> " on " + x).orElse("")
              + "; enrol again: bin/primer agent enroll"
              + (home.equals(AgentHome.defaultHome()) ? "" : " --home " + home.dir())
              + " --server "
              + config.server()
              + " --token <your token>");
    }
    return e;
  }

  /**
   * Opens the agent enrolled in {@code home}; a server reached only by --insecure-http is warned
   * about on {@code err}, every run.
   */
  public static Agent open(AgentHome home, AgentContext context, PrintWriter err) {
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
  public static LocalStore openStore(AgentHome home, AgentContext context) {
    home.requireNotRevoked();
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

  /** An uploader of this agent's edits through its current client. */
  public EditUploader uploader(Clock clock, RetryPolicy retrying, Consumer<String> log) {
    return uploader(store, clock, retrying, log);
  }

  /**
   * An uploader of the edits in {@code on} (a store opened by another thread: one SQLite connection
   * per thread) through this agent's current client, the one a renewal last put in place.
   */
  EditUploader uploader(LocalStore on, Clock clock, RetryPolicy retrying, Consumer<String> log) {
    return new EditUploader(on, EditEndpoint.of(client, config.deviceId()), clock, retrying, log);
  }

  /**
   * An uploader for the try right after a local edit: one attempt, a short wait to connect and for
   * the answer, so a rep offline is told at once rather than kept waiting.
   */
  EditUploader quickUploader(Clock clock, Consumer<String> log) {
    ServiceClient quick =
        new ServiceClient(
            config.server(),
            config.token(),
            Transport.of(config.insecureHttp(), config.pinSha256()),
            Duration.ofSeconds(2),
            Duration.ofSeconds(10));
    return new EditUploader(
        store, EditEndpoint.of(quick, config.deviceId()), clock, RetryPolicy.never(), log);
  }

  /**
   * Uploads pending edits before a sync, on any network; a failure is a warning on {@code err} (the
   * daemon's heartbeat or the next sync tries again), except a refused device, thrown for {@link
   * #stopIfRefused}.
   */
  void uploadEdits(Clock clock, PrintWriter err) {
    if (store.editWork().idle()) {
      return;
    }
    try {
      UploadResult result = uploader(clock, RetryPolicy.standard(), err::println).upload();
      err.println("edits: " + result.summary());
    } catch (ServiceException e) {
      if (refusesDevice(e)) {
        throw e;
      }
      err.println("warning: edits not uploaded (" + e.getMessage() + "); they stay pending");
    } catch (RuntimeException e) {
      err.println("warning: edits not uploaded (" + e.getMessage() + "); they stay pending");
    }
    err.flush();
  }

  /** Whether the service refused this device itself (revoked, or its token expired). */
  static boolean refusesDevice(ServiceException e) {
    return e.deviceRevoked() || e.tokenExpired() || e.status() == 401;
  }

  /** The policy decision for the network as {@code context} sees it. */
  PolicyDecision policy(AgentContext context) {
    return new NetworkPolicy(
            config.ssids(), config.officeCidrs(), config.beacon(), config.allowMetered())
        .decide(context.probe());
  }

  /** The agent's local store. */
  public LocalStore store() {
    return store;
  }

  /** A syncer for this agent. */
  public Syncer syncer(Clock clock) {
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
