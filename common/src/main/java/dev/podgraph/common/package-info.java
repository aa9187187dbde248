package dev.podgraph.common;
