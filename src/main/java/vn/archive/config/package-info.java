/** Application configuration, read once and validated at the edge, and the reader of the index-config tables. */
package vn.archive.config;
