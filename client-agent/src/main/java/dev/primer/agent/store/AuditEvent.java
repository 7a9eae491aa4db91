package dev.primer.agent.store;

/**
 * A step to record in the device's audit log.
 *
 * @param event what happened, e.g. {@code quote}, {@code quote-document}
 * @param subject what it happened to, e.g. the quote's id
 * @param detail what a later reader needs, as JSON (sealed at rest)
 */
public record AuditEvent(String event, String subject, String detail) {}
