/**
 * The index behind a narrow interface ({@link vn.archive.index.ArchiveIndex}), with its Lucene implementation:
 * field names in one place, the document-to-fields mapping, and the writer's lifecycle. A distributed backend
 * implements the same interface later.
 */
package vn.archive.index;
