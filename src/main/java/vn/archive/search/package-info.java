/**
 * Queries, facets and snippets over the index, behind {@link vn.archive.search.SearchService}; which documents are
 * renditions of one directive ({@link vn.archive.search.Renditions}).
 */
package vn.archive.search;
