/** One class per CLI verb; each parses its options and calls the composition root. */
package vn.archive.cli;
