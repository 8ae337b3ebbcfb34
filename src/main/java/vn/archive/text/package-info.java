/**
 * Vietnamese text rules: Unicode cleanup, canonical tone-mark placement, diacritic folding, and the Lucene analyzers
 * that apply them; where a document belongs ({@link vn.archive.text.Locality}) and what its text tells the reference
 * graph ({@link vn.archive.text.GraphText}). Rules live in pure classes; token filters are thin adapters.
 */
package vn.archive.text;
