/** On-disk primitives shared by the archive's stores: writes that never leave a half-written file behind. */
package vn.archive.storage;
