package dev.podgraph.devinfra;
