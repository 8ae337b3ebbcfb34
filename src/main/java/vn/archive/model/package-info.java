/** Plain records that describe archived documents; no framework types live here, so every other package can depend on them. */
package vn.archive.model;
