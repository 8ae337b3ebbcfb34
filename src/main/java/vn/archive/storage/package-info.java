/**
 * On-disk primitives shared by the archive's stores: the content-addressed store of originals, texts and renditions,
 * and writes that never leave a half-written file behind.
 */
package vn.archive.storage;
