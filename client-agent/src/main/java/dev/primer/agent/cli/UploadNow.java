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

  static void attempt(Agent agent, boolean offline, Clock clock, PrintWriter out, PrintWriter err) {
    if (offline) {
      out.println("not uploading now (--offline); the daemon or the next sync uploads it");
      return;
    }
    try {
      UploadResult result = agent.quickUploader(clock, err::println).upload();
      out.println("uploaded: " + result.summary());
    } catch (ServiceException e) {
      if (Agent.refusesDevice(e)) {
        throw e;
      }
      out.println(notNow(e));
    } catch (RuntimeException e) {
      out.println(notNow(e));
    }
  }

  private static String notNow(RuntimeException e) {
    return "not uploaded now ("
        + String.valueOf(e.getMessage()).replaceAll("[\\r\\n]+", " ")
        + "); it stays pending: the daemon or the next sync uploads it";
  }
}
