package dev.podgraph.composition;
