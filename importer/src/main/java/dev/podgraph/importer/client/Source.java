package dev.podgraph.importer.client;

/** A document to import: the name it is reported under and its text. */
public record Source(String name, String text) {}
