package dev.primer.protocol.device;

/**
 * The body of {@code POST /v1/devices}: the device a user registers.
 *
 * @param name the device's name as its user knows it, e.g. "Dana's laptop"
 * @param platform its operating system, e.g. "linux"
 */
public record EnrolRequest(String name, String platform) {}
