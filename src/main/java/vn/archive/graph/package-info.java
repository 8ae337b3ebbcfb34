/**
 * The reference graph and what is built on it. Resolution ({@link vn.archive.graph.CitationResolver}: local numbers
 * inside their province or district, laws by name, ambiguity left unlinked), warnings
 * ({@link vn.archive.graph.GraphWarnings}), the graph asked of the index per query
 * ({@link vn.archive.graph.QueriedReferences} over {@link vn.archive.index.GraphLookups}) or held for a constructed
 * set ({@link vn.archive.graph.ReferenceSnapshot}), trees and citation lists ({@link vn.archive.graph.ReferenceGraph}),
 * and implementation tracking: who was asked to act on a directive (its recipients resolved to concrete units with
 * the table of administrative units valid on its date), who has responded, and who is late or overdue.
 */
package vn.archive.graph;
