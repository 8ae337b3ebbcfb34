/**
 * The benchmark harness: a macro harness ({@link vn.archive.bench.BenchMain}, run by {@code bench/run}) that measures
 * ingest, query latency, facets, a PostgreSQL peer and footprint on a generated corpus and writes
 * {@code bench/RESULTS.md}, plus JMH micro-benchmarks. Every figure is a ratio to a baseline measured in the same
 * run. Nothing here runs in {@code mvn verify}.
 */
package vn.archive.bench;
