/**
 * The {@code bench} scenarios. Each compares SessionGrid against its baseline in the same run, prints a
 * table, and writes {@code target/bench/<scenario>.json} through {@link io.sessiongrid.node.bench.BenchReport}
 * in the format CONVENTIONS.md fixes.
 */
package io.sessiongrid.node.bench;
