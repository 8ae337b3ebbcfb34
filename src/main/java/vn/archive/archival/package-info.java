/** Archival packages (E-ARK CSIP layout of Thông tư 05/2025/TT-BNV's annexes) for handing documents between archives. */
package vn.archive.archival;
