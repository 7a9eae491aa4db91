package dev.primer.core.features;

/** One model input: its stable name and what it means, in one line. */
public record Feature(String name, String meaning) {}
