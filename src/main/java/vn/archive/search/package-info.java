/**
 * Queries, facets and snippets over the index, behind {@link vn.archive.search.SearchService}; and the citation graph
 * (who cites whom, implementation trees), resolved at query time, behind {@link vn.archive.search.ReferenceGraph}.
 */
package vn.archive.search;
