/**
 * Archivists' corrections of extracted metadata: stored apart from the extracted values in an append-only
 * JSON-lines file, audited (who, when, old → new), and applied again whenever a document is imported or indexed.
 */
package vn.archive.curation;
