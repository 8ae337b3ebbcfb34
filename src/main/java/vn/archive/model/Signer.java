package vn.archive.model;

/** Who signed a document, in what position and under which authority (T/M, K/T, T/L, TM., KT., TUQ., Q.). */
public record Signer(String name, String position, String authority) {
}
