package dev.primer.service.content;

/** A stored blob: the hex SHA-256 of its bytes (its address) and its size. */
public record BlobInfo(String sha256, long size) {}
