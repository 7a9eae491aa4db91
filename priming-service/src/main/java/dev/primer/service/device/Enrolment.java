package dev.primer.service.device;

/** The body of {@code POST /v1/devices}. */
public record Enrolment(String name, String platform) {}
