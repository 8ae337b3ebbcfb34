/**
 * The SolrCloud backend: the archive's index on an existing SolrCloud (Solr 9.10) through SolrJ 10 with the JDK HTTP
 * client. What runs inside Solr (the analysis plugin, the node launcher) is built apart, in src/solr, on Solr's own
 * Lucene; the collection's configset is index-config/solr. Depends on index (fields, mapping) and model.
 */
package vn.archive.solr;
