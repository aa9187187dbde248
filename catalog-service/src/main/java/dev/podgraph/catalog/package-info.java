package dev.podgraph.catalog;
