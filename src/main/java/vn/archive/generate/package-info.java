/**
 * A deterministic generator of realistic Party and State directives, for benchmarks and scale tests only: issuers
 * across the provinces and districts of {@code index-config/generator/}, kinds in realistic proportions, real header
 * layouts, citations down the implementation hierarchy (trung ương → tỉnh → huyện) and bodies learnt from the real
 * corpus. Its output is never shipped as data.
 */
package vn.archive.generate;
