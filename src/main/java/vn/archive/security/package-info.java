/** Users, roles, clearances, sessions, login throttling and the audit log: who may see and change what. */
package vn.archive.security;
