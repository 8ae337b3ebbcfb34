/**
 * Vietnamese text rules: Unicode cleanup, canonical tone-mark placement, diacritic folding, and the Lucene analyzers
 * that apply them. Rules live in pure classes; token filters are thin adapters.
 */
package vn.archive.text;
