package dev.podgraph.gateway;
