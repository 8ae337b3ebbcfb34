/**
 * Queries, facets and snippets over the index, behind {@link vn.archive.search.SearchService}; which documents are
 * renditions of one directive ({@link vn.archive.search.Renditions}); where a document belongs
 * ({@link vn.archive.search.Locality}).
 */
package vn.archive.search;
