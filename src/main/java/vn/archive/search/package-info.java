/** Queries, facets and snippets over the index, behind {@link vn.archive.search.SearchService}. */
package vn.archive.search;
