package dev.podgraph.guest;
