/** The portal: Javalin wiring in {@link vn.archive.web.WebServer}, one controller per feature, Pebble views. */
package vn.archive.web;
