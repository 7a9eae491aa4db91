package dev.primer.agent.store;

/**
 * One entry of the device's audit log, as stored and chained.
 *
 * @param seq its place, from 1
 * @param at when, by the device's clock (ISO instant)
 * @param event what happened
 * @param subject what it happened to
 * @param detail the JSON detail, unsealed
 * @param prev the hash of the entry before (64 zeros for the first)
 * @param hash SHA-256 over prev, seq, at, event, subject and detail (hex)
 */
public record AuditEntry(
    long seq, String at, String event, String subject, String detail, String prev, String hash) {}
