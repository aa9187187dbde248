package dev.podgraph.rules;

/** A sponsor named in an announcement, with the link read out for it (made absolute). */
public record Sponsor(String name, String url) {}
