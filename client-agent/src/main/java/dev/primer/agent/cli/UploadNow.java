package dev.primer.agent.cli;

import dev.primer.agent.edits.UploadResult;
import dev.primer.protocol.client.ServiceException;
import java.io.PrintWriter;
import java.time.Clock;

/**
 * The try to upload right after a local edit: one attempt with short timeouts. Offline, it says so
 * and the edit waits for the daemon's heartbeat or the next sync; only a refused device (revoked,
 * token expired) is thrown, to be handled like every other call.
 */
final class UploadNow {
  private UploadNow() {}

  /**
   * Notes go to {@code err}: the command's one line on stdout (the op id) is what scripts read,
   * whether or not the service answered.
   */
  static void attempt(Agent agent, boolean offline, Clock clock, PrintWriter err) {
    if (offline) {
      err.println("not uploading now (--offline); will upload when the service is reachable");
      err.flush();
      return;
    }
    try {
      UploadResult result = agent.quickUploader(clock, err::println).upload();
      err.println("uploaded: " + result.summary());
    } catch (ServiceException e) {
      if (Agent.refusesDevice(e)) {
        throw e;
      }
      err.println(NOT_NOW);
    } catch (RuntimeException e) {
      err.println(NOT_NOW);
    }
    err.flush();
  }

  /** The one note when the try fails: offline is the normal case, not an error. */
  static final String NOT_NOW = "will upload when the service is reachable";
}
