/**
 * Metadata extraction: pure functions from a document's text to records. No I/O here beyond reading the
 * dictionaries handed in, so every rule can be unit tested on a string.
 */
package vn.archive.meta;
