package dev.podgraph.importer.notes;

/** A sponsor named in an announcement, with the show's tracking link for it (made absolute). */
public record Sponsor(String name, String url) {}
