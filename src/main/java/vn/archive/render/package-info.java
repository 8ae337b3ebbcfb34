/**
 * Renders plain text as the files officers actually receive (DOCX, PDF with a text layer, and, for OCR tests,
 * scanned images). Used to build the sample corpus and test fixtures; deterministic for a given text.
 */
package vn.archive.render;
