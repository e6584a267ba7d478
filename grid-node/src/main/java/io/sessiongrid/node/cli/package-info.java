/**
 * The {@code ./sessiongrid} command line (picocli): {@code start}, {@code demo}, {@code bench}, ... Each
 * command is a thin class that parses options and calls the feature that does the work.
 */
package io.sessiongrid.node.cli;
