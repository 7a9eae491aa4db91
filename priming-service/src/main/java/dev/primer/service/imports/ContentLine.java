package dev.primer.service.imports;

/** One line of a content import: a record id and its content in base64. */
record ContentLine(String id, String contentBase64) {}
