/**
 * The README's code, compiled: each class holds one README snippet verbatim (checked by
 * {@code ReadmeSnippetsTest}), so what a new user copies from the README compiles against this version.
 */
package io.sessiongrid.examples;
