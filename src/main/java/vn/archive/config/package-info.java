/** Application configuration, read once and validated at the edge. */
package vn.archive.config;
