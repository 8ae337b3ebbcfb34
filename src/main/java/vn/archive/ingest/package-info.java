/**
 * Ingestion: scan inputs (files, folders, ZIPs) → extract text with Tika → normalize → extract metadata → store
 * the original content-addressed → index. Every file ends with an {@link vn.archive.model.IngestOutcome}; no
 * exception escapes a batch.
 */
package vn.archive.ingest;
