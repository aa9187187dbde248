package dev.podgraph.common.error;

/** One broken input rule: the path of the offending field (e.g. {@code input.title}) and why. */
public record FieldViolation(String field, String message) {}
