package dev.podgraph.importer;
