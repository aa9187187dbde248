package dev.podgraph.importer.notes;

/**
 * The intro/outro music credit. {@code text} is always the credit as written after "is from"; work,
 * artist and license are null when the line cannot be split without guessing.
 */
public record MusicCredit(String text, String work, String artist, String license) {}
