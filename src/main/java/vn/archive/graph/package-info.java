/**
 * Implementation tracking: who was asked to act on a directive (its recipients resolved to concrete units with the
 * table of administrative units valid on its date), who has responded, and who is late or overdue. Reads the
 * reference graph and the search side; nothing here touches the index directly.
 */
package vn.archive.graph;
